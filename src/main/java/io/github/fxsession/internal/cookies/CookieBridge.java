package io.github.fxsession.internal.cookies;

import io.github.fxsession.internal.bridge.BridgeMethod;
import io.github.fxsession.internal.bridge.PageBridge;
import java.lang.System.Logger.Level;
import okhttp3.HttpUrl;

/**
 * {@code document.cookie} of attached pages, through the page bridge: the bridge script replaces
 * {@code Document.prototype.cookie} and calls {@code cookie.get} / {@code cookie.set} here.
 *
 * <p>The document is identified by its bridge capability (a token it received when the chain served
 * it), never by what the page says: a page passes its current {@code location.href} (the path may have
 * changed with {@code history.pushState}), which is used only when it has the served document's
 * origin. Documents without a capability ({@code loadContent}, {@code file:}, {@code about:blank},
 * {@code data:} and {@code srcdoc} frames) have an opaque or unknown origin: they read {@code ""} and
 * their writes are dropped.
 *
 * <p>Threading: FX Application Thread (bridge calls).
 */
public final class CookieBridge {

    private static final System.Logger LOG = System.getLogger(CookieBridge.class.getName());

    static {
        PageBridge.register("cookie.get", CookieBridge::get);
        PageBridge.register("cookie.set", CookieBridge::set);
    }

    private CookieBridge() {
    }

    /** Registers the bridge methods (idempotent). */
    public static void install() {
        // the static initializer did it
    }

    private static Object get(BridgeMethod.Call call) {
        HttpUrl url = documentUrl(call);
        return url == null ? "" : store(call).scriptCookies(url);
    }

    private static Object set(BridgeMethod.Call call) {
        HttpUrl url = documentUrl(call);
        String cookie = call.args().path("cookie").asString(null);
        if (url == null || cookie == null) {
            LOG.log(Level.DEBUG, () -> "document.cookie write dropped: the document has no known origin");
            return null;
        }
        store(call).setFromScript(url, cookie);
        return null;
    }

    private static CookieStore store(BridgeMethod.Call call) {
        return call.binding().session().cookies().store();
    }

    /** The URL whose cookies the calling document sees, or {@code null} when it has no known origin. */
    static HttpUrl documentUrl(BridgeMethod.Call call) {
        HttpUrl served = call.documentUrl() == null ? null : HttpUrl.parse(call.documentUrl());
        if (served == null) {
            return null;
        }
        HttpUrl current = HttpUrl.parse(call.args().path("url").asString(""));
        if (current != null && current.scheme().equals(served.scheme()) && current.host().equals(served.host())
                && current.port() == served.port()) {
            return current;
        }
        return served;
    }
}
