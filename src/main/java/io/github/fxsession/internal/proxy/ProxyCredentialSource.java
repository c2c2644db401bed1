package io.github.fxsession.internal.proxy;

import io.github.fxsession.proxy.ProxyCredentials;

/** Where a proxy connection gets credentials: the configuration's, remembered ones, then the login handler. */
interface ProxyCredentialSource {

    /**
     * Credentials for {@code server}, or null to give up.
     *
     * @param scheme {@code "basic"} or {@code "socks5"}
     * @param realm the announced realm, {@code ""} if none
     * @param attempt 1 first, more after a refusal
     * @param prompt whether the login handler may be asked (false for preemptive offers)
     */
    ProxyCredentials credentials(ProxyServer server, String scheme, String realm, int attempt, boolean prompt);

    /** {@code server} refused {@code credentials}: do not offer them again without asking. */
    void refused(ProxyServer server, ProxyCredentials credentials);
}
