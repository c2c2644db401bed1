package io.github.fxsession.proxy;

import java.util.Objects;

/**
 * A proxy asking for credentials: what a {@link ProxyLoginHandler} is shown.
 *
 * <pre>{@code
 * session.setProxyLoginHandler(info -> CompletableFuture.completedFuture(
 *         info.host().equals("proxy.corp") ? new ProxyCredentials("alice", "secret") : null));
 * }</pre>
 *
 * <p>Electron equivalent: the {@code authInfo} of the {@code 'login'} event with {@code isProxy} true.
 *
 * <p>Threading: any thread (immutable).
 *
 * @param scheme {@code "basic"} for HTTP(S) proxies, {@code "socks5"} for SOCKS5 proxies
 * @param host the proxy's host
 * @param port the proxy's port
 * @param realm the realm the proxy announced, {@code ""} if none
 * @param attempt 1 for the first request, 2 and more after the proxy refused the previous credentials
 * @since 0.2
 */
public record ProxyAuthInfo(String scheme, String host, int port, String realm, int attempt) {

    /**
     * Checks the values.
     *
     * @throws NullPointerException if a value is null
     */
    public ProxyAuthInfo {
        Objects.requireNonNull(scheme, "scheme == null");
        Objects.requireNonNull(host, "host == null");
        Objects.requireNonNull(realm, "realm == null");
    }
}
