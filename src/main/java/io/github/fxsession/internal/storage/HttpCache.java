package io.github.fxsession.internal.storage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import okhttp3.Cache;
import okhttp3.HttpUrl;

/**
 * The HTTP cache of one partition: OkHttp's {@link Cache} (RFC 9111: freshness, {@code Vary},
 * validation with {@code ETag} / {@code Last-Modified}) inside the partition's own client, so no two
 * partitions ever share an entry.
 *
 * <p>Persistent partitions keep it on disk under {@code <storagePath>/Cache}, bounded at
 * {@value #DISK_MAX_BYTES} bytes. In-memory partitions keep it in the heap, bounded at
 * {@value #MEMORY_MAX_BYTES} bytes (Chromium's default for an in-memory cache), in a
 * {@link MemoryFileSystem}: nothing of it ever reaches the disk. Partitions created with
 * {@code cache: false} have none.
 *
 * <p>Threading: any thread; {@link #size()} and {@link #clear()} do file I/O.
 */
public final class HttpCache {

    public static final long DISK_MAX_BYTES = 256L * 1024 * 1024;
    public static final long MEMORY_MAX_BYTES = 10L * 1024 * 1024;
    static final String DIRECTORY = "Cache";

    private final Cache cache;

    private HttpCache(Cache cache) {
        this.cache = cache;
    }

    /**
     * The cache of a partition.
     *
     * @param enabled the partition's {@code cache} option
     * @param storagePath the persistent partition's directory, or {@code null} for in-memory ones
     */
    public static HttpCache create(boolean enabled, Path storagePath) {
        if (!enabled) {
            return new HttpCache(null);
        }
        if (storagePath != null) {
            return new HttpCache(new Cache(storagePath.resolve(DIRECTORY).toFile(), DISK_MAX_BYTES));
        }
        return new HttpCache(new Cache(new MemoryFileSystem(MEMORY_MAX_BYTES), okio.Path.get("/" + DIRECTORY),
                MEMORY_MAX_BYTES));
    }

    /** The cache to give the partition's client, or {@code null} when the partition has none. */
    public Cache okHttpCache() {
        return cache;
    }

    public boolean enabled() {
        return cache != null;
    }

    /** The bytes the cache holds now (headers and bodies of its entries). */
    public long size() throws IOException {
        return cache == null ? 0 : cache.size();
    }

    /** Closes the cache's files (a closed partition's); later requests through it fail. */
    public void close() {
        if (cache == null) {
            return;
        }
        try {
            cache.close();
        } catch (IOException e) {
            System.getLogger(HttpCache.class.getName()).log(System.Logger.Level.WARNING, "cannot close the HTTP cache", e);
        }
    }

    /** Removes every entry. */
    public void clear() throws IOException {
        if (cache != null) {
            cache.evictAll();
        }
    }

    /** Removes the entries whose URL has {@code origin} ({@code scheme://host[:port]}). */
    public void clear(String origin) throws IOException {
        if (cache == null) {
            return;
        }
        for (Iterator<String> urls = cache.urls(); urls.hasNext(); ) {
            HttpUrl url = HttpUrl.parse(urls.next());
            if (url != null && Origins.of(url).equals(origin)) {
                urls.remove();
            }
        }
    }
}
