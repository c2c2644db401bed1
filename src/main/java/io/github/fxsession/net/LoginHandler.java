package io.github.fxsession.net;

import java.util.concurrent.CompletionStage;

/**
 * Answers a server's request for credentials (HTTP 401 with Basic or Digest authentication) for one
 * partition; set it with {@link io.github.fxsession.Session#setLoginHandler(LoginHandler)}.
 *
 * <pre>{@code
 * session.setLoginHandler(info -> CompletableFuture.completedFuture(
 *         info.host().equals("intranet.example") ? new Credentials("alice", secret) : null));
 * }</pre>
 *
 * <p>Complete the stage with the credentials, or with {@code null} to cancel: the page then shows the
 * server's 401 response, as Chromium does. Credentials that work are kept in the partition's auth cache
 * and sent again, without asking, to the same protection space (origin and realm) until
 * {@link io.github.fxsession.Session#clearAuthCache()}; credentials the server rejects are forgotten and
 * the handler is asked again. A load waits at most {@link #TIMEOUT_MINUTES} minutes for the answer. The
 * default handler (when none is set, or after {@code setLoginHandler(null)}) shows a JavaFX dialog
 * naming the host and the realm.
 *
 * <p>Electron equivalent: the {@code 'login'} event of {@code app} / {@code webContents}, as a handler of
 * the session.
 *
 * <p>Threading: called on a network thread; must be thread-safe and must not touch the scene graph
 * directly (use {@code Platform.runLater} and complete the stage from there). A synchronous XHR runs on
 * the FX Application Thread and cannot wait: it only gets cached credentials and the handler is not asked.
 *
 * @since 0.2
 */
@FunctionalInterface
public interface LoginHandler {

    /** How long a request waits for the handler's answer before it shows the 401 response. */
    int TIMEOUT_MINUTES = 5;

    /**
     * Asks for credentials for {@code authInfo}.
     *
     * @param authInfo who asks, for which realm and URL
     * @return a stage completed with the credentials, or with {@code null} to cancel
     */
    CompletionStage<Credentials> login(AuthInfo authInfo);
}
