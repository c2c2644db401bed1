package io.github.fxsession.internal.webrequest;

import io.github.fxsession.internal.util.Globs;
import java.util.Locale;
import java.util.Objects;

/**
 * A Chromium match pattern ({@code URLPattern} with every scheme allowed), as Electron's webRequest
 * filters parse them, with Chromium's error strings.
 */
public final class UrlPattern {

    private static final String ALL_URLS = "<all_urls>";

    private final boolean all;
    private final String scheme;      // "*" for http and https
    private final String host;        // "" for file:, "*" for any
    private final boolean subdomains; // "*.host"
    private final int port;           // -1 any
    private final String path;        // glob with '*'

    private UrlPattern(boolean all, String scheme, String host, boolean subdomains, int port, String path) {
        this.all = all;
        this.scheme = scheme;
        this.host = host;
        this.subdomains = subdomains;
        this.port = port;
        this.path = path;
    }

    /**
     * Parses {@code pattern}.
     *
     * @throws IllegalArgumentException {@code "Invalid url pattern PATTERN: REASON"} with Chromium's reason
     */
    public static UrlPattern parse(String pattern) {
        Objects.requireNonNull(pattern, "pattern == null");
        if (pattern.equals(ALL_URLS)) {
            return new UrlPattern(true, "*", "*", false, -1, "/*");
        }
        int separator = pattern.indexOf(':');
        if (separator <= 0) {
            throw invalid(pattern, "Missing scheme separator.");
        }
        String scheme = pattern.substring(0, separator).toLowerCase(Locale.ROOT);
        if (!scheme.equals("*") && !scheme.matches("[a-z][a-z0-9+.-]*")) {
            throw invalid(pattern, "Invalid scheme.");
        }
        if (!pattern.startsWith("//", separator + 1)) {
            throw invalid(pattern, "Wrong scheme type.");
        }
        String rest = pattern.substring(separator + 3);
        boolean file = scheme.equals("file");
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        if (authority.isEmpty() && !file) {
            throw invalid(pattern, "Host can not be empty.");
        }
        if (slash < 0) {
            throw invalid(pattern, "Empty path.");
        }
        String path = rest.substring(slash);
        int port = -1;
        String host = authority;
        int colon = authority.lastIndexOf(':');
        if (colon >= 0 && !authority.endsWith("]")) {
            String portText = authority.substring(colon + 1);
            host = authority.substring(0, colon);
            if (!portText.equals("*")) {
                if (!portText.matches("[0-9]{1,5}") || Integer.parseInt(portText) > 65535) {
                    throw invalid(pattern, "Invalid port.");
                }
                port = Integer.parseInt(portText);
            }
        }
        host = host.toLowerCase(Locale.ROOT);
        boolean subdomains = false;
        if (host.equals("*")) {
            return new UrlPattern(false, scheme, "*", false, port, path);
        }
        if (host.startsWith("*.")) {
            subdomains = true;
            host = host.substring(2);
        }
        if (host.contains("*")) {
            throw invalid(pattern, "Invalid host wildcard.");
        }
        if (subdomains && host.isEmpty()) {
            throw invalid(pattern, "Invalid host.");
        }
        return new UrlPattern(false, scheme, host, subdomains, port, path);
    }

    private static IllegalArgumentException invalid(String pattern, String reason) {
        return new IllegalArgumentException("Invalid url pattern " + pattern + ": " + reason);
    }

    /** Whether {@code url} (absolute) matches. */
    public boolean matches(String url) {
        ParsedUrl parsed = ParsedUrl.of(url);
        if (parsed == null) {
            return false;
        }
        if (all) {
            return true;
        }
        if (scheme.equals("*")) {
            if (!parsed.scheme.equals("http") && !parsed.scheme.equals("https")) {
                return false;
            }
        } else if (!scheme.equals(parsed.scheme)) {
            return false;
        }
        if (!host.equals("*")) {
            boolean hostMatches = parsed.host.equals(host)
                    || (subdomains && parsed.host.endsWith("." + host));
            if (!hostMatches) {
                return false;
            }
        }
        if (port >= 0 && parsed.port != port) {
            return false;
        }
        return glob(path, parsed.pathAndQuery);
    }

    /** Matches {@code text} against {@code pattern}, where {@code *} matches any run of characters. */
    static boolean glob(String pattern, String text) {
        return Globs.matches(pattern, text);
    }

    /** Scheme, host, port and path with query of an absolute URL of any scheme. */
    record ParsedUrl(String scheme, String host, int port, String pathAndQuery) {

        static ParsedUrl of(String url) {
            int colon = url.indexOf(':');
            if (colon <= 0) {
                return null;
            }
            String scheme = url.substring(0, colon).toLowerCase(Locale.ROOT);
            String rest = url.substring(colon + 1);
            int hash = rest.indexOf('#');
            if (hash >= 0) {
                rest = rest.substring(0, hash);
            }
            String host = "";
            int port = -1;
            if (rest.startsWith("//")) {
                int end = rest.length();
                for (int i = 2; i < rest.length(); i++) {
                    char c = rest.charAt(i);
                    if (c == '/' || c == '?') {
                        end = i;
                        break;
                    }
                }
                String authority = rest.substring(2, end);
                int at = authority.lastIndexOf('@');
                if (at >= 0) {
                    authority = authority.substring(at + 1);
                }
                int portColon = authority.lastIndexOf(':');
                if (portColon >= 0 && !authority.endsWith("]")) {
                    try {
                        port = Integer.parseInt(authority.substring(portColon + 1));
                    } catch (NumberFormatException e) {
                        port = -1;
                    }
                    authority = authority.substring(0, portColon);
                }
                host = authority.toLowerCase(Locale.ROOT);
                rest = rest.substring(end);
            }
            if (port < 0) {
                port = switch (scheme) {
                    case "http", "ws" -> 80;
                    case "https", "wss" -> 443;
                    default -> -1;
                };
            }
            String pathAndQuery = rest.isEmpty() || rest.charAt(0) == '?' ? "/" + rest : rest;
            return new ParsedUrl(scheme, host, port, pathAndQuery);
        }
    }
}
