package io.github.fxsession.net;

/**
 * Receives a session's {@code 'preconnect'} events.
 *
 * <p>Electron: {@code ses.on('preconnect', (event, preconnectUrl, allowCredentials) => ...)}; subscribe
 * with {@link io.github.fxsession.Session#onPreconnect}.
 *
 * <p>Threading: called on the network thread that loads the document naming the hint, before WebKit
 * parses that part of it; must be fast, must not throw, must not touch the scene graph (use
 * {@code Platform.runLater}).
 *
 * @since 0.2
 */
@FunctionalInterface
public interface PreconnectListener {

    /**
     * A page asked to preconnect.
     *
     * @param event the URL and whether credentials are allowed
     */
    void preconnect(PreconnectEvent event);
}
