package io.github.fxsession.internal.proxy;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code system} mode: the {@code http_proxy}, {@code https_proxy}, {@code all_proxy} and
 * {@code no_proxy} environment variables (either case) when any proxy variable is set, else the JDK's
 * default {@link ProxySelector} (system properties {@code http.proxyHost}... and, with
 * {@code java.net.useSystemProxies=true}, the desktop's settings).
 */
final class SystemStrategy implements ProxyStrategy {

    private final Map<String, String> environment;
    private final ProxySelector jdk;
    private final BypassRules noProxy;
    private final boolean bypassAll;

    SystemStrategy(Map<String, String> environment, ProxySelector jdk) {
        this.environment = environment;
        this.jdk = jdk;
        String list = variable("no_proxy");
        this.bypassAll = list != null && list.strip().equals("*");
        this.noProxy = list == null || bypassAll ? BypassRules.none() : noProxyRules(list);
    }

    /** {@code no_proxy} as bypass rules: {@code example.com} and {@code .example.com} cover the domain and its subdomains. */
    private static BypassRules noProxyRules(String list) {
        StringBuilder rules = new StringBuilder();
        for (String raw : list.split(",")) {
            String entry = raw.strip();
            if (entry.isEmpty()) {
                continue;
            }
            try {
                BypassRules.parse(entry);
            } catch (IllegalArgumentException e) {
                continue; // what curl would ignore
            }
            if (entry.contains("/") || entry.contains(":") || Character.isDigit(entry.charAt(entry.length() - 1))) {
                rules.append(entry).append(',');
            } else {
                String domain = entry.startsWith(".") ? entry.substring(1) : entry;
                rules.append(domain).append(",*.").append(domain).append(',');
            }
        }
        return BypassRules.parse(rules.toString() + "<-loopback>");
    }

    private String variable(String name) {
        String value = environment.get(name);
        if (value == null || value.isBlank()) {
            value = environment.get(name.toUpperCase(Locale.ROOT));
        }
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Never answered on the caller's thread: the desktop's proxy settings may take a while to read. */
    @Override
    public List<ProxyServer> knownProxiesFor(URI url) {
        return null;
    }

    @Override
    public List<ProxyServer> proxiesFor(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        String http = variable("http_proxy");
        String https = variable("https_proxy");
        String all = variable("all_proxy");
        if (http != null || https != null || all != null) {
            if (bypassAll || noProxy.matches(url)) {
                return List.of(ProxyServer.DIRECT);
            }
            String chosen = switch (scheme) {
                case "http", "ws" -> http;
                case "https", "wss" -> https;
                default -> null;
            };
            if (chosen == null) {
                chosen = all;
            }
            ProxyServer server = chosen == null ? null : fromEnvironment(chosen);
            return server == null ? List.of(ProxyServer.DIRECT) : List.of(server);
        }
        List<ProxyServer> proxies = new ArrayList<>();
        for (Proxy proxy : jdk == null ? List.<Proxy>of() : jdk.select(url)) {
            if (proxy.type() == Proxy.Type.DIRECT || !(proxy.address() instanceof InetSocketAddress address)) {
                proxies.add(ProxyServer.DIRECT);
            } else {
                ProxyServer.Kind kind = proxy.type() == Proxy.Type.SOCKS ? ProxyServer.Kind.SOCKS5 : ProxyServer.Kind.HTTP;
                proxies.add(new ProxyServer(kind, address.getHostString().toLowerCase(Locale.ROOT), address.getPort()));
            }
        }
        return proxies.isEmpty() ? List.of(ProxyServer.DIRECT) : List.copyOf(proxies);
    }

    /** {@code [scheme://][user:password@]host[:port][/]}; socks5h is socks5. Null when malformed. */
    static ProxyServer fromEnvironment(String value) {
        String text = value;
        int schemeEnd = text.indexOf("://");
        String scheme = schemeEnd < 0 ? "http" : text.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        String rest = schemeEnd < 0 ? text : text.substring(schemeEnd + 3);
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            rest = rest.substring(at + 1);
        }
        if (rest.endsWith("/")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        if (scheme.equals("socks5h")) {
            scheme = "socks5";
        } else if (scheme.equals("socks4a")) {
            scheme = "socks4";
        }
        try {
            return ProxyServer.parseUri(scheme + "://" + rest, ProxyServer.Kind.HTTP);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
