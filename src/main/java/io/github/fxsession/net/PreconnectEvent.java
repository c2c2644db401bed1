package io.github.fxsession.net;

import java.util.Objects;

/**
 * A page asked to preconnect to an origin: Electron's {@code 'preconnect'} event of a session. It is
 * emitted for each {@code <link rel="preconnect" href="...">} in an HTML document an attached engine
 * loads, and for each {@code Link: <...>; rel=preconnect} response header of such a document.
 *
 * <p>Threading: immutable; any thread.
 *
 * @param preconnectUrl the URL the page named, resolved against the document
 * @param allowCredentials whether the connection may carry credentials: {@code false} when the hint has
 *     {@code crossorigin} (or {@code crossorigin="anonymous"}), {@code true} otherwise, as the
 *     resource-hints specification says
 * @since 0.2
 */
public record PreconnectEvent(String preconnectUrl, boolean allowCredentials) {

    /**
     * Checks the values.
     *
     * @throws NullPointerException if {@code preconnectUrl} is null
     */
    public PreconnectEvent {
        Objects.requireNonNull(preconnectUrl, "preconnectUrl == null");
    }
}
