package io.github.fxsession.internal.session;

import io.github.fxsession.internal.cookies.GlobalCookieGuard;
import io.github.fxsession.internal.net.NetworkChain;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The JVM's partitions: one {@link SessionCore} per partition name, created on first use.
 *
 * <p>Threading: any thread.
 */
public final class SessionRegistry {

    /** The system property that chooses the user-data root when the application did not. */
    public static final String USER_DATA_PROPERTY = "fxsession.userDataPath";
    public static final String PERSIST_PREFIX = "persist:";

    private static final Object LOCK = new Object();
    private static final Map<String, SessionCore> CORES = new HashMap<>();
    private static Path userDataPath;
    /** In-memory partitions' directories; one shutdown hook deletes them all (Windows has no POSIX modes). */
    private static final java.util.Set<Path> TEMPORARY = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(
                () -> TEMPORARY.forEach(SessionRegistry::deleteQuietly), "fxsession-cleanup"));
    }
    private static boolean used;

    private SessionRegistry() {
    }

    /**
     * Chooses the user-data root.
     *
     * @throws IllegalStateException once a session was used
     */
    public static void setUserDataPath(Path path) {
        Objects.requireNonNull(path, "path == null");
        synchronized (LOCK) {
            if (used) {
                throw new IllegalStateException("setUserDataPath must be called before the first session is"
                        + " used; sessions already live under " + userDataPath());
            }
            userDataPath = path.toAbsolutePath().normalize();
        }
    }

    /** The user-data root: set, else the {@value #USER_DATA_PROPERTY} property, else the platform's folder. */
    public static Path userDataPath() {
        synchronized (LOCK) {
            if (userDataPath == null) {
                String property = System.getProperty(USER_DATA_PROPERTY);
                userDataPath = (property != null && !property.isBlank() ? Path.of(property) : platformDefault())
                        .toAbsolutePath().normalize();
            }
            return userDataPath;
        }
    }

    static Path platformDefault() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path home = Path.of(System.getProperty("user.home"));
        if (os.startsWith("windows")) {
            String appData = System.getenv("APPDATA");
            return (appData != null ? Path.of(appData) : home.resolve("AppData").resolve("Roaming")).resolve("fxsession");
        }
        if (os.startsWith("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve("fxsession");
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".config")).resolve("fxsession");
    }

    /**
     * The core of {@code partition}, created with {@code options} on first use.
     *
     * @param options {@code null} when the caller gave no options
     * @param facadeFactory makes the public object for a new core
     */
    public static SessionCore get(String partition, CoreOptions options, Function<SessionCore, Object> facadeFactory) {
        validate(partition);
        NetworkChain.install(SessionRegistry::defaultCoreForNetwork);
        GlobalCookieGuard.install();
        SessionCore core;
        synchronized (LOCK) {
            core = CORES.get(partition);
            if (core != null && options != null) {
                throw new IllegalStateException("partition '" + display(partition) + "' exists already and the"
                        + " options of an existing session cannot change; call fromPartition without options");
            }
            if (core == null) {
                used = true;
                core = create(partition, options == null ? CoreOptions.DEFAULTS : options);
                core.setFacade(facadeFactory.apply(core));
                CORES.put(partition, core);
            }
        }
        return core;
    }

    /** The core of {@code partition} if this process has used it, else {@code null}. */
    public static SessionCore loaded(String partition) {
        synchronized (LOCK) {
            return CORES.get(partition);
        }
    }

    /**
     * Checks that {@code core} may be closed.
     *
     * @throws IllegalStateException for the default session
     * @throws UnsupportedOperationException for a persistent partition
     */
    public static void requireClosable(SessionCore core) {
        if (core.partition().isEmpty()) {
            throw new IllegalStateException("the default session cannot be closed: engines that are not attached"
                    + " to a session use it");
        }
        if (core.persistent()) {
            throw new UnsupportedOperationException("partition '" + display(core.partition()) + "' is persistent"
                    + " and stays open until the JVM exits: WebKit keeps its files open from its first use");
        }
    }

    /**
     * Forgets {@code core}'s partition (the next {@link #get} creates a new, empty one), closes the core
     * and deletes its temporary directory. Closing twice does nothing. FX Application Thread only.
     */
    public static void close(SessionCore core) {
        requireClosable(core);
        if (core.closed()) {
            return;
        }
        synchronized (LOCK) {
            CORES.remove(core.partition(), core);
        }
        core.close();
        deleteQuietly(core.webKitDirectory());
        if (!Files.exists(core.webKitDirectory())) {
            TEMPORARY.remove(core.webKitDirectory());
        }
    }

    private static SessionCore defaultCoreForNetwork() {
        synchronized (LOCK) {
            SessionCore core = CORES.get("");
            if (core == null) {
                core = create("", CoreOptions.DEFAULTS);
                core.setFacade(DEFAULT_FACADE.apply(core));
                CORES.put("", core);
            }
            return core;
        }
    }

    private static volatile Function<SessionCore, Object> DEFAULT_FACADE;

    /** How the public API makes its object for the default session when the network creates it first. */
    public static void setFacadeFactory(Function<SessionCore, Object> factory) {
        DEFAULT_FACADE = factory;
    }

    static void validate(String partition) {
        Objects.requireNonNull(partition, "partition == null");
        if (partition.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("partition must not contain NUL: '" + UserAgents.escape(partition) + "'");
        }
        String name = partition.startsWith(PERSIST_PREFIX) ? partition.substring(PERSIST_PREFIX.length()) : partition;
        if (!partition.isEmpty() && name.isBlank()) {
            throw new IllegalArgumentException("partition must have a non-blank name"
                    + (partition.startsWith(PERSIST_PREFIX) ? " after 'persist:'" : "") + ": '"
                    + UserAgents.escape(partition) + "'");
        }
    }

    private static SessionCore create(String partition, CoreOptions options) {
        Path root = userDataPath();
        if (partition.isEmpty()) {
            StorageLock.acquire("(default)", root);
            return new SessionCore(partition, true, root, root.resolve("WebKit"), options);
        }
        if (partition.startsWith(PERSIST_PREFIX)) {
            String name = partition.substring(PERSIST_PREFIX.length());
            Path dir = PartitionDirectories.resolve(root.resolve("Partitions"), name);
            StorageLock.acquire(partition, dir);
            return new SessionCore(partition, true, dir, dir.resolve("WebKit"), options);
        }
        return new SessionCore(partition, false, null, temporaryDirectory(), options);
    }

    private static Path temporaryDirectory() {
        try {
            Path dir;
            try {
                dir = Files.createTempDirectory("fxsession-memory-",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (UnsupportedOperationException notPosix) {
                dir = Files.createTempDirectory("fxsession-memory-");
            }
            TEMPORARY.add(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the directory of an in-memory partition", e);
        }
    }

    static void deleteQuietly(Path dir) {
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException ignored) {
            // best effort at exit
        }
    }

    static String display(String partition) {
        return UserAgents.escape(partition);
    }
}
