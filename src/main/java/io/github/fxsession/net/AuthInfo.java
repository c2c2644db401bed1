package io.github.fxsession.net;

import java.util.Objects;

/**
 * A server's request for credentials, as a {@link LoginHandler} receives it.
 *
 * <p>Electron equivalent: the {@code authenticationResponseDetails.url} and {@code authInfo} of the
 * {@code 'login'} event.
 *
 * <p>Threading: immutable; any thread.
 *
 * @param url the URL that answered 401
 * @param isProxy whether a proxy asks; always {@code false} here (proxies authenticate through the
 *     partition's proxy settings)
 * @param scheme the authentication scheme chosen, lower case: {@code "basic"} or {@code "digest"}
 * @param host the server's host
 * @param port the server's port
 * @param realm the realm the server named ({@code ""} when it named none)
 * @since 0.2
 */
public record AuthInfo(String url, boolean isProxy, String scheme, String host, int port, String realm) {

    /** Checks the components (see the class description). */
    public AuthInfo {
        Objects.requireNonNull(url, "url == null");
        Objects.requireNonNull(scheme, "scheme == null");
        Objects.requireNonNull(host, "host == null");
        Objects.requireNonNull(realm, "realm == null");
    }
}
