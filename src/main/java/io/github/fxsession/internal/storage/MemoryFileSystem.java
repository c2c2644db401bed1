package io.github.fxsession.internal.storage;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okio.Buffer;
import okio.FileHandle;
import okio.FileMetadata;
import okio.FileSystem;
import okio.Path;
import okio.Sink;
import okio.Source;
import okio.Timeout;

/**
 * A file system held in the heap, for the HTTP cache of in-memory partitions (OkHttp's cache needs a
 * file system; its size bounds the memory used). Only what OkHttp's {@code DiskLruCache} needs:
 * directories, whole-file sources, truncating and appending sinks, atomic moves and deletes. A source
 * reads the file as it was when opened; a sink's bytes are visible once written.
 *
 * <p>Why not okio's {@code FakeFileSystem}: it is a test fixture (it records open files so that tests
 * fail on leaks, and keeps clock and permission models for tests), shipped in a separate artifact.
 *
 * <p>A file never grows past {@code maxFileBytes}: a write beyond it fails with an {@link IOException}.
 * OkHttp writes a response into its cache entry while the caller reads it and evicts only once the entry
 * is committed, so without this bound a download of a file larger than the heap through an in-memory
 * partition ran out of memory; now OkHttp's cache drops the entry (its sinks hide write errors and
 * abandon the edit) and the response streams on uncached.
 *
 * <p>Threading: any thread; one lock guards the files.
 */
final class MemoryFileSystem extends FileSystem {

    private final Object lock = new Object();
    private final Map<Path, Buffer> files = new HashMap<>();
    private final Set<Path> directories = new HashSet<>();

    private final long maxFileBytes;

    MemoryFileSystem() {
        this(Long.MAX_VALUE);
    }

    /** A file system whose files hold at most {@code maxFileBytes} bytes each (the cache's size). */
    MemoryFileSystem(long maxFileBytes) {
        if (maxFileBytes <= 0) {
            throw new IllegalArgumentException("maxFileBytes must be positive: " + maxFileBytes);
        }
        this.maxFileBytes = maxFileBytes;
        directories.add(Path.get("/"));
    }

    /** The bytes all files hold. */
    long size() {
        synchronized (lock) {
            long total = 0;
            for (Buffer file : files.values()) {
                total += file.size();
            }
            return total;
        }
    }

    @Override
    public Path canonicalize(Path path) throws IOException {
        Path normalized = normalize(path);
        synchronized (lock) {
            if (!files.containsKey(normalized) && !directories.contains(normalized)) {
                throw new FileNotFoundException("no such file: " + path);
            }
        }
        return normalized;
    }

    @Override
    public FileMetadata metadataOrNull(Path path) {
        Path p = normalize(path);
        synchronized (lock) {
            Buffer file = files.get(p);
            if (file != null) {
                return new FileMetadata(true, false, null, file.size(), null, null, null, Map.of());
            }
            return directories.contains(p) ? new FileMetadata(false, true, null, null, null, null, null, Map.of()) : null;
        }
    }

    @Override
    public List<Path> list(Path dir) throws IOException {
        List<Path> children = listOrNull(dir);
        if (children == null) {
            throw new FileNotFoundException("no such directory: " + dir);
        }
        return children;
    }

    @Override
    public List<Path> listOrNull(Path dir) {
        Path d = normalize(dir);
        synchronized (lock) {
            if (!directories.contains(d)) {
                return null;
            }
            List<Path> children = new ArrayList<>();
            for (Path p : files.keySet()) {
                if (d.equals(p.parent())) {
                    children.add(p);
                }
            }
            for (Path p : directories) {
                if (d.equals(p.parent())) {
                    children.add(p);
                }
            }
            children.sort(null);
            return children;
        }
    }

    @Override
    public FileHandle openReadOnly(Path file) {
        throw new UnsupportedOperationException("file handles are not supported by the in-memory cache file system");
    }

    @Override
    public FileHandle openReadWrite(Path file, boolean mustCreate, boolean mustExist) {
        throw new UnsupportedOperationException("file handles are not supported by the in-memory cache file system");
    }

    @Override
    public Source source(Path file) throws IOException {
        Path p = normalize(file);
        synchronized (lock) {
            Buffer content = files.get(p);
            if (content == null) {
                throw new FileNotFoundException("no such file: " + file);
            }
            return content.copy();
        }
    }

    @Override
    public Sink sink(Path file, boolean mustCreate) throws IOException {
        return open(normalize(file), mustCreate, false, true);
    }

    @Override
    public Sink appendingSink(Path file, boolean mustExist) throws IOException {
        return open(normalize(file), false, mustExist, false);
    }

    private Sink open(Path p, boolean mustCreate, boolean mustExist, boolean truncate) throws IOException {
        synchronized (lock) {
            requireParent(p);
            if (directories.contains(p)) {
                throw new IOException("is a directory: " + p);
            }
            Buffer existing = files.get(p);
            if (existing != null && mustCreate) {
                throw new IOException("already exists: " + p);
            }
            if (existing == null && mustExist) {
                throw new FileNotFoundException("no such file: " + p);
            }
            if (existing == null || truncate) {
                files.put(p, new Buffer());
            }
        }
        return new FileSink(p);
    }

    @Override
    public void createDirectory(Path dir, boolean mustCreate) throws IOException {
        Path d = normalize(dir);
        synchronized (lock) {
            requireParent(d);
            if (files.containsKey(d)) {
                throw new IOException("is a file: " + d);
            }
            if (!directories.add(d) && mustCreate) {
                throw new IOException("already exists: " + d);
            }
        }
    }

    @Override
    public void atomicMove(Path source, Path target) throws IOException {
        Path from = normalize(source);
        Path to = normalize(target);
        synchronized (lock) {
            Buffer content = files.remove(from);
            if (content == null) {
                throw new FileNotFoundException("no such file: " + source);
            }
            requireParent(to);
            files.put(to, content);
        }
    }

    @Override
    public void delete(Path path, boolean mustExist) throws IOException {
        Path p = normalize(path);
        synchronized (lock) {
            if (files.remove(p) != null) {
                return;
            }
            if (directories.contains(p)) {
                List<Path> children = listOrNull(p);
                if (children != null && !children.isEmpty()) {
                    throw new IOException("directory not empty: " + p);
                }
                directories.remove(p);
                return;
            }
        }
        if (mustExist) {
            throw new FileNotFoundException("no such file: " + path);
        }
    }

    @Override
    public void createSymlink(Path source, Path target) {
        throw new UnsupportedOperationException("symbolic links are not supported by the in-memory cache file system");
    }

    private void requireParent(Path p) throws IOException {
        Path parent = p.parent();
        if (parent != null && !directories.contains(parent)) {
            throw new FileNotFoundException("no such directory: " + parent);
        }
    }

    private static Path normalize(Path path) {
        return Path.get("/").resolve(path, true);
    }

    /** Appends to a file's buffer; bytes are visible at once. */
    private final class FileSink implements Sink {
        private final Path path;
        private boolean closed;

        FileSink(Path path) {
            this.path = path;
        }

        @Override
        public void write(Buffer source, long byteCount) throws IOException {
            if (closed) {
                throw new IOException("closed");
            }
            synchronized (lock) {
                Buffer file = files.get(path);
                if (file == null) {
                    // deleted or moved away while open: the bytes go nowhere, as with an unlinked file
                    source.skip(byteCount);
                    return;
                }
                if (file.size() + byteCount > maxFileBytes) {
                    throw new IOException("file larger than " + maxFileBytes + " bytes: " + path);
                }
                file.write(source, byteCount);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public Timeout timeout() {
            return Timeout.NONE;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
