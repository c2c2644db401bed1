package io.github.fxsession.internal.protocol;

import io.github.fxsession.internal.net.NetworkChain;
import io.github.fxsession.protocol.CustomScheme;
import io.github.fxsession.protocol.SchemePrivileges;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import okhttp3.HttpUrl;

/**
 * JVM-wide facts about schemes: which are built in, which are privileged, and the internal origin that
 * stands for a privileged scheme's host ({@code app://bundle/x} is served as
 * {@code https://bundle.app.fxsession.invalid/x}; {@code .invalid} never resolves, RFC 2606, and the
 * chain answers it from the scheme's handler before any network).
 *
 * <p>Threading: any thread.
 */
public final class Schemes {

    /** Schemes of the web platform or the JDK that no custom registration may take. */
    private static final Set<String> BUILT_IN = Set.of("http", "https", "file", "data", "blob", "about", "javascript",
            "ws", "wss", "ftp", "jar", "jrt", "mailto");
    /** Built-in schemes whose requests reach the chain, so that they can be intercepted. */
    private static final Set<String> INTERCEPTABLE = Set.of("http", "https");
    static final String INTERNAL_SUFFIX = ".fxsession.invalid";
    private static volatile Map<String, SchemePrivileges> privileged = Map.of();

    private Schemes() {
    }

    public static boolean isBuiltIn(String scheme) {
        return BUILT_IN.contains(scheme);
    }

    static boolean isInterceptable(String scheme) {
        return INTERCEPTABLE.contains(scheme);
    }

    /**
     * {@code scheme} in lower case.
     *
     * @throws IllegalArgumentException if it is not a scheme name
     */
    static String require(String scheme) {
        Objects.requireNonNull(scheme, "scheme == null");
        if (!scheme.matches("[A-Za-z][A-Za-z0-9+.-]*")) {
            throw new IllegalArgumentException("scheme must be a letter followed by letters, digits, '+', '-' or '.': '"
                    + scheme + "'");
        }
        return scheme.toLowerCase(Locale.ROOT);
    }

    /** Lets requests of a custom scheme reach the chain from now on (the JVM's handler for it is the chain's). */
    static void route(String scheme) {
        NetworkChain.routeScheme(scheme);
    }

    public static synchronized void registerPrivileged(List<CustomScheme> schemes) {
        Objects.requireNonNull(schemes, "customSchemes == null");
        Map<String, SchemePrivileges> next = new HashMap<>(privileged);
        for (CustomScheme scheme : schemes) {
            Objects.requireNonNull(scheme, "customSchemes contains null");
            next.put(scheme.scheme(), scheme.privileges());
        }
        privileged = Map.copyOf(next);
        next.keySet().forEach(Schemes::route);
    }

    /** The privileges of {@code scheme}, or {@code null} when it has none. */
    static SchemePrivileges privileges(String scheme) {
        return privileged.get(scheme);
    }

    static boolean isStandard(String scheme) {
        SchemePrivileges p = privileged.get(scheme);
        return p != null && p.standard();
    }

    /** The scheme of an absolute URL, lower case, or {@code ""}. */
    static String schemeOf(String url) {
        int colon = url.indexOf(':');
        return colon <= 0 ? "" : url.substring(0, colon).toLowerCase(Locale.ROOT);
    }

    /**
     * Electron's normalisation of a custom-scheme URL: {@code app:///foo/x} and {@code app://foo} become
     * {@code app://foo/x} and {@code app://foo/}.
     */
    static String normalize(String url) {
        String scheme = schemeOf(url);
        String rest = url.substring(scheme.length() + 1);
        if (!rest.startsWith("/")) {
            return url;
        }
        // java.net.URL writes app:///foo as app:/foo (an empty authority is dropped)
        while (rest.startsWith("/")) {
            rest = rest.substring(1);
        }
        int end = 0;
        while (end < rest.length() && "/?#".indexOf(rest.charAt(end)) < 0) {
            end++;
        }
        String host = rest.substring(0, end).toLowerCase(Locale.ROOT);
        String tail = rest.substring(end);
        if (tail.isEmpty() || tail.charAt(0) != '/') {
            tail = "/" + tail;
        }
        return scheme + "://" + host + tail;
    }

    /** Whether {@code url} of a custom scheme has no host ({@code app:///foo}, which java.net.URL writes {@code app:/foo}). */
    static boolean lacksHost(String url) {
        String scheme = schemeOf(url);
        return url.startsWith("/", scheme.length() + 1) && !url.startsWith("//", scheme.length() + 1)
                || url.startsWith("///", scheme.length() + 1);
    }

    /** The internal origin's URL for a normalised URL of a standard privileged scheme, or {@code null}. */
    static String toInternal(String normalized) {
        String scheme = schemeOf(normalized);
        SchemePrivileges p = privileged.get(scheme);
        if (p == null || !p.standard()) {
            return null;
        }
        HttpUrl parsed = HttpUrl.parse("http" + normalized.substring(scheme.length()));
        if (parsed == null || parsed.host().isEmpty() || parsed.host().endsWith(INTERNAL_SUFFIX)) {
            return null;
        }
        String origin = (p.secure() ? "https" : "http") + "://" + parsed.host() + "." + scheme + INTERNAL_SUFFIX;
        int port = parsed.port();
        String path = normalized.substring(normalized.indexOf('/', scheme.length() + 3));
        boolean explicitPort = normalized.substring(0, normalized.indexOf('/', scheme.length() + 3)).matches(".*:\\d+");
        return origin + (explicitPort ? ":" + port : "") + path;
    }

    /** The privileged-scheme URL an internal-origin URL stands for, or {@code null} if it is not one. */
    static String fromInternal(String url) {
        HttpUrl parsed = HttpUrl.parse(url);
        if (parsed == null || !parsed.host().endsWith(INTERNAL_SUFFIX)) {
            return null;
        }
        String inner = parsed.host().substring(0, parsed.host().length() - INTERNAL_SUFFIX.length());
        int dot = inner.lastIndexOf('.');
        if (dot <= 0) {
            return null;
        }
        String scheme = inner.substring(dot + 1);
        SchemePrivileges p = privileged.get(scheme);
        if (p == null || !p.standard() || !parsed.scheme().equals(p.secure() ? "https" : "http")) {
            return null;
        }
        String host = inner.substring(0, dot);
        boolean defaultPort = parsed.port() == HttpUrl.defaultPort(parsed.scheme());
        String pathAndQuery = parsed.encodedPath() + (parsed.encodedQuery() == null ? "" : "?" + parsed.encodedQuery());
        return scheme + "://" + host + (defaultPort ? "" : ":" + parsed.port()) + pathAndQuery;
    }

    /** The URL as the application knows it: a privileged scheme's URL for its internal origin, else {@code url}. */
    public static String displayUrl(String url) {
        if (privileged.isEmpty() || !url.regionMatches(true, 0, "http", 0, 4)) {
            return url;
        }
        String custom = fromInternal(url);
        return custom != null ? custom : url;
    }

    /** Electron's {@code webRequest} / page-bridge view: the internal origins of fetch-enabled schemes. */
    public static Map<String, String> fetchOrigins() {
        Map<String, String> out = new HashMap<>();
        privileged.forEach((scheme, p) -> {
            if (p.standard() && p.supportFetchAPI()) {
                out.put(scheme, (p.secure() ? "https" : "http") + "://{host}." + scheme + INTERNAL_SUFFIX);
            }
        });
        return out;
    }
}
