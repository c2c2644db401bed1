package io.github.fxsession.internal.permission;

import io.github.fxsession.internal.util.AtomicFiles;
import io.github.fxsession.permission.Permission;
import io.github.fxsession.permission.PermissionDecisions;
import io.github.fxsession.permission.RememberedPermission;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The permission decisions of one partition: those remembered per site ({@link PermissionDecisions},
 * on disk in {@code <storagePath>/Permissions.json} for persistent partitions), and those made during
 * this run (in memory only, so that a check after a granted request answers "granted").
 *
 * <p>{@link #clear(String)} is what {@code clearStorageData} calls.
 *
 * <p>Threading: any thread. Disk writes run on one daemon thread per store, in order; each writes the
 * whole file (temporary file, fsync, atomic rename).
 */
public final class PermissionStore implements PermissionDecisions {

    /** The file name under a persistent partition's storage path. */
    public static final String FILE_NAME = "Permissions.json";
    private static final System.Logger LOG = System.getLogger(PermissionStore.class.getName());
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path file;
    private final Clock clock;
    private final Map<String, RememberedPermission> remembered = new TreeMap<>();
    private final Map<String, Boolean> thisRun = new ConcurrentHashMap<>();
    private final ExecutorService writer;
    private CompletableFuture<Void> lastWrite = CompletableFuture.completedFuture(null);

    /**
     * A store kept in {@code directory} ({@code null}: in memory only), loading what is there.
     *
     * @param name names the writer thread
     */
    public PermissionStore(Path directory, String name, Clock clock) {
        this.file = directory == null ? null : directory.resolve(FILE_NAME);
        this.clock = Objects.requireNonNull(clock, "clock == null");
        this.writer = file == null ? null : Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fxsession-permissions-" + name);
            t.setDaemon(true);
            return t;
        });
        if (file != null) {
            load();
        }
    }

    private static String key(String origin, Permission permission) {
        return origin + " " + permission.electronName();
    }

    private void load() {
        AtomicFiles.deleteStaleTemp(file);
        if (!Files.isRegularFile(file)) {
            return;
        }
        try {
            JsonNode root = JSON.readTree(Files.readString(file));
            for (JsonNode entry : root.path("decisions")) {
                try {
                    String origin = Origins.require(entry.path("origin").asString(""));
                    Permission permission = Permission.fromElectronName(entry.path("permission").asString(""));
                    Instant at = Instant.parse(entry.path("decidedAt").asString(Instant.EPOCH.toString()));
                    remembered.put(key(origin, permission),
                            new RememberedPermission(origin, permission, entry.path("granted").asBoolean(false), at));
                } catch (RuntimeException skipped) {
                    LOG.log(System.Logger.Level.WARNING, "skipping a malformed permission decision in " + file + ": " + entry);
                }
            }
        } catch (IOException | RuntimeException e) {
            // A damaged file must not grant anything: start empty, and move it aside so that the next save
            // cannot overwrite it.
            LOG.log(System.Logger.Level.WARNING, "cannot read " + file + "; no remembered permission decisions", e);
            moveAside(e);
        }
    }

    private void moveAside(Exception problem) {
        try {
            AtomicFiles.moveAside(file, String.valueOf(problem));
        } catch (IOException e) {
            LOG.log(System.Logger.Level.ERROR, "cannot move the unusable " + file + " aside", e);
        }
    }

    @Override
    public synchronized List<RememberedPermission> list() {
        List<RememberedPermission> all = new ArrayList<>(remembered.values());
        all.sort(Comparator.comparing(RememberedPermission::origin).thenComparing(RememberedPermission::permission));
        return List.copyOf(all);
    }

    @Override
    public synchronized Optional<Boolean> get(String origin, Permission permission) {
        Objects.requireNonNull(permission, "permission == null");
        RememberedPermission decision = remembered.get(key(Origins.require(origin), permission));
        return decision == null ? Optional.empty() : Optional.of(decision.granted());
    }

    @Override
    public void remember(String origin, Permission permission, boolean granted) {
        Objects.requireNonNull(permission, "permission == null");
        String normalized = Origins.require(origin);
        synchronized (this) {
            remembered.put(key(normalized, permission),
                    new RememberedPermission(normalized, permission, granted, clock.instant()));
            save();
        }
    }

    @Override
    public boolean forget(String origin, Permission permission) {
        Objects.requireNonNull(permission, "permission == null");
        String normalized = Origins.require(origin);
        thisRun.remove(key(normalized, permission));
        synchronized (this) {
            boolean removed = remembered.remove(key(normalized, permission)) != null;
            if (removed) {
                save();
            }
            return removed;
        }
    }

    @Override
    public void clear(String origin) {
        if (origin == null) {
            clear();
            return;
        }
        String normalized = Origins.require(origin);
        thisRun.keySet().removeIf(k -> k.startsWith(normalized + " "));
        synchronized (this) {
            if (remembered.keySet().removeIf(k -> k.startsWith(normalized + " "))) {
                save();
            }
        }
    }

    @Override
    public void clear() {
        thisRun.clear();
        synchronized (this) {
            remembered.clear();
            save();
        }
    }

    /** Records a decision made during this run (not remembered on disk). */
    void recordRun(String origin, Permission permission, boolean granted) {
        if (origin != null) {
            thisRun.put(key(origin, permission), granted);
        }
    }

    /** The decision for {@code origin}: remembered, else made during this run, else {@code null}. */
    Boolean decided(String origin, Permission permission) {
        if (origin == null) {
            return null;
        }
        synchronized (this) {
            RememberedPermission decision = remembered.get(key(origin, permission));
            if (decision != null) {
                return decision.granted();
            }
        }
        return thisRun.get(key(origin, permission));
    }

    @Override
    public synchronized CompletableFuture<Void> flush() {
        return lastWrite;
    }

    private void save() {
        if (file == null) {
            return;
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("version", 1);
        ArrayNode decisions = root.putArray("decisions");
        for (RememberedPermission decision : remembered.values()) {
            decisions.addObject()
                    .put("origin", decision.origin())
                    .put("permission", decision.permission().electronName())
                    .put("granted", decision.granted())
                    .put("decidedAt", decision.decidedAt().toString());
        }
        byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        lastWrite = io.github.fxsession.internal.util.AtomicFiles.writeAfter(lastWrite, file, bytes, writer);
    }
}
