package io.github.fxsession.internal.serial;

import io.github.fxsession.internal.permission.Origins;
import io.github.fxsession.internal.util.AtomicFiles;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The serial ports granted to each origin of one partition, by port path: port ids last for the process,
 * while a path names the same device after a restart (a pty link, a {@code /dev/serial/by-id} path). A
 * persistent partition keeps them in {@code <storagePath>/SerialGrants.json}, written on a background
 * thread (temp file, fsync, atomic rename); an in-memory one for the process.
 *
 * <p>Threading: any thread.
 */
final class SerialGrants {

    /** The file name under a persistent partition's storage path. */
    static final String FILE_NAME = "SerialGrants.json";
    private static final System.Logger LOG = System.getLogger(SerialGrants.class.getName());
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path file;
    private final Map<String, Set<String>> byOrigin = new TreeMap<>();
    private final ExecutorService writer;
    private CompletableFuture<Void> lastWrite = CompletableFuture.completedFuture(null);

    /** Grants kept in {@code directory} ({@code null}: in memory only), loading what is there. */
    SerialGrants(Path directory) {
        this.file = directory == null ? null : directory.resolve(FILE_NAME);
        this.writer = file == null ? null : Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fxsession-serial-grants");
            t.setDaemon(true);
            return t;
        });
        if (file != null) {
            load();
        }
    }

    private void load() {
        AtomicFiles.deleteStaleTemp(file);
        if (!Files.isRegularFile(file)) {
            return;
        }
        try {
            for (JsonNode entry : JSON.readTree(Files.readString(file)).path("grants")) {
                String origin = entry.path("origin").asString("");
                String path = entry.path("path").asString("");
                if (origin.isEmpty() || path.isEmpty()) {
                    LOG.log(Level.WARNING, "skipping a malformed serial grant in " + file + ": " + entry);
                    continue;
                }
                byOrigin.computeIfAbsent(origin, k -> new TreeSet<>()).add(path);
            }
        } catch (IOException | RuntimeException e) {
            // A damaged file must not grant anything: start empty, and move it aside so that the next save
            // cannot overwrite it.
            LOG.log(Level.WARNING, "cannot read " + file + "; no serial grants restored", e);
            moveAside(e);
            byOrigin.clear();
        }
    }

    private void moveAside(Exception problem) {
        try {
            AtomicFiles.moveAside(file, String.valueOf(problem));
        } catch (IOException e) {
            LOG.log(System.Logger.Level.ERROR, "cannot move the unusable " + file + " aside", e);
        }
    }

    synchronized void grant(String origin, String path) {
        Objects.requireNonNull(path, "path == null");
        if (byOrigin.computeIfAbsent(String.valueOf(origin), k -> new TreeSet<>()).add(path)) {
            save();
        }
    }

    synchronized boolean isGranted(String origin, String path) {
        Set<String> paths = byOrigin.get(String.valueOf(origin));
        return path != null && paths != null && paths.contains(path);
    }

    synchronized void revoke(String origin, String path) {
        Set<String> paths = byOrigin.get(String.valueOf(origin));
        if (paths != null && paths.remove(path)) {
            if (paths.isEmpty()) {
                byOrigin.remove(String.valueOf(origin));
            }
            save();
        }
    }

    /** Forgets the grants of {@code origin} (an origin or URL; {@code null}: every origin). */
    synchronized void clear(String origin) {
        boolean changed;
        if (origin == null) {
            changed = !byOrigin.isEmpty();
            byOrigin.clear();
        } else {
            String normalized = Origins.of(origin);
            changed = byOrigin.remove(normalized == null ? origin : normalized) != null;
        }
        if (changed) {
            save();
        }
    }

    /** Completes when every change made so far is on disk. */
    synchronized CompletableFuture<Void> flush() {
        return lastWrite;
    }

    /** Queues a write of the current grants; callers hold the lock. */
    private void save() {
        if (file == null) {
            return;
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("version", 1);
        ArrayNode grants = root.putArray("grants");
        byOrigin.forEach((origin, paths) -> paths.forEach(path -> grants.addObject().put("origin", origin).put("path", path)));
        byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        lastWrite = AtomicFiles.writeAfter(lastWrite, file, bytes, writer);
    }
}
