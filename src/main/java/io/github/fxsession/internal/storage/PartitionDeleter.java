package io.github.fxsession.internal.storage;

import io.github.fxsession.internal.session.PartitionDirectories;
import io.github.fxsession.internal.session.SessionCore;
import io.github.fxsession.internal.session.SessionRegistry;
import io.github.fxsession.internal.session.StorageLock;
import io.github.fxsession.internal.session.UserAgents;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * Deletes a persistent partition from disk: its directory and everything in it (cookies, localStorage,
 * HTTP cache, everything later capabilities keep there).
 *
 * <p>Only a process that has not used the partition can do it. WebKit opens a partition's SQLite files
 * when an engine first uses them and keeps them, and its storage areas in memory, until the JVM exits;
 * there is no public way to make it let go. A partition used in this process therefore fails with an
 * {@link IllegalStateException} that says so; another process holding the partition fails through its
 * storage lock. The directory is locked while it is deleted, so no process can start using it halfway.
 *
 * <p>Threading: any thread; does file I/O.
 */
public final class PartitionDeleter {

    private PartitionDeleter() {
    }

    /**
     * @throws IllegalArgumentException when {@code partition} is not {@code persist:NAME}
     * @throws IllegalStateException when this or another process uses the partition
     * @throws UncheckedIOException when a file cannot be deleted
     */
    public static void delete(String partition) {
        Objects.requireNonNull(partition, "partition == null");
        if (!partition.startsWith(SessionRegistry.PERSIST_PREFIX)
                || partition.substring(SessionRegistry.PERSIST_PREFIX.length()).isBlank()) {
            throw new IllegalArgumentException("only a persistent partition ('persist:NAME') can be deleted from disk: '"
                    + UserAgents.escape(partition) + "'");
        }
        SessionCore core = SessionRegistry.loaded(partition);
        if (core != null) {
            int engines = core.bindings().size();
            throw new IllegalStateException("partition '" + UserAgents.escape(partition) + "' was used in this process ("
                    + engines + (engines == 1 ? " engine" : " engines") + " attached now) and WebKit keeps its files open"
                    + " until the JVM exits; delete it before using it (for example at the next start), or empty it"
                    + " now with clearStorageData() and clearCache()");
        }
        Path directory = PartitionDirectories.resolve(SessionRegistry.userDataPath().resolve("Partitions"),
                partition.substring(SessionRegistry.PERSIST_PREFIX.length()));
        if (!Files.isDirectory(directory)) {
            return;
        }
        StorageLock lock = StorageLock.acquire(partition, directory);
        try {
            deleteContents(directory, directory.resolve(StorageLock.FILE_NAME));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete partition '" + UserAgents.escape(partition) + "': " + directory, e);
        } finally {
            try {
                lock.release();
            } catch (IOException ignored) {
                // the lock file is deleted next; the OS drops the lock with the channel anyway
            }
        }
        try {
            Files.deleteIfExists(directory.resolve(StorageLock.FILE_NAME));
            Files.deleteIfExists(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete partition '" + UserAgents.escape(partition) + "': " + directory, e);
        }
    }

    private static void deleteContents(Path directory, Path keep) throws IOException {
        Files.walkFileTree(directory, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (!file.equals(keep)) {
                    Files.delete(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                if (!dir.equals(directory)) {
                    Files.delete(dir);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
