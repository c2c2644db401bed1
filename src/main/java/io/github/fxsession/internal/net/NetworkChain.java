package io.github.fxsession.internal.net;

import io.github.fxsession.internal.session.EngineBinding;
import io.github.fxsession.internal.session.SessionCore;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.net.URLStreamHandlerFactory;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.application.Platform;
import okhttp3.Headers;

/**
 * Owns the JVM's {@link URLStreamHandlerFactory} and routes every request of WebView's engine to the
 * chain of the session it belongs to.
 *
 * <p>WebKit in JavaFX sends http(s) requests through one JVM-wide {@code java.net.http.HttpClient}
 * unless the system property {@code com.sun.webkit.useHTTP2Loader} is {@code false} before the first
 * {@code WebEngine} exists; then every request (documents, frames, styles, scripts, images, XHR,
 * fetch) goes through {@link URL#openConnection()} and so through this factory. Other code of the
 * application that opens http(s) URLs is recognised (WebKit marks each request with its own
 * {@code Accept-Charset}) and handed, untouched, to the JDK's own handler.
 *
 * <p>Threading: any thread.
 */
public final class NetworkChain {

    /** The Accept-Charset WebKit's URL loader sets on every request it makes, and nobody else does. */
    static final String WEBKIT_ACCEPT_CHARSET = "ISO-8859-1,utf-8;q=0.7,*;q=0.7";
    static final String LOADER_PROPERTY = "com.sun.webkit.useHTTP2Loader";

    private static volatile boolean installed;
    private static volatile boolean routingSeen;
    private static volatile boolean misroutingReported;
    private static volatile IllegalStateException failure;
    private static volatile Supplier<SessionCore> defaultSession;
    /** Custom schemes some partition registered: their requests reach the chain too. */
    private static final java.util.Set<String> CUSTOM_SCHEMES = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private static URL jdkHttp;
    private static URL jdkHttps;

    private NetworkChain() {
    }

    /**
     * Installs the factory once per JVM.
     *
     * @throws IllegalStateException when another factory is already installed
     */
    public static synchronized void install(Supplier<SessionCore> defaultSessionSupplier) {
        defaultSession = Objects.requireNonNull(defaultSessionSupplier, "defaultSessionSupplier == null");
        if (installed) {
            return;
        }
        if (failure != null) {
            throw failure;
        }
        System.setProperty(LOADER_PROPERTY, "false");
        try {
            // URLs made before the factory keep the JDK's own handlers: new URL(context, spec) inherits them.
            jdkHttp = new URL("http://localhost/");
            jdkHttps = new URL("https://localhost/");
            URL.setURLStreamHandlerFactory(new Factory());
        } catch (Error | MalformedURLException e) {
            failure = new IllegalStateException("fxsession must own the JVM's URLStreamHandlerFactory to route"
                    + " WebView's requests per partition, but another one is already installed"
                    + " (URL.setURLStreamHandlerFactory can be called once per JVM); remove the other"
                    + " factory or register its protocols with fxsession instead", e);
            throw failure;
        }
        installed = true;
    }

    /** Opens a JDK connection for traffic that is not WebKit's. */
    static URLConnection openJdkConnection(URL url) throws IOException {
        URL context = url.getProtocol().equalsIgnoreCase("https") ? jdkHttps : jdkHttp;
        @SuppressWarnings("deprecation")
        URL jdkUrl = new URL(context, url.toExternalForm());
        return jdkUrl.openConnection();
    }

    /**
     * Decides which session a WebKit request belongs to.
     *
     * @throws FrameTracker.AmbiguousFrameException when a frame request cannot be attributed safely
     */
    static RequestContext classify(String url, Headers headers) throws IOException {
        String fetchDest = headers.get("Sec-Fetch-Dest");
        boolean onFx = Platform.isFxApplicationThread();
        ResourceType type = fetchDest == null && !url.regionMatches(true, 0, "http", 0, 4)
                ? ResourceType.ofCustomScheme(headers.get("Upgrade-Insecure-Requests"), headers.get("Accept"),
                        headers.get("User-Agent"), onFx)
                : ResourceType.fromFetchDest(fetchDest, onFx);
        String userAgent = headers.get("User-Agent");
        EngineBinding binding = EngineBinding.byUserAgent(userAgent);
        if (binding == null && (userAgent == null || userAgent.isEmpty())) {
            binding = FrameTracker.resolve(url, headers.get("Referer"));
        }
        if (binding != null) {
            routingSeen = true;
        }
        SessionCore session = binding != null ? binding.session() : defaultSession.get();
        return new RequestContext(session, binding, type);
    }

    /**
     * Called when an attached engine finished loading {@code location}: if no attached engine's request
     * has ever reached the chain, WebKit chose its built-in loader before fxsession was used, and no
     * partition can work in this JVM. Says so once, loudly.
     */
    public static void checkRouting(String location) {
        if (routingSeen || misroutingReported || location == null
                || !(location.startsWith("http:") || location.startsWith("https:"))) {
            return;
        }
        misroutingReported = true;
        System.getLogger(NetworkChain.class.getName()).log(System.Logger.Level.ERROR,
                "fxsession: an attached WebEngine loaded " + location + " without its requests reaching"
                        + " fxsession. A WebEngine was created before fxsession was first used, so WebKit"
                        + " kept its built-in loader for the whole JVM and partitions cannot isolate"
                        + " network state. Call Session.defaultSession() (or use SessionWebView) before"
                        + " creating the first WebView, or set -D" + LOADER_PROPERTY + "=false.");
    }

    /**
     * Routes requests of the custom scheme {@code scheme} (lower case) through the chain from now on. The JVM
     * keeps a URL handler once created, so the scheme stays routed; a partition that does not handle it
     * fails its requests.
     */
    public static void routeScheme(String scheme) {
        CUSTOM_SCHEMES.add(Objects.requireNonNull(scheme, "scheme == null"));
    }

    /** Whether a request with these headers was made by WebKit's URL loader. */
    static boolean isWebKit(String acceptCharset) {
        return WEBKIT_ACCEPT_CHARSET.equals(acceptCharset);
    }

    private static final class Factory implements URLStreamHandlerFactory {
        @Override
        public URLStreamHandler createURLStreamHandler(String protocol) {
            String p = protocol.toLowerCase(Locale.ROOT);
            if (p.equals("http") || p.equals("https")) {
                return new ChainHandler(p.equals("https") ? 443 : 80);
            }
            if (CUSTOM_SCHEMES.contains(p)) {
                return new ChainHandler(-1);
            }
            return null;
        }
    }

    private static final class ChainHandler extends URLStreamHandler {
        private final int defaultPort;

        ChainHandler(int defaultPort) {
            this.defaultPort = defaultPort;
        }

        @Override
        protected URLConnection openConnection(URL url) {
            return new ChainUrlConnection(url);
        }

        @Override
        protected int getDefaultPort() {
            return defaultPort;
        }
    }
}
