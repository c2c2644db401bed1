package io.github.fxsession.proxy;

import java.util.concurrent.CompletionStage;

/**
 * Answers a proxy's request for credentials, for one session. The default handler (restored by
 * setting {@code null}) shows a JavaFX dialog naming the proxy host.
 *
 * <pre>{@code
 * session.setProxyLoginHandler(info -> CompletableFuture.completedFuture(
 *         new ProxyCredentials("alice", "secret")));
 * }</pre>
 *
 * <p>Credentials given in the {@link ProxyConfig} are tried first; the handler is asked when there are
 * none or the proxy refused them. Credentials it returns are remembered for that proxy until the
 * session's proxy configuration changes.
 *
 * <p>Electron equivalent: the {@code 'login'} event of {@code app}/{@code webContents} for proxies
 * ({@code authInfo.isProxy}).
 *
 * <p>Threading: called on a network thread; must be thread-safe and must not touch the scene graph
 * (hop to the FX thread with {@code Platform.runLater} and complete the returned stage from there). The
 * network request waits for the stage, at most five minutes.
 *
 * @since 0.2
 */
@FunctionalInterface
public interface ProxyLoginHandler {

    /**
     * The credentials for the proxy described by {@code info}; a stage completed with {@code null}
     * (or exceptionally) cancels, and the request fails with the proxy's refusal.
     *
     * @param info the proxy and the attempt
     * @return the credentials to send, or a stage completed with {@code null} to cancel
     */
    CompletionStage<ProxyCredentials> login(ProxyAuthInfo info);
}
