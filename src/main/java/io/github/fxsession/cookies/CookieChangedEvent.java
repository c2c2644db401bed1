package io.github.fxsession.cookies;

import java.util.Objects;

/**
 * One change of a partition's cookies: Electron's {@code 'changed'} event arguments.
 *
 * <p>Threading: immutable; any thread.
 *
 * @param cookie the cookie that was added or removed
 * @param cause why
 * @param removed {@code true} when {@code cookie} left the store, {@code false} when it was added
 * @since 0.2
 */
public record CookieChangedEvent(Cookie cookie, CookieChangeCause cause, boolean removed) {

    /** Checks that {@code cookie} and {@code cause} are present. */
    public CookieChangedEvent {
        Objects.requireNonNull(cookie, "cookie == null");
        Objects.requireNonNull(cause, "cause == null");
    }
}
