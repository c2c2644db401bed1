package io.github.fxsession.internal.cookies;

import io.github.fxsession.cookies.SameSite;
import java.util.Objects;

/**
 * A cookie as the store keeps it. Times are milliseconds since the UNIX epoch.
 *
 * @param name the name
 * @param value the value
 * @param domain the canonical domain: lower case, ASCII (punycode), no leading dot
 * @param hostOnly whether only {@code domain} itself receives it
 * @param path the path, starting with {@code /}
 * @param secure the Secure flag
 * @param httpOnly the HttpOnly flag
 * @param sameSite the SameSite policy
 * @param persistent whether it has an expiry ({@code false}: a session cookie)
 * @param expiresAt the expiry; {@link Long#MAX_VALUE} for session cookies
 * @param createdAt when it was created; an overwrite that keeps the value keeps it, as Chromium does
 * @param lastAccessAt when it was last sent or read by a page (the order of eviction)
 */
public record StoredCookie(String name, String value, String domain, boolean hostOnly, String path, boolean secure,
                           boolean httpOnly, SameSite sameSite, boolean persistent, long expiresAt, long createdAt,
                           long lastAccessAt) {

    public StoredCookie {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(value, "value == null");
        Objects.requireNonNull(domain, "domain == null");
        Objects.requireNonNull(path, "path == null");
        Objects.requireNonNull(sameSite, "sameSite == null");
    }
}
