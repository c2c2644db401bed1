package io.github.fxsession.internal.cookies;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.CookieHandler;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The JVM-wide {@link CookieHandler} while fxsession is in use: it keeps WebView's one global cookie
 * path from mixing partitions.
 *
 * <p>WebKit reaches the global handler only for {@code document.cookie} of documents without the page
 * bridge ({@code about:blank}, {@code srcdoc} and {@code data:} frames, {@code loadContent} and
 * {@code file:} pages; it rewrites their URL to {@code javascript://host/...}, with no page
 * information). Those calls get no cookies and their writes are dropped, so nothing can travel between
 * partitions this way; fxsession's requests never reach the global handler at all (each partition's
 * chain uses its own store). Every other call (the application's own {@code HttpURLConnection}
 * traffic) goes to the handler that was installed before, if any, exactly as without fxsession.
 *
 * <p>Threading: any thread.
 */
public final class GlobalCookieGuard extends CookieHandler {

    private static final System.Logger LOG = System.getLogger(GlobalCookieGuard.class.getName());
    private final CookieHandler previous;
    private final AtomicBoolean reported = new AtomicBoolean();

    GlobalCookieGuard(CookieHandler previous) {
        this.previous = previous;
    }

    /** Installs the guard as the JVM default, keeping the current default for other traffic. Idempotent. */
    public static synchronized void install() {
        CookieHandler current = CookieHandler.getDefault();
        if (!(current instanceof GlobalCookieGuard)) {
            CookieHandler.setDefault(new GlobalCookieGuard(current));
        }
    }

    /** The handler installed before the guard, or {@code null}. */
    public CookieHandler previous() {
        return previous;
    }

    @Override
    public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) throws IOException {
        if (fromWebKitScript(uri)) {
            report(uri);
            return Map.of();
        }
        return previous == null ? Map.of() : previous.get(uri, requestHeaders);
    }

    @Override
    public void put(URI uri, Map<String, List<String>> responseHeaders) throws IOException {
        if (fromWebKitScript(uri)) {
            report(uri);
            return;
        }
        if (previous != null) {
            previous.put(uri, responseHeaders);
        }
    }

    /** WebKit's {@code document.cookie} path rewrites the document URL to these schemes. */
    static boolean fromWebKitScript(URI uri) {
        String scheme = uri == null ? null : uri.getScheme();
        if (scheme == null) {
            return false;
        }
        String lower = scheme.toLowerCase(Locale.ROOT);
        return lower.equals("javascript") || lower.equals("javascripts");
    }

    private void report(URI uri) {
        if (reported.compareAndSet(false, true)) {
            LOG.log(Level.INFO, "document.cookie in a document without the page bridge (about:blank, srcdoc,"
                    + " data: or file: documents, plain loadContent): it sees no cookies and its writes are"
                    + " dropped, since WebView does not say which partition asks (first host: " + uri.getHost() + ")");
        }
    }
}
