package io.github.fxsession.proxy;

import java.util.Objects;

/**
 * A user name and password for a proxy: Basic credentials for HTTP(S) proxies, username/password
 * authentication (RFC 1929) for SOCKS5 proxies. The password never appears in {@link #toString()}.
 *
 * <pre>{@code
 * ProxyCredentials credentials = new ProxyCredentials("alice", "secret");
 * }</pre>
 *
 * <p>Electron equivalent: the {@code callback(username, password)} of the {@code 'login'} event for
 * proxies.
 *
 * <p>Threading: any thread (immutable).
 *
 * @param username the user name, not null
 * @param password the password, not null
 * @since 0.2
 */
public record ProxyCredentials(String username, String password) {

    /**
     * Checks the values.
     *
     * @throws NullPointerException if a value is null
     */
    public ProxyCredentials {
        Objects.requireNonNull(username, "username == null");
        Objects.requireNonNull(password, "password == null");
    }

    /** The user name only; the password is never shown. */
    @Override
    public String toString() {
        return "ProxyCredentials[username=" + username + ", password=***]";
    }
}
