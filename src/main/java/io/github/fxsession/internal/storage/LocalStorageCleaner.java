package io.github.fxsession.internal.storage;

import io.github.fxsession.internal.net.Interceptor;
import io.github.fxsession.internal.net.NetRequest;
import io.github.fxsession.internal.net.NetResponse;
import io.github.fxsession.internal.net.ResourceType;
import io.github.fxsession.internal.session.EngineBinding;
import io.github.fxsession.internal.session.SessionCore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.concurrent.Worker;
import javafx.scene.web.WebEngine;
import okhttp3.Headers;

/**
 * Clears WebKit's localStorage of a partition, for one origin or all of them.
 *
 * <p>Measured: WebKit keeps each origin's storage area in memory, shared by every engine of the
 * partition, from the first use until the JVM exits, and writes it to
 * {@code <webKitDirectory>/localstorage/<scheme>_<host>_<port>.localstorage} (SQLite) about a second
 * after each change; deleting that file changes nothing for pages that open the origin later in the
 * same process. The one public way to empty an area is {@code localStorage.clear()} run in a document
 * of that origin. So, for each origin, a hidden engine attached to the partition loads a blank
 * document of that origin (answered here, nothing goes to the network) and clears it there; every open
 * page of that origin sees its {@code localStorage} empty at once (and gets the {@code storage} event),
 * and WebKit writes the empty area to disk as usual.
 *
 * <p>"Every origin" means the origins with a file in the directory plus those whose documents this
 * partition loaded in this process (the file appears only a second after the first change). When the
 * JavaFX toolkit is not running, WebKit cannot hold anything in memory, and the files are deleted.
 *
 * <p>Threading: any thread; engines are used on the FX Application Thread, never blocking it.
 */
final class LocalStorageCleaner implements Interceptor {

    private static final String SUFFIX = ".localstorage";
    private static final byte[] BLANK = "<!doctype html><title>fxsession</title>".getBytes(StandardCharsets.UTF_8);
    private static final long ORIGIN_TIMEOUT_MILLIS = 30_000;

    private final SessionCore core;
    private final Set<String> seenOrigins = ConcurrentHashMap.newKeySet();
    private final Set<EngineBinding> cleaners = ConcurrentHashMap.newKeySet();

    LocalStorageCleaner(SessionCore core) {
        this.core = core;
    }

    @Override
    public NetResponse intercept(Chain chain) throws IOException {
        NetRequest request = chain.request();
        EngineBinding binding = request.context().binding();
        if (binding != null && cleaners.contains(binding)) {
            boolean document = request.context().resourceType() == ResourceType.MAIN_FRAME;
            return new NetResponse(document ? 200 : 404, document ? "OK" : "Not Found",
                    Headers.of("Content-Type", "text/html; charset=utf-8", "Cache-Control", "no-store"),
                    new ByteArrayInputStream(document ? BLANK : new byte[0]));
        }
        if (request.context().resourceType().isDocument()) {
            String origin = Origins.of(request.url());
            if (origin != null) {
                seenOrigins.add(origin);
            }
        }
        return chain.proceed(request);
    }

    /** Empties the localStorage of {@code origin}, or of every origin when {@code null}. */
    CompletableFuture<Void> clear(String origin) {
        return StorageCleaner.io(() -> {
            Set<String> origins = new LinkedHashSet<>();
            if (origin != null) {
                origins.add(origin);
            } else {
                origins.addAll(seenOrigins);
                origins.addAll(originsOnDisk(directory()));
            }
            origins.removeIf(o -> !o.startsWith("http://") && !o.startsWith("https://"));
            return List.copyOf(origins);
        }).thenCompose(this::clearAll);
    }

    private Path directory() {
        return core.webKitDirectory().resolve("localstorage");
    }

    private CompletableFuture<Void> clearAll(List<String> origins) {
        if (origins.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            Platform.runLater(() -> new Run(origins.iterator(), done).start());
        } catch (IllegalStateException toolkitNotRunning) {
            return StorageCleaner.io(() -> {
                deleteFiles(directory(), origins);
                return null;
            });
        }
        return done;
    }

    /** The origins that have a localStorage file in {@code directory}. */
    static List<String> originsOnDisk(Path directory) throws IOException {
        List<String> origins = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return origins;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
            for (Path file : files) {
                String origin = originOf(file.getFileName().toString());
                if (origin != null) {
                    origins.add(origin);
                }
            }
        }
        return origins;
    }

    /** {@code http_localhost_8080.localstorage} to {@code http://localhost:8080}; port 0 is the default one. */
    static String originOf(String fileName) {
        if (!fileName.endsWith(SUFFIX)) {
            return null;
        }
        String id = fileName.substring(0, fileName.length() - SUFFIX.length());
        int first = id.indexOf('_');
        int last = id.lastIndexOf('_');
        if (first <= 0 || last <= first + 1) {
            return null;
        }
        String scheme = id.substring(0, first);
        String host = id.substring(first + 1, last);
        String port = id.substring(last + 1);
        if (!port.matches("[0-9]{1,5}")) {
            return null;
        }
        int number = Integer.parseInt(port);
        boolean defaultPort = number == 0 || (scheme.equals("http") && number == 80) || (scheme.equals("https") && number == 443);
        return scheme + "://" + host + (defaultPort ? "" : ":" + number);
    }

    /** WebKit's file name of {@code origin}'s localStorage, without the suffix. */
    static String fileIdOf(String origin) {
        java.net.URI uri = java.net.URI.create(origin);
        return uri.getScheme() + "_" + uri.getHost() + "_" + Math.max(uri.getPort(), 0);
    }

    private static void deleteFiles(Path directory, List<String> origins) throws IOException {
        for (String origin : origins) {
            String id = fileIdOf(origin);
            for (String suffix : List.of(SUFFIX, SUFFIX + "-journal", SUFFIX + "-wal", SUFFIX + "-shm")) {
                Files.deleteIfExists(directory.resolve(id + suffix));
            }
        }
    }

    /** Clears the origins one after the other in one hidden engine, on the FX thread. */
    private final class Run {
        private final Iterator<String> origins;
        private final CompletableFuture<Void> done;
        private WebEngine engine;
        private EngineBinding binding;
        private ChangeListener<Worker.State> listener;
        private String current;
        private long started;

        Run(Iterator<String> origins, CompletableFuture<Void> done) {
            this.origins = origins;
            this.done = done;
        }

        void start() {
            try {
                engine = new WebEngine();
                binding = EngineBinding.attach(core, engine);
                cleaners.add(binding);
                listener = (obs, old, now) -> onState(now);
                engine.getLoadWorker().stateProperty().addListener(listener);
                next();
            } catch (RuntimeException e) {
                finish(e);
            }
        }

        private void next() {
            if (!origins.hasNext()) {
                finish(null);
                return;
            }
            current = origins.next();
            started = System.nanoTime();
            engine.load(current + "/");
            long expected = started;
            CompletableFuture.delayedExecutor(ORIGIN_TIMEOUT_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS)
                    .execute(() -> Platform.runLater(() -> {
                        if (!done.isDone() && started == expected) {
                            finish(new IOException("clearing the localStorage of " + current + " timed out"));
                        }
                    }));
        }

        private void onState(Worker.State state) {
            if (done.isDone()) {
                return;
            }
            if (state == Worker.State.SUCCEEDED) {
                try {
                    engine.executeScript("localStorage.clear()");
                } catch (RuntimeException e) {
                    finish(new IOException("cannot clear the localStorage of " + current + ": " + e.getMessage(), e));
                    return;
                }
                // a load started from inside the load worker's own state change cancels itself
                Platform.runLater(this::next);
            } else if (state == Worker.State.FAILED || state == Worker.State.CANCELLED) {
                finish(new IOException("cannot open " + current + " to clear its localStorage: " + state));
            }
        }

        private void finish(Exception failure) {
            if (engine != null && listener != null) {
                engine.getLoadWorker().stateProperty().removeListener(listener);
            }
            if (binding != null) {
                cleaners.remove(binding);
                binding.detach();
            }
            if (engine != null) {
                engine.load(null);
            }
            if (failure == null) {
                done.complete(null);
            } else {
                done.completeExceptionally(failure);
            }
        }
    }
}
