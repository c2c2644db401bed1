package io.github.fxsession.internal.cookies;

import java.util.List;
import okhttp3.HttpUrl;

/**
 * The cookie store of one partition (contract; being implemented).
 *
 * <p>Threading: any thread; thread-safe.
 */
public final class CookieStore {

    /** The {@code Cookie} header value for a request to {@code url}, or {@code null} when no cookie applies. */
    public String cookieHeader(HttpUrl url, CookieContext context) {
        return null;
    }

    /** Stores the cookies of the {@code Set-Cookie} headers of a response from {@code url}. */
    public void receive(HttpUrl url, List<String> setCookieHeaders, CookieContext context) {
    }

    /** {@code document.cookie} for a document at {@code documentUrl}: no HttpOnly cookies; "" when none. */
    public String scriptCookies(HttpUrl documentUrl) {
        return "tmp:" + documentUrl;
    }

    /** A {@code document.cookie = cookieString} write from a document at {@code documentUrl}. */
    public void setFromScript(HttpUrl documentUrl, String cookieString) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Every cookie in the store (for persistence and tests). */
    public List<StoredCookie> snapshot() {
        throw new UnsupportedOperationException("not yet");
    }
}
