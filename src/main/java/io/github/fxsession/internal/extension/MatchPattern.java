package io.github.fxsession.internal.extension;

import io.github.fxsession.internal.util.Globs;
import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A Chrome match pattern ({@code <all_urls>}, {@code *://*.example.com/path*},
 * {@code file:///*}): scheme {@code *} (http, https), {@code http}, {@code https} or {@code file}; host
 * {@code *}, {@code *.domain} or exact; path with {@code *} wildcards.
 */
final class MatchPattern {

    private static final Pattern FORM = Pattern.compile("(\\*|https?|file)://(\\*|\\*\\.[^/*]+|[^/*]*)(/.*)");

    private final String text;
    private final String scheme;
    private final String host;
    private final String path; // glob, "*" any run of characters

    private MatchPattern(String text, String scheme, String host, String path) {
        this.text = text;
        this.scheme = scheme;
        this.host = host;
        this.path = path;
    }

    /**
     * Parses {@code text}.
     *
     * @throws IllegalArgumentException naming {@code field} when it is no match pattern
     */
    static MatchPattern parse(String text, String field) {
        if (text.equals("<all_urls>")) {
            return new MatchPattern(text, "<all>", "*", "*");
        }
        var m = FORM.matcher(text);
        if (!m.matches() || (!m.group(1).equals("file") && m.group(2).isEmpty())) {
            throw new IllegalArgumentException("Invalid value for '" + field + "': Invalid match pattern '" + text + "'");
        }
        return new MatchPattern(text, m.group(1), m.group(2).toLowerCase(Locale.ROOT), m.group(3));
    }

    /** Whether {@code url} matches. */
    boolean matches(URI url) {
        String s = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        boolean schemeOk = switch (scheme) {
            case "<all>" -> s.equals("http") || s.equals("https") || s.equals("file");
            case "*" -> s.equals("http") || s.equals("https");
            default -> s.equals(scheme);
        };
        if (!schemeOk) {
            return false;
        }
        if (!s.equals("file")) {
            String h = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
            boolean hostOk = host.equals("*") || h.equals(host)
                    || (host.startsWith("*.") && (h.equals(host.substring(2)) || h.endsWith(host.substring(1))));
            if (!hostOk) {
                return false;
            }
        }
        String p = (url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath())
                + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
        return Globs.matches(path, p);
    }

    @Override
    public String toString() {
        return text;
    }
}
