package io.github.fxsession.internal.proxy;

import java.util.Locale;

/**
 * A host and port, parsed from {@code host[:port]} or {@code [v6]:port}.
 *
 * @param host lower-case host, IPv6 literals without brackets
 * @param port the port, or the default given to {@link #parse}
 */
record HostPort(String host, int port) {

    /** Parses {@code text}, or returns null when it is malformed (empty host, bad port, stray characters). */
    static HostPort parse(String text, int defaultPort) {
        String host;
        String port = null;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0) {
                return null;
            }
            host = text.substring(1, close);
            String rest = text.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    return null;
                }
                port = rest.substring(1);
            }
            if (host.isEmpty() || !host.contains(":") || IpAddresses.parse(host) == null) {
                return null;
            }
        } else {
            int colon = text.indexOf(':');
            if (colon >= 0 && text.indexOf(':', colon + 1) >= 0) {
                return null; // an IPv6 literal needs brackets here
            }
            host = colon < 0 ? text : text.substring(0, colon);
            port = colon < 0 ? null : text.substring(colon + 1);
            if (host.isEmpty() || !validHostName(host)) {
                return null;
            }
        }
        int number = defaultPort;
        if (port != null) {
            number = parsePort(port);
            if (number < 0) {
                return null;
            }
        }
        return new HostPort(host.toLowerCase(Locale.ROOT), number);
    }

    /** The port in {@code text}, or -1 when it is not a number from 0 to 65535. */
    static int parsePort(String text) {
        if (text.isEmpty() || text.length() > 5) {
            return -1;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return -1;
            }
        }
        int value = Integer.parseInt(text);
        return value > 65535 ? -1 : value;
    }

    private static boolean validHostName(String host) {
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    static String format(String host, int port) {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
