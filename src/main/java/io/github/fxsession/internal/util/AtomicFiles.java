package io.github.fxsession.internal.util;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file so that a crash leaves either the old or the new content: a temp file in the same
 * folder ({@code <name>.tmp}), fsync, atomic rename, fsync of the folder. The crash tests of the stores
 * that use it ({@code PermissionCrashTest}, {@code CustomWordsCrashTest}) kill writers with SIGKILL to
 * prove it.
 *
 * <p>Threading: any thread; callers serialise writes to one file.
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /**
     * Replaces {@code file} with {@code bytes}, through {@link #tempOf tempOf(file)}: one fixed name, so
     * that a process killed during a write leaves at most one temporary file, which the next write
     * replaces and {@link #deleteStaleTemp} (called when the store loads) removes.
     */
    public static void write(Path file, byte[] bytes) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = tempOf(file);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            moveAtomically(temp, file);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The temporary file {@link #write} writes {@code file}'s new content to: {@code <file>.tmp} beside it. */
    public static Path tempOf(Path file) {
        Path absolute = file.toAbsolutePath();
        return absolute.resolveSibling(absolute.getFileName() + ".tmp");
    }

    /**
     * Deletes the temporary file a crash during a {@link #write} of {@code file} left, if any; call it
     * before the first write (loading the store), never during one. Failures are logged only.
     */
    public static void deleteStaleTemp(Path file) {
        try {
            Files.deleteIfExists(tempOf(file));
        } catch (IOException e) {
            System.getLogger(AtomicFiles.class.getName()).log(System.Logger.Level.DEBUG,
                    "cannot delete the stale temporary file of " + file, e);
        }
    }

    /**
     * Queues a write of {@code bytes} to {@code file} on {@code writer} after {@code previous} (whatever
     * its outcome): the writes of one store stay in order and a failed one does not stop the next.
     *
     * @return completes once these bytes are on disk; fails with an {@link java.io.UncheckedIOException}
     *     (also logged) when they cannot be written
     */
    public static java.util.concurrent.CompletableFuture<Void> writeAfter(java.util.concurrent.CompletableFuture<Void> previous,
            Path file, byte[] bytes, java.util.concurrent.Executor writer) {
        return previous.handle((ok, failed) -> null).thenRunAsync(() -> {
            try {
                write(file, bytes);
            } catch (IOException e) {
                System.getLogger(AtomicFiles.class.getName()).log(System.Logger.Level.ERROR, "cannot write " + file, e);
                throw new java.io.UncheckedIOException(e);
            }
        }, writer);
    }

    private static final java.time.format.DateTimeFormatter ASIDE_STAMP = java.time.format.DateTimeFormatter
            .ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(java.time.ZoneOffset.UTC);

    /**
     * Moves an unusable store file aside to {@code <file>.corrupt-<UTC time>}, so that the next write
     * cannot overwrite what a person may want to inspect or repair, and logs a warning naming both files.
     *
     * @param problem why the file is unusable, for the warning
     * @return the new name of the file
     * @throws IOException when it cannot be moved (the caller must then not write over it)
     */
    public static Path moveAside(Path file, String problem) throws IOException {
        Path aside = file.resolveSibling(file.getFileName() + ".corrupt-" + ASIDE_STAMP.format(java.time.Instant.now()));
        Files.move(file, aside);
        System.getLogger(AtomicFiles.class.getName()).log(System.Logger.Level.WARNING,
                "{0} is unusable ({1}); it was moved to {2}", file, problem, aside);
        return aside;
    }

    /** Renames {@code from} to {@code to} atomically (replacing it), then syncs the folder. */
    public static void moveAtomically(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system of " + to + " cannot rename atomically", e);
        }
        try (FileChannel dirChannel = FileChannel.open(to.toAbsolutePath().getParent(), StandardOpenOption.READ)) {
            dirChannel.force(true);
        } catch (IOException ignored) {
            // some platforms (Windows) cannot open a folder; the rename itself is atomic there
        }
    }
}
