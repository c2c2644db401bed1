package io.github.fxsession.internal.proxy;

import io.github.fxsession.internal.util.Globs;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Electron's {@code proxyBypassRules}, as Chromium's {@code ProxyBypassRules}: a list separated by
 * {@code ,} or {@code ;} of
 * <ul>
 *   <li>{@code [scheme "://"] host-pattern [":" port]}: {@code *} matches any characters
 *       ({@code "*.foobar.com"}, {@code "https://x.*.y.com:99"});</li>
 *   <li>{@code "." suffix [":" port]}: same as {@code "*.suffix"};</li>
 *   <li>{@code [scheme "://"] ip-literal [":" port]}: {@code "127.0.1"}, {@code "[::1]"}, {@code "http://[::1]:99"};</li>
 *   <li>{@code ip-literal "/" prefix-length}: a CIDR range ({@code "192.168.1.1/16"}, {@code "fefe:13::abc/33"});</li>
 *   <li>{@code <local>}: host names without a dot, and {@code 127.0.0.1}, {@code ::1}, {@code localhost};</li>
 *   <li>{@code <-loopback>}: removes the implicit rules, by which {@code localhost}, {@code *.localhost},
 *       loopback and link-local addresses never use a proxy.</li>
 * </ul>
 */
public final class BypassRules {

    private static final BypassRules IMPLICIT_ONLY = new BypassRules(List.of(), true);

    private final List<Rule> rules;
    private final boolean implicitLoopback;

    private BypassRules(List<Rule> rules, boolean implicitLoopback) {
        this.rules = rules;
        this.implicitLoopback = implicitLoopback;
    }

    /** The rules of {@code text}; blank text keeps only the implicit loopback rules. */
    public static BypassRules parse(String text) {
        Objects.requireNonNull(text, "rules == null");
        if (text.isBlank()) {
            return IMPLICIT_ONLY;
        }
        List<Rule> rules = new ArrayList<>();
        boolean implicit = true;
        for (String raw : text.split("[,;]")) {
            String rule = raw.strip();
            if (rule.isEmpty()) {
                continue;
            }
            if (rule.equalsIgnoreCase("<-loopback>")) {
                implicit = false;
            } else if (rule.equalsIgnoreCase("<local>")) {
                rules.add(Rule.LOCAL);
            } else {
                rules.add(parseRule(rule));
            }
        }
        return new BypassRules(List.copyOf(rules), implicit);
    }

    /** No rules at all, not even the implicit ones (PAC and system modes use this when nothing is given). */
    public static BypassRules none() {
        return new BypassRules(List.of(), false);
    }

    private static Rule parseRule(String rule) {
        String text = rule;
        int slash = text.indexOf('/');
        int schemeEnd = text.indexOf("://");
        if (slash >= 0 && (schemeEnd < 0 || slash < schemeEnd)) {
            return parseCidr(rule);
        }
        String scheme = null;
        if (schemeEnd >= 0) {
            scheme = text.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
            text = text.substring(schemeEnd + 3);
            if (scheme.isEmpty() || !scheme.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.')) {
                throw invalid(rule);
            }
        }
        String host;
        int port = -1;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0) {
                throw invalid(rule);
            }
            host = text.substring(1, close);
            String rest = text.substring(close + 1);
            if (!rest.isEmpty()) {
                port = rest.startsWith(":") ? HostPort.parsePort(rest.substring(1)) : -1;
                if (port < 0) {
                    throw invalid(rule);
                }
            }
            byte[] address = IpAddresses.parse(host);
            if (address == null) {
                throw invalid(rule);
            }
            return new IpRule(scheme, address, address.length * 8, port);
        }
        int colon = text.lastIndexOf(':');
        if (colon >= 0) {
            if (text.indexOf(':') != colon) {
                // a bare IPv6 literal without a port
                byte[] address = IpAddresses.parse(text);
                if (address == null) {
                    throw invalid(rule);
                }
                return new IpRule(scheme, address, address.length * 8, -1);
            }
            port = HostPort.parsePort(text.substring(colon + 1));
            if (port < 0) {
                throw invalid(rule);
            }
            text = text.substring(0, colon);
        }
        host = text.toLowerCase(Locale.ROOT);
        if (host.isEmpty() || !host.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '.' || c == '_' || c == '*')) {
            throw invalid(rule);
        }
        byte[] address = host.contains("*") ? null : IpAddresses.parse(host);
        if (address != null) {
            return new IpRule(scheme, address, address.length * 8, port);
        }
        if (host.startsWith(".")) {
            host = "*" + host;
        }
        return new HostRule(scheme, host, port);
    }

    private static Rule parseCidr(String rule) {
        int slash = rule.indexOf('/');
        String ip = rule.substring(0, slash).strip();
        if (ip.startsWith("[") && ip.endsWith("]")) {
            ip = ip.substring(1, ip.length() - 1);
        }
        byte[] address = IpAddresses.parse(ip);
        String prefix = rule.substring(slash + 1).strip();
        int bits = HostPort.parsePort(prefix);
        if (address == null || bits < 0 || bits > address.length * 8) {
            throw invalid(rule);
        }
        return new IpRule(null, address, bits, -1);
    }

    private static IllegalArgumentException invalid(String rule) {
        return new IllegalArgumentException("Invalid proxy bypass rule: '" + rule + "'");
    }

    /** Whether {@code url} goes direct. */
    public boolean matches(URI url) {
        String host = url.getHost();
        if (host == null) {
            return false;
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        int port = url.getPort() >= 0 ? url.getPort() : defaultPort(scheme);
        byte[] address = IpAddresses.parse(host);
        if (implicitLoopback && isImplicitlyBypassed(host, address)) {
            return true;
        }
        for (Rule rule : rules) {
            if (rule.matches(scheme, host, address, port)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isImplicitlyBypassed(String host, byte[] address) {
        if (address != null) {
            return IpAddresses.isLoopback(address) || IpAddresses.isLinkLocal(address);
        }
        return host.equals("localhost") || host.endsWith(".localhost");
    }

    static int defaultPort(String scheme) {
        return switch (scheme) {
            case "http", "ws" -> 80;
            case "https", "wss" -> 443;
            case "ftp" -> 21;
            default -> -1;
        };
    }

    private interface Rule {
        Rule LOCAL = (scheme, host, address, port) -> address == null
                ? host.indexOf('.') < 0
                : (address.length == 4 ? java.util.Arrays.equals(address, new byte[] {127, 0, 0, 1}) : IpAddresses.isLoopback(address));

        boolean matches(String scheme, String host, byte[] address, int port);
    }

    private record HostRule(String scheme, String pattern, int port) implements Rule {
        @Override
        public boolean matches(String urlScheme, String host, byte[] address, int urlPort) {
            return (scheme == null || scheme.equals(urlScheme)) && (port < 0 || port == urlPort)
                    && Globs.matches(pattern, host);
        }
    }

    private record IpRule(String scheme, byte[] network, int prefixLength, int port) implements Rule {
        @Override
        public boolean matches(String urlScheme, String host, byte[] address, int urlPort) {
            return address != null && (scheme == null || scheme.equals(urlScheme)) && (port < 0 || port == urlPort)
                    && IpAddresses.inRange(address, network, prefixLength);
        }
    }
}
