package io.github.fxsession.internal.proxy;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Electron's {@code proxyRules}, parsed as Chromium's {@code ProxyConfig::ProxyRules} does, but strict:
 * a malformed rule is an error quoting it instead of being skipped.
 *
 * <pre>
 * proxyRules    = schemeProxies[";"&lt;schemeProxies&gt;]
 * schemeProxies = [&lt;urlScheme&gt;"="]&lt;proxyURIList&gt;       urlScheme = "http" | "https" | "ftp" | "socks"
 * proxyURIList  = &lt;proxyURL&gt;[","&lt;proxyURIList&gt;]
 * proxyURL      = [&lt;proxyScheme&gt;"://"]&lt;proxyHost&gt;[":"&lt;proxyPort&gt;]
 * </pre>
 *
 * A list without {@code urlScheme} applies to every URL. {@code socks=} lists (SOCKS4 by default) apply to
 * URLs whose scheme has no list of its own.
 */
public final class ProxyRules {

    private static final ProxyRules EMPTY = new ProxyRules(List.of(), List.of(), List.of(), List.of(), List.of());

    private final List<ProxyServer> single;
    private final List<ProxyServer> http;
    private final List<ProxyServer> https;
    private final List<ProxyServer> ftp;
    private final List<ProxyServer> fallback;

    private ProxyRules(List<ProxyServer> single, List<ProxyServer> http, List<ProxyServer> https,
            List<ProxyServer> ftp, List<ProxyServer> fallback) {
        this.single = single;
        this.http = http;
        this.https = https;
        this.ftp = ftp;
        this.fallback = fallback;
    }

    /**
     * Parses {@code rules}; blank rules mean "no proxy".
     *
     * @throws IllegalArgumentException {@code "Invalid proxy rule: '<rule>'"} for the first malformed rule
     */
    public static ProxyRules parse(String rules) {
        Objects.requireNonNull(rules, "rules == null");
        if (rules.isBlank()) {
            return EMPTY;
        }
        List<ProxyServer> single = null;
        List<ProxyServer> http = new ArrayList<>();
        List<ProxyServer> https = new ArrayList<>();
        List<ProxyServer> ftp = new ArrayList<>();
        List<ProxyServer> fallback = new ArrayList<>();
        boolean perScheme = false;
        String[] entries = rules.strip().split(";", -1);
        for (int i = 0; i < entries.length; i++) {
            String rule = entries[i];
            if (rule.isBlank()) {
                if (i == entries.length - 1) {
                    continue; // a trailing ';'
                }
                throw invalid(rules);
            }
            int equals = rule.indexOf('=');
            if (equals < 0) {
                if (single != null || perScheme) {
                    throw invalid(rule); // one list for every scheme, or lists per scheme, not both
                }
                single = parseList(rule, rule, ProxyServer.Kind.HTTP);
                continue;
            }
            if (single != null) {
                throw invalid(rule);
            }
            perScheme = true;
            String scheme = rule.substring(0, equals).strip().toLowerCase(Locale.ROOT);
            String list = rule.substring(equals + 1);
            switch (scheme) {
                case "http" -> http.addAll(parseList(rule, list, ProxyServer.Kind.HTTP));
                case "https" -> https.addAll(parseList(rule, list, ProxyServer.Kind.HTTP));
                case "ftp" -> ftp.addAll(parseList(rule, list, ProxyServer.Kind.HTTP));
                // "socks" is not a URL scheme: it means "every other URL", SOCKS4 unless the list says otherwise
                case "socks" -> fallback.addAll(parseList(rule, list, ProxyServer.Kind.SOCKS4));
                default -> throw invalid(rule);
            }
        }
        if (single != null) {
            return new ProxyRules(List.copyOf(single), List.of(), List.of(), List.of(), List.of());
        }
        return new ProxyRules(List.of(), List.copyOf(http), List.copyOf(https), List.copyOf(ftp), List.copyOf(fallback));
    }

    private static List<ProxyServer> parseList(String rule, String list, ProxyServer.Kind defaultKind) {
        List<ProxyServer> servers = new ArrayList<>();
        for (String uri : list.split(",", -1)) {
            if (uri.isBlank()) {
                throw invalid(rule);
            }
            try {
                servers.add(ProxyServer.parseUri(uri, defaultKind));
            } catch (IllegalArgumentException e) {
                throw invalid(rule);
            }
        }
        return servers;
    }

    private static IllegalArgumentException invalid(String rule) {
        return new IllegalArgumentException("Invalid proxy rule: '" + rule.strip() + "'");
    }

    /** The proxies for {@code url} (bypass rules not applied); an empty list means direct. */
    public List<ProxyServer> proxiesFor(URI url) {
        if (!single.isEmpty()) {
            return single;
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        List<ProxyServer> own = switch (scheme) {
            case "http", "ws" -> http;
            case "https", "wss" -> https;
            case "ftp" -> ftp;
            default -> List.of();
        };
        return own.isEmpty() ? fallback : own;
    }

    /** Whether no URL gets a proxy. */
    public boolean isEmpty() {
        return single.isEmpty() && http.isEmpty() && https.isEmpty() && ftp.isEmpty() && fallback.isEmpty();
    }
}
