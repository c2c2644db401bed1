package io.github.fxsession.internal.session;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An exclusive, process-wide lock on a persistent partition's directory, held until the JVM exits
 * (the operating system releases it even after a crash). WebView's engine cannot share a user-data
 * directory between processes: a second process silently loses {@code localStorage}. This lock turns
 * that into a clear error up front.
 */
public final class StorageLock {

    public static final String FILE_NAME = "fxsession.lock";

    /**
     * The locks this JVM holds, kept reachable: an unreachable {@link FileChannel} is closed by its
     * cleaner after garbage collection, and closing it drops the lock while the partition is still used.
     */
    private static final Set<StorageLock> HELD = ConcurrentHashMap.newKeySet();

    private final FileChannel channel;
    private final FileLock lock;

    private StorageLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Locks {@code directory} for this process.
     *
     * @throws IllegalStateException naming the directory when another process holds it
     */
    public static StorageLock acquire(String partition, Path directory) {
        Path file = directory.resolve(FILE_NAME);
        FileChannel channel = null;
        try {
            Files.createDirectories(directory);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                throw inUse(partition, directory);
            }
            StorageLock held = new StorageLock(channel, lock);
            HELD.add(held);
            return held;
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw inUse(partition, directory);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot lock the directory of partition '" + UserAgents.escape(partition) + "': " + file, e);
        }
    }

    private static IllegalStateException inUse(String partition, Path directory) {
        return new IllegalStateException("partition '" + UserAgents.escape(partition) + "' is already in use by another process:"
                + " its directory " + directory + " is locked (" + FILE_NAME + "); WebView cannot share a"
                + " storage directory between processes, so use another partition or close the other process");
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // already failing; the first error is the one reported
            }
        }
    }

    /** Releases the lock (used when a partition's directory is deleted). */
    public void release() throws IOException {
        HELD.remove(this);
        lock.release();
        channel.close();
    }
}
