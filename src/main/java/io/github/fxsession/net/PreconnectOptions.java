package io.github.fxsession.net;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * What {@code Session.preconnect} opens: Electron's {@code options} of {@code ses.preconnect(options)}.
 *
 * <pre>{@code
 * session.preconnect(new PreconnectOptions("https://example.com/app", 2));
 * }</pre>
 *
 * <p>Threading: immutable; any thread.
 *
 * @param url an {@code http} or {@code https} URL; only its origin matters
 * @param numSockets how many connections to open, 1 to 6 (Electron's bounds)
 * @since 0.2
 */
public record PreconnectOptions(String url, int numSockets) {

    /** The fewest sockets one call may open (Electron's lower bound of {@code numSockets}). */
    public static final int MIN_SOCKETS = 1;
    /** The most sockets one call may open (Electron's upper bound of {@code numSockets}). */
    public static final int MAX_SOCKETS = 6;

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException when {@code url} is not an absolute http(s) URL with a host, or
     *     {@code numSockets} is outside 1..6, quoting the value
     */
    public PreconnectOptions {
        Objects.requireNonNull(url, "url == null");
        requireHttpUrl(url);
        if (numSockets < MIN_SOCKETS || numSockets > MAX_SOCKETS) {
            throw new IllegalArgumentException("numSockets must be between " + MIN_SOCKETS + " and " + MAX_SOCKETS
                    + ": " + numSockets);
        }
    }

    /**
     * One socket to {@code url} (Electron's default {@code numSockets}).
     *
     * @param url an {@code http} or {@code https} URL; only its origin matters
     * @throws IllegalArgumentException when {@code url} is not an absolute http(s) URL with a host
     */
    public PreconnectOptions(String url) {
        this(url, 1);
    }

    private static void requireHttpUrl(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new IllegalArgumentException("url must be an absolute http or https URL with a host: '" + url + "'");
    }
}
