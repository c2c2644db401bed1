package io.github.fxsession.internal.auth;

import io.github.fxsession.net.Credentials;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.HttpUrl;

/**
 * A partition's HTTP auth cache: credentials per protection space (origin and realm), with the paths
 * under which they are sent preemptively (the directories of the URLs that were challenged, as Chromium
 * does).
 *
 * <p>Threading: any thread.
 */
final class AuthCache {

    /** A protection space: {@code scheme://host:port} and realm. */
    record Space(String origin, String realm) {
        static Space of(HttpUrl url, String realm) {
            return new Space(AuthCache.origin(url), realm);
        }
    }

    /** Credentials for one space and how to send them. */
    record Entry(String scheme, Credentials credentials, Digest digest, Set<String> paths) {

        String authorization(String method, HttpUrl url) {
            if (digest == null) {
                return okhttp3.Credentials.basic(credentials.username(), credentials.password(), StandardCharsets.UTF_8);
            }
            String uri = url.encodedPath() + (url.encodedQuery() == null ? "" : "?" + url.encodedQuery());
            return digest.authorization(credentials.username(), credentials.password(), method, uri);
        }
    }

    private final Map<Space, Entry> entries = new ConcurrentHashMap<>();

    Entry get(Space space) {
        return entries.get(space);
    }

    /** Stores {@code entry}, keeping the paths already known for the space. */
    void put(Space space, Entry entry) {
        Entry previous = entries.get(space);
        if (previous != null) {
            entry.paths().addAll(previous.paths());
        }
        entries.put(space, entry);
    }

    void remove(Space space, Entry entry) {
        entries.remove(space, entry);
    }

    /** The entry whose credentials go preemptively with a request for {@code url}, or {@code null}. */
    Entry preemptive(HttpUrl url) {
        if (entries.isEmpty()) {
            return null;
        }
        String origin = origin(url);
        String path = url.encodedPath();
        for (Map.Entry<Space, Entry> candidate : entries.entrySet()) {
            if (candidate.getKey().origin().equals(origin)) {
                for (String prefix : candidate.getValue().paths()) {
                    if (path.startsWith(prefix)) {
                        return candidate.getValue();
                    }
                }
            }
        }
        return null;
    }

    void clear() {
        entries.clear();
    }

    /** The directory of {@code url}'s path, up to its last slash. */
    static String directory(HttpUrl url) {
        String path = url.encodedPath();
        return path.substring(0, path.lastIndexOf('/') + 1);
    }

    static Set<String> pathsOf(HttpUrl url) {
        Set<String> paths = ConcurrentHashMap.newKeySet();
        paths.add(directory(url));
        return paths;
    }

    static String origin(HttpUrl url) {
        return url.scheme() + "://" + url.host() + ":" + url.port();
    }
}
