package io.github.fxsession.internal.storage;

import java.util.Locale;
import okhttp3.HttpUrl;

/** Origins written as {@code window.location.origin} writes them. */
final class Origins {

    private Origins() {
    }

    /** {@code scheme://host[:port]}, the port only when it is not the scheme's default. */
    static String of(HttpUrl url) {
        String host = url.host().contains(":") ? "[" + url.host() + "]" : url.host();
        boolean defaultPort = url.port() == HttpUrl.defaultPort(url.scheme());
        return url.scheme() + "://" + host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + url.port());
    }

    /** The origin of {@code url}, or {@code null} when it is not an http(s) URL. */
    static String of(String url) {
        HttpUrl parsed = url == null ? null : HttpUrl.parse(url);
        return parsed == null ? null : of(parsed);
    }
}
