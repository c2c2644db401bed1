package io.github.fxsession.internal.net;

import okhttp3.HttpUrl;

/** URL helpers shared by the network chain. */
public final class Urls {

    private Urls() {
    }

    /**
     * The canonical form of an absolute URL without its fragment, so that the same address written by
     * WebKit, by a page script or by Java compares equal; {@code null} if it is not a URL.
     */
    public static String canonical(String url) {
        if (url == null) {
            return null;
        }
        HttpUrl parsed = HttpUrl.parse(url);
        if (parsed != null) {
            return parsed.newBuilder().fragment(null).build().toString();
        }
        int hash = url.indexOf('#');
        return hash < 0 ? url : url.substring(0, hash);
    }

    /** Resolves {@code reference} against {@code base}; {@code null} if either is not an http(s) URL. */
    public static String resolve(String base, String reference) {
        HttpUrl parsedBase = base == null ? null : HttpUrl.parse(base);
        if (parsedBase == null) {
            return canonical(reference);
        }
        HttpUrl resolved = parsedBase.resolve(reference.trim());
        return resolved == null ? null : resolved.newBuilder().fragment(null).build().toString();
    }

    /** {@code scheme://host:port} of an http(s) URL, or {@code null}. */
    public static String origin(String url) {
        HttpUrl parsed = url == null ? null : HttpUrl.parse(url);
        if (parsed == null) {
            return null;
        }
        return parsed.scheme() + "://" + parsed.host() + ":" + parsed.port();
    }
}
