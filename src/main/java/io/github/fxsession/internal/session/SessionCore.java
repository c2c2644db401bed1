package io.github.fxsession.internal.session;

import io.github.fxsession.internal.bridge.DocumentInjector;
import io.github.fxsession.internal.cookies.CookieBridge;
import io.github.fxsession.internal.cookies.CookieInterceptor;
import io.github.fxsession.internal.cookies.CookieStore;
import io.github.fxsession.internal.cookies.CookiesImpl;
import io.github.fxsession.internal.net.IdentityInterceptor;
import io.github.fxsession.internal.net.Interceptor;
import io.github.fxsession.internal.net.InterceptorList;
import io.github.fxsession.internal.net.OkHttpTransport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/**
 * Everything one partition owns behind its public {@code Session}: its directories, its own HTTP
 * client (its own connection pool) and its interceptor chain, its identity on the wire, and the
 * engines attached to it.
 *
 * <p>Threading: any thread; mutable state is volatile or concurrent.
 */
public final class SessionCore {

    private final String partition;
    private final boolean persistent;
    private final Path storagePath;
    private final Path webKitDirectory;
    private final CoreOptions options;
    private volatile OkHttpClient client;
    private final InterceptorList interceptors;
    private final CookiesImpl cookies;
    private final io.github.fxsession.internal.webrequest.WebRequestImpl webRequest =
            new io.github.fxsession.internal.webrequest.WebRequestImpl();
    private final io.github.fxsession.internal.protocol.ProtocolImpl protocol =
            new io.github.fxsession.internal.protocol.ProtocolImpl();
    private final List<EngineBinding> bindings = new CopyOnWriteArrayList<>();
    private final AtomicLong requestCount = new AtomicLong();
    private volatile String userAgent;
    private volatile String acceptLanguageHeader;
    private volatile Object facade;

    public SessionCore(String partition, boolean persistent, Path storagePath, Path webKitDirectory, CoreOptions options) {
        this.partition = Objects.requireNonNull(partition, "partition == null");
        this.persistent = persistent;
        this.storagePath = storagePath;
        this.webKitDirectory = Objects.requireNonNull(webKitDirectory, "webKitDirectory == null");
        this.options = Objects.requireNonNull(options, "options == null");
        this.client = new OkHttpClient.Builder()
                .connectionPool(new ConnectionPool(5, 5, java.util.concurrent.TimeUnit.MINUTES))
                .followRedirects(false)
                .followSslRedirects(false)
                .connectTimeout(Duration.ofSeconds(30))
                .readTimeout(Duration.ofMinutes(60))
                // WebKit's own loader has no write timeout; none here also spares okio's watchdog thread
                // a wake-up per request.
                .writeTimeout(Duration.ZERO)
                .build();
        this.interceptors = new InterceptorList(new OkHttpTransport(this::client));
        this.acceptLanguageHeader = UserAgents.acceptLanguageHeader(UserAgents.defaultAcceptLanguages());
        interceptors.add(Interceptor.Stage.IDENTITY, new IdentityInterceptor());
        interceptors.add(Interceptor.Stage.DOCUMENT, new DocumentInjector());
        this.cookies = new CookiesImpl(new CookieStore());
        interceptors.add(Interceptor.Stage.STATE, new CookieInterceptor());
        CookieBridge.install();
        interceptors.add(Interceptor.Stage.WEB_REQUEST, webRequest.beforeRequest());
        interceptors.add(Interceptor.Stage.SEND_HEADERS, webRequest.sendHeaders());
        interceptors.add(Interceptor.Stage.PROTOCOL, protocol);
    }

    /** This partition's protocol handlers. */
    public io.github.fxsession.internal.protocol.ProtocolImpl protocol() {
        return protocol;
    }

    /** This partition's webRequest listeners. */
    public io.github.fxsession.internal.webrequest.WebRequestImpl webRequest() {
        return webRequest;
    }

    /** This partition's cookies (the public object over its store). */
    public CookiesImpl cookies() {
        return cookies;
    }

    public String partition() {
        return partition;
    }

    public boolean persistent() {
        return persistent;
    }

    /** The directory of a persistent partition, {@code null} for in-memory ones. */
    public Path storagePath() {
        return storagePath;
    }

    /** The user-data directory given to attached engines (a private temporary one for in-memory partitions). */
    public Path webKitDirectory() {
        return webKitDirectory;
    }

    public boolean cacheEnabled() {
        return options.cache();
    }

    public CoreOptions options() {
        return options;
    }

    /** The client requests of this partition use now (it changes when a capability reconfigures it). */
    public OkHttpClient client() {
        return client;
    }

    /**
     * Replaces this partition's client with one built from the current one by {@code change} (proxy,
     * TLS, cache, DNS and authentication settings live in the client). The new client keeps the
     * connection pool and dispatcher unless {@code change} replaces them; requests already running
     * finish with the old one. Capabilities must only touch their own settings. Any thread.
     */
    public synchronized void reconfigureClient(java.util.function.UnaryOperator<OkHttpClient.Builder> change) {
        client = change.apply(client.newBuilder()).build();
    }

    public InterceptorList interceptors() {
        return interceptors;
    }

    /** The explicit User-Agent, or {@code null} while the session uses WebView's stock one. */
    public String explicitUserAgent() {
        return userAgent;
    }

    /** The User-Agent this session sends. */
    public String userAgent() {
        String explicit = userAgent;
        return explicit != null ? explicit : StockUserAgent.get();
    }

    public String acceptLanguageHeader() {
        return acceptLanguageHeader;
    }

    /** Changes identity and pushes it into every attached engine (call on the FX thread, or any thread: engines are updated on the FX thread). */
    public void setIdentity(String newUserAgent, String newAcceptLanguageHeader) {
        this.userAgent = newUserAgent;
        if (newAcceptLanguageHeader != null) {
            this.acceptLanguageHeader = newAcceptLanguageHeader;
        }
        for (EngineBinding binding : bindings) {
            binding.refreshUserAgent();
        }
    }

    public List<EngineBinding> bindings() {
        return bindings;
    }

    void addBinding(EngineBinding binding) {
        bindings.add(binding);
    }

    void removeBinding(EngineBinding binding) {
        bindings.remove(binding);
    }

    /** Counts a request this session's chain carried (for statistics and tests of isolation). */
    public long countRequest() {
        return requestCount.incrementAndGet();
    }

    public long requestCount() {
        return requestCount.get();
    }

    public Object facade() {
        return facade;
    }

    public void setFacade(Object facade) {
        this.facade = facade;
    }

    @Override
    public String toString() {
        return "Session[" + (partition.isEmpty() ? "default" : partition) + "]";
    }
}
