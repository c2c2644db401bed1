/**
 * Cookies of a partition: Electron's {@code Cookies} class ({@code ses.cookies}).
 *
 * <p>Every partition has one cookie store, used by every request its engines send (the {@code Cookie}
 * header, {@code Set-Cookie} responses, redirects included) and by {@code document.cookie} in its pages.
 * Reach it with {@link io.github.fxsession.Session#cookies()}.
 *
 * @since 0.2
 */
package io.github.fxsession.cookies;
