package io.github.fxsession.internal.permission;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Origins as the permission store keys them: {@code scheme://host[:port]}, default ports left out. */
public final class Origins {

    private Origins() {
    }

    /** The origin of {@code url}, or {@code null} when it has none worth remembering (opaque, malformed). */
    public static String of(String url) {
        if (url == null) {
            return null;
        }
        if (url.strip().regionMatches(true, 0, "file:", 0, 5)) {
            // file: documents have an opaque origin in browsers; they share one site for decisions
            return "file://";
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            return null;
        }
        String scheme = uri.getScheme();
        if (scheme == null) {
            return null;
        }
        scheme = scheme.toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return null;
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            return null;
        }
        host = host.toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        return scheme + "://" + host + (defaultPort ? "" : ":" + port);
    }

    /**
     * The origin of {@code originOrUrl} for the public API.
     *
     * @throws IllegalArgumentException quoting the value when it has no http(s) or file origin
     */
    public static String require(String originOrUrl) {
        java.util.Objects.requireNonNull(originOrUrl, "origin == null");
        String origin = of(originOrUrl);
        if (origin == null) {
            throw new IllegalArgumentException("origin must be an http(s) or file origin or URL: '" + originOrUrl + "'");
        }
        return origin;
    }
}
