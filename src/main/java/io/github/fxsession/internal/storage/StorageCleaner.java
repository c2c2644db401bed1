package io.github.fxsession.internal.storage;

import io.github.fxsession.cookies.Cookie;
import io.github.fxsession.cookies.CookieFilter;
import io.github.fxsession.cookies.Cookies;
import io.github.fxsession.internal.net.Interceptor;
import io.github.fxsession.internal.session.SessionCore;
import io.github.fxsession.net.StorageType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Clears and flushes what one partition stores: {@code clearStorageData}, {@code flushStorageData},
 * {@code getCacheSize} and {@code clearCache}.
 *
 * <p>What each storage kind clears: {@code cookies} the partition's cookie store (through its public
 * {@link Cookies} API); {@code localstorage} WebKit's localStorage (see {@link LocalStorageCleaner});
 * {@code cachestorage} the partition's HTTP cache (WebView has no Cache Storage API, and this is the
 * cache Electron's users expect {@code clearStorageData()} to empty); every kind also runs the
 * {@link Storage}s that later capabilities {@linkplain #register(Storage) register} (remembered
 * permissions, ...). Kinds WebView's engine does not have clear nothing.
 *
 * <p>Threading: any thread; the work runs on background threads and, for localStorage, on the FX
 * Application Thread without blocking it.
 */
public final class StorageCleaner {

    /**
     * How long after a change WebKit has surely written localStorage to its SQLite files: it writes on a
     * one-second timer (measured: a change reaches the file 1.0 to 1.15 s later), and has no public way
     * to write sooner.
     */
    static final long WEBKIT_WRITE_MILLIS = 2000;

    static final Executor IO = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fxsession-storage");
        t.setDaemon(true);
        return t;
    });

    /** Something else a partition stores, cleared with {@code clearStorageData}. */
    @FunctionalInterface
    public interface Storage {
        /**
         * Clears what this storage holds for {@code origin} (or every origin when {@code null}) and the
         * storage kinds in {@code storages}.
         */
        CompletableFuture<Void> clear(String origin, Set<StorageType> storages);
    }

    private final SessionCore core;
    private final LocalStorageCleaner localStorage;
    private final List<Storage> others = new CopyOnWriteArrayList<>();

    public StorageCleaner(SessionCore core) {
        this.core = Objects.requireNonNull(core, "core == null");
        this.localStorage = new LocalStorageCleaner(core);
        core.interceptors().add(Interceptor.Stage.OBSERVE, localStorage);
    }

    /** Adds a storage {@code clearStorageData} clears too; closing the result removes it. */
    public AutoCloseable register(Storage storage) {
        others.add(Objects.requireNonNull(storage, "storage == null"));
        return () -> others.remove(storage);
    }

    /** The HTTP cache's size in bytes. */
    public CompletableFuture<Long> cacheSize() {
        return io(() -> core.httpCache().size());
    }

    /** Empties the HTTP cache. */
    public CompletableFuture<Void> clearCache() {
        return io(() -> {
            core.httpCache().clear();
            return null;
        });
    }

    /**
     * Clears {@code storages} of {@code origin} ({@code null}: every origin). The future completes when
     * every part is done, or fails with the first failure once all have finished.
     */
    public CompletableFuture<Void> clear(String origin, Set<StorageType> storages) {
        List<CompletableFuture<Void>> parts = new ArrayList<>();
        if (storages.contains(StorageType.COOKIES)) {
            parts.add(clearCookies(origin));
        }
        if (storages.contains(StorageType.LOCALSTORAGE)) {
            parts.add(localStorage.clear(origin));
        }
        if (storages.contains(StorageType.CACHESTORAGE)) {
            parts.add(io(() -> {
                if (origin == null) {
                    core.httpCache().clear();
                } else {
                    core.httpCache().clear(origin);
                }
                return null;
            }));
        }
        for (Storage storage : others) {
            parts.add(guard(() -> storage.clear(origin, storages)));
        }
        return allOf(parts);
    }

    /**
     * Completes once WebKit has written the localStorage changes made before the call (see
     * {@link #WEBKIT_WRITE_MILLIS}).
     */
    public CompletableFuture<Void> flush() {
        return CompletableFuture.runAsync(() -> { },
                CompletableFuture.delayedExecutor(WEBKIT_WRITE_MILLIS, TimeUnit.MILLISECONDS, IO));
    }

    private CompletableFuture<Void> clearCookies(String origin) {
        Cookies cookies = core.cookies();
        String host = origin == null ? null : URI.create(origin).getHost().toLowerCase(Locale.ROOT);
        return guard(() -> cookies.get(CookieFilter.all()).thenCompose(all -> {
            List<CompletableFuture<Void>> removals = new ArrayList<>();
            for (Cookie cookie : all) {
                String domain = cookie.domain().startsWith(".") ? cookie.domain().substring(1) : cookie.domain();
                if (host == null || matches(host, domain.toLowerCase(Locale.ROOT), cookie.hostOnly())) {
                    String url = (cookie.secure() ? "https://" : "http://") + (host != null ? host : domain)
                            + cookie.path();
                    removals.add(cookies.remove(url, cookie.name()));
                }
            }
            return allOf(removals);
        }));
    }

    /** Whether a cookie of {@code domain} is sent to {@code host} (RFC 6265 domain matching). */
    static boolean matches(String host, String domain, boolean hostOnly) {
        return host.equals(domain) || (!hostOnly && host.endsWith("." + domain));
    }

    private static CompletableFuture<Void> guard(java.util.function.Supplier<CompletableFuture<Void>> part) {
        try {
            return part.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    static CompletableFuture<Void> allOf(List<CompletableFuture<Void>> parts) {
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new));
    }

    /** Work that does file I/O, off the caller's thread. */
    @FunctionalInterface
    interface IoTask<T> {
        T run() throws IOException;
    }

    static <T> CompletableFuture<T> io(IoTask<T> task) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return task.run();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, IO);
    }
}
