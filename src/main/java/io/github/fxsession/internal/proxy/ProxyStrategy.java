package io.github.fxsession.internal.proxy;

import java.net.URI;
import java.util.List;

/** How one configuration mode picks the proxies of a URL (bypass rules are applied around it). */
interface ProxyStrategy extends AutoCloseable {

    ProxyStrategy DIRECT = url -> List.of(ProxyServer.DIRECT);

    /** The proxies to try in order for {@code url}, never empty. */
    List<ProxyServer> proxiesFor(URI url);

    /**
     * The proxies for {@code url} if they are known without running a script (a cache hit, or a
     * strategy without a script), else null.
     */
    default List<ProxyServer> knownProxiesFor(URI url) {
        return proxiesFor(url);
    }

    /** Releases what the strategy holds (a PAC engine's thread). */
    @Override
    default void close() {
    }

    /** The {@code proxyRules} of a {@code fixed_servers} configuration. */
    static ProxyStrategy fixed(ProxyRules rules) {
        return url -> {
            List<ProxyServer> proxies = rules.proxiesFor(url);
            return proxies.isEmpty() ? List.of(ProxyServer.DIRECT) : proxies;
        };
    }
}
