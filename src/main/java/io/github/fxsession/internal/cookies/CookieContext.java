package io.github.fxsession.internal.cookies;

/**
 * The request context SameSite rules need.
 *
 * @param sameSite whether the request's site equals the site of the top-level document (and of its
 *     initiator, as far as it is known)
 * @param topLevelNavigation whether the request loads the main frame's document
 * @param safeMethod whether the method is GET, HEAD, OPTIONS or TRACE
 */
public record CookieContext(boolean sameSite, boolean topLevelNavigation, boolean safeMethod) {

    /** A same-site request: every cookie that matches the URL applies. */
    public static final CookieContext SAME_SITE = new CookieContext(true, true, true);
}
