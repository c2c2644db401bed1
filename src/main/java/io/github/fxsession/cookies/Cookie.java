package io.github.fxsession.cookies;

import java.util.Objects;

/**
 * A cookie as Electron describes it (its {@code Cookie} structure).
 *
 * <p>Threading: immutable; any thread.
 *
 * @param name the name
 * @param value the value
 * @param domain the domain: with a leading dot for domain cookies ({@code .example.com}), without for
 *     host-only ones, as Chromium reports it
 * @param hostOnly whether the cookie is sent to its exact host only
 * @param path the path
 * @param secure whether the cookie is sent over secure connections only
 * @param httpOnly whether the cookie is hidden from scripts
 * @param session whether the cookie ends with the session (it has no expiry)
 * @param expirationDate seconds since the UNIX epoch, or {@code null} for session cookies
 * @param sameSite the SameSite policy
 * @since 0.2
 */
public record Cookie(String name, String value, String domain, boolean hostOnly, String path, boolean secure,
                     boolean httpOnly, boolean session, Double expirationDate, SameSite sameSite) {

    /** Checks that the values are present and that {@code session} agrees with {@code expirationDate}. */
    public Cookie {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(value, "value == null");
        Objects.requireNonNull(domain, "domain == null");
        Objects.requireNonNull(path, "path == null");
        Objects.requireNonNull(sameSite, "sameSite == null");
        if (session != (expirationDate == null)) {
            throw new IllegalArgumentException("a session cookie has no expirationDate, any other has one: session="
                    + session + ", expirationDate=" + expirationDate);
        }
    }
}
