package io.github.fxsession.internal.proxy;

import java.util.Locale;
import java.util.Objects;

/**
 * One entry of a proxy list: a proxy server or {@link #DIRECT}, as Chromium's {@code ProxyServer}.
 *
 * @param kind what the entry is
 * @param host the proxy host (IPv6 without brackets), {@code ""} for direct
 * @param port the proxy port, 0 for direct
 */
public record ProxyServer(Kind kind, String host, int port) {

    /** No proxy. */
    public static final ProxyServer DIRECT = new ProxyServer(Kind.DIRECT, "", 0);

    /** Kinds of list entries, with their URI scheme, PAC keyword and default port. */
    public enum Kind {
        DIRECT("direct", "DIRECT", 0),
        HTTP("http", "PROXY", 80),
        HTTPS("https", "HTTPS", 443),
        // Chromium writes SOCKS4 proxies as "SOCKS" in PAC strings, "for compatibility".
        SOCKS4("socks4", "SOCKS", 1080),
        SOCKS5("socks5", "SOCKS5", 1080);

        final String scheme;
        final String pacKeyword;
        final int defaultPort;

        Kind(String scheme, String pacKeyword, int defaultPort) {
            this.scheme = scheme;
            this.pacKeyword = pacKeyword;
            this.defaultPort = defaultPort;
        }
    }

    public ProxyServer {
        Objects.requireNonNull(kind, "kind == null");
        Objects.requireNonNull(host, "host == null");
    }

    /**
     * Parses {@code [scheme "://"] host [":" port]}; {@code defaultKind} applies without a scheme.
     *
     * @throws IllegalArgumentException quoting {@code uri} when it is malformed
     */
    static ProxyServer parseUri(String uri, Kind defaultKind) {
        String text = uri.strip();
        Kind kind = defaultKind;
        int separator = text.indexOf("://");
        if (separator >= 0) {
            String scheme = text.substring(0, separator).toLowerCase(Locale.ROOT);
            kind = switch (scheme) {
                case "direct" -> Kind.DIRECT;
                case "http" -> Kind.HTTP;
                case "https" -> Kind.HTTPS;
                case "socks4" -> Kind.SOCKS4;
                case "socks", "socks5" -> Kind.SOCKS5;
                default -> throw invalid(uri);
            };
            text = text.substring(separator + 3);
        }
        if (kind == Kind.DIRECT) {
            if (!text.isEmpty()) {
                throw invalid(uri);
            }
            return DIRECT;
        }
        HostPort hostPort = HostPort.parse(text, kind.defaultPort);
        if (hostPort == null) {
            throw invalid(uri);
        }
        return new ProxyServer(kind, hostPort.host(), hostPort.port());
    }

    /**
     * Parses one PAC result element ({@code "PROXY host:port"}, {@code "DIRECT"}...), or returns null
     * when it is not one.
     */
    static ProxyServer parsePacElement(String element) {
        String text = element.strip();
        if (text.equalsIgnoreCase("DIRECT")) {
            return DIRECT;
        }
        int space = text.indexOf(' ');
        if (space < 0) {
            return null;
        }
        String keyword = text.substring(0, space).toUpperCase(Locale.ROOT);
        Kind kind = switch (keyword) {
            case "PROXY", "HTTP" -> Kind.HTTP;
            case "HTTPS" -> Kind.HTTPS;
            case "SOCKS", "SOCKS4" -> Kind.SOCKS4;
            case "SOCKS5" -> Kind.SOCKS5;
            default -> null;
        };
        if (kind == null) {
            return null;
        }
        HostPort hostPort = HostPort.parse(text.substring(space + 1).strip(), kind.defaultPort);
        return hostPort == null ? null : new ProxyServer(kind, hostPort.host(), hostPort.port());
    }

    private static IllegalArgumentException invalid(String uri) {
        return new IllegalArgumentException("Invalid proxy server: '" + uri + "'");
    }

    public boolean isDirect() {
        return kind == Kind.DIRECT;
    }

    /** {@code host:port} with IPv6 hosts in brackets. */
    public String hostPort() {
        return HostPort.format(host, port);
    }

    /** Chromium's PAC-string element: {@code DIRECT}, {@code PROXY h:p}, {@code SOCKS h:p}... */
    public String pacString() {
        return isDirect() ? "DIRECT" : kind.pacKeyword + " " + hostPort();
    }

    @Override
    public String toString() {
        return pacString();
    }
}
