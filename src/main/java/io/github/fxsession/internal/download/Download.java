package io.github.fxsession.internal.download;

import io.github.fxsession.download.DownloadItem;
import io.github.fxsession.download.DownloadState;
import io.github.fxsession.download.InterruptedDownloadOptions;
import io.github.fxsession.download.SaveDialogOptions;
import io.github.fxsession.internal.net.NetResponse;
import io.github.fxsession.internal.util.Listeners;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.util.Subscription;
import okhttp3.Headers;

/**
 * The one implementation of {@link DownloadItem}: a transfer into a part file on a download thread,
 * a destination decided on the FX thread, and an atomic publication once both are done.
 *
 * <p>Threading: any thread; state changes under {@code lock}; events posted to the FX thread in order.
 */
public final class Download implements DownloadItem {

    private static final System.Logger LOG = System.getLogger(Download.class.getName());
    /** Bytes read from the network before each write: large writes, and progress at slow rates too. */
    static final int BUFFER = 128 * 1024;
    private static final long UPDATE_INTERVAL_NANOS = 100_000_000L;
    private static final long SPEED_WINDOW_NANOS = 1_000_000_000L;
    /**
     * Bytes written between two background flushes of the part file to the disk: the flush runs beside
     * the transfer, so the final fsync before publication only has the last few MiB left to write.
     */
    static final long SYNC_AHEAD_BYTES = 32L * 1024 * 1024;

    private final DownloadManager manager;
    private final Object lock = new Object();
    private final List<Consumer<DownloadState>> updatedListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<DownloadState>> doneListeners = new CopyOnWriteArrayList<>();
    private final Instant startTime;

    private volatile List<String> urlChain;
    private volatile String mimeType;
    private volatile String contentDisposition;
    private volatile String filename;
    private volatile String eTag;
    private volatile String lastModified;
    private volatile long total;
    private volatile long received;
    private volatile long speed;
    private volatile Instant endTime;
    private volatile DownloadState state = DownloadState.PROGRESSING;
    private volatile boolean paused;
    private volatile String interruptReason;
    private volatile Path savePath;
    private volatile boolean listenersRan;
    private volatile SaveDialogOptions dialogOptions;

    // guarded by lock
    private boolean decided;
    private boolean replaceAllowed;
    private Path part;
    private FileChannel channel;
    private Transfer transfer;
    private boolean bytesComplete;
    private boolean committing;
    private boolean destinationAsked;

    // download thread only
    private long lastUpdate;
    private long windowStart;
    private long windowBytes;
    private long unsynced;
    private volatile boolean syncing;

    private Download(DownloadManager manager, List<String> urlChain, Instant startTime) {
        this.manager = manager;
        this.urlChain = List.copyOf(urlChain);
        this.startTime = startTime;
    }

    /** An item for {@code response}, the answer to the last URL of {@code urlChain}. */
    static Download of(DownloadManager manager, List<String> urlChain, NetResponse response) {
        Download item = new Download(manager, urlChain, Instant.now());
        item.describe(response.headers());
        return item;
    }

    /** An item that failed before a response arrived. */
    static Download failed(DownloadManager manager, List<String> urlChain) {
        Download item = new Download(manager, urlChain, Instant.now());
        item.describe(new Headers.Builder().build());
        return item;
    }

    /** The item {@code createInterruptedDownload} recreates: interrupted, destination chosen. */
    static Download interrupted(DownloadManager manager, InterruptedDownloadOptions options) {
        Instant start = options.startTime() != null ? options.startTime() : Instant.now();
        Download item = new Download(manager, options.urlChain(), start);
        item.mimeType = options.mimeType() == null ? "" : FileNames.mimeType(options.mimeType());
        item.contentDisposition = "";
        item.filename = FileNames.sanitize(options.path().getFileName().toString());
        item.eTag = options.eTag() == null ? "" : options.eTag();
        item.lastModified = options.lastModified() == null ? "" : options.lastModified();
        item.total = options.length() > 0 ? options.length() : -1;
        item.received = options.offset();
        item.state = DownloadState.INTERRUPTED;
        item.interruptReason = "recreated by createInterruptedDownload";
        item.savePath = options.path();
        item.part = FileNames.partOf(options.path());
        return item;
    }

    private void describe(Headers headers) {
        String disposition = headers.get("Content-Disposition");
        this.contentDisposition = disposition == null ? "" : disposition;
        this.mimeType = FileNames.mimeType(headers.get("Content-Type"));
        this.filename = FileNames.suggest(disposition, getURL(), mimeType);
        this.total = contentLength(headers);
        updateValidators(headers);
    }

    private void updateValidators(Headers headers) {
        String tag = headers.get("ETag");
        String modified = headers.get("Last-Modified");
        this.eTag = tag == null ? "" : tag;
        this.lastModified = modified == null ? "" : modified;
    }

    private static long contentLength(Headers headers) {
        String length = headers.get("Content-Length");
        try {
            return length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    // ---- DownloadItem: description -----------------------------------------------------------------

    @Override
    public String getURL() {
        List<String> chain = urlChain;
        return chain.get(chain.size() - 1);
    }

    @Override
    public List<String> getURLChain() {
        return urlChain;
    }

    @Override
    public String getMimeType() {
        return mimeType;
    }

    @Override
    public boolean hasUserGesture() {
        return false;
    }

    @Override
    public String getFilename() {
        return filename;
    }

    @Override
    public String getContentDisposition() {
        return contentDisposition;
    }

    @Override
    public long getTotalBytes() {
        return Math.max(total, 0);
    }

    @Override
    public long getReceivedBytes() {
        return received;
    }

    @Override
    public int getPercentComplete() {
        long all = total;
        return all <= 0 ? 0 : (int) Math.min(100, received * 100 / all);
    }

    @Override
    public long getCurrentBytesPerSecond() {
        return speed;
    }

    @Override
    public Instant getStartTime() {
        return startTime;
    }

    @Override
    public Instant getEndTime() {
        return endTime;
    }

    @Override
    public String getLastModifiedTime() {
        return lastModified;
    }

    @Override
    public String getETag() {
        return eTag;
    }

    @Override
    public DownloadState getState() {
        return state;
    }

    @Override
    public String getInterruptReason() {
        return state == DownloadState.INTERRUPTED ? interruptReason : null;
    }

    @Override
    public boolean isPaused() {
        return paused;
    }

    @Override
    public Path getSavePath() {
        return savePath;
    }

    @Override
    public void setSavePath(Path path) {
        Objects.requireNonNull(path, "path == null");
        if (!path.isAbsolute() || path.getFileName() == null) {
            throw new IllegalArgumentException("path must be absolute and name a file: '" + path + "'");
        }
        if (listenersRan) {
            throw new IllegalStateException("setSavePath must be called in a 'will-download' listener; the"
                    + " destination of " + filename + " is decided already");
        }
        savePath = path;
    }

    @Override
    public void setSaveDialogOptions(SaveDialogOptions options) {
        this.dialogOptions = options;
    }

    @Override
    public SaveDialogOptions getSaveDialogOptions() {
        return dialogOptions;
    }

    @Override
    public Subscription onUpdated(Consumer<DownloadState> listener) {
        return subscribe(updatedListeners, listener);
    }

    @Override
    public Subscription onDone(Consumer<DownloadState> listener) {
        return subscribe(doneListeners, listener);
    }

    private static Subscription subscribe(List<Consumer<DownloadState>> listeners, Consumer<DownloadState> listener) {
        return Listeners.add(listeners, listener);
    }

    // ---- DownloadItem: controls --------------------------------------------------------------------

    @Override
    public void pause() {
        synchronized (lock) {
            if (state != DownloadState.PROGRESSING || paused || bytesComplete) {
                return;
            }
            paused = true;
            speed = 0;
            stopTransfer();
            // no fsync here: pause() may run on the FX thread; the written bytes are in the OS already
            closeChannel(false);
        }
        postUpdated();
    }

    @Override
    public void resume() {
        synchronized (lock) {
            if (state == DownloadState.COMPLETED || state == DownloadState.CANCELLED) {
                throw new IllegalStateException("cannot resume a " + state.electronName() + " download: " + filename);
            }
            if (!canResume()) {
                return;
            }
            paused = false;
            state = DownloadState.PROGRESSING;
            endTime = null;
        }
        postUpdated();
        manager.executor().execute(this::continueTransfer);
    }

    @Override
    public boolean canResume() {
        DownloadState now = state;
        return (now == DownloadState.PROGRESSING && paused) || now == DownloadState.INTERRUPTED;
    }

    @Override
    public void cancel() {
        synchronized (lock) {
            if (state == DownloadState.COMPLETED || state == DownloadState.CANCELLED || committing) {
                return;
            }
            state = DownloadState.CANCELLED;
            paused = false;
            speed = 0;
            endTime = Instant.now();
            stopTransfer();
            closeChannel(false);
            if (part != null) {
                try {
                    Files.deleteIfExists(part);
                } catch (IOException e) {
                    LOG.log(System.Logger.Level.WARNING, "cannot delete the part file " + part, e);
                }
            }
        }
        postDone(DownloadState.CANCELLED);
    }

    // ---- transfer ----------------------------------------------------------------------------------

    /** A running transfer: one response body read by one download thread. */
    private static final class Transfer {
        final InputStream in;
        volatile boolean stopped;

        Transfer(InputStream in) {
            this.in = in;
        }
    }

    /** Starts reading {@code body} into the part file at {@code offset}, on a download thread. */
    void start(InputStream body, long offset) {
        Transfer t = new Transfer(body);
        synchronized (lock) {
            if (state != DownloadState.PROGRESSING || paused || transfer != null) {
                closeQuietly(body);
                return;
            }
            transfer = t;
        }
        manager.executor().execute(() -> pump(t, offset));
    }

    private void pump(Transfer t, long offset) {
        try {
            synchronized (lock) {
                if (t.stopped) {
                    return;
                }
                openPart(offset);
            }
            received = offset;
            // the body as a channel (OkHttp's): read into a direct buffer, which the file channel writes
            // without first copying it into a temporary direct buffer of its own
            ReadableByteChannel body = t.in instanceof ReadableByteChannel c ? c : null;
            ByteBuffer buffer = body != null ? ByteBuffer.allocateDirect(BUFFER) : ByteBuffer.allocate(BUFFER);
            windowStart = System.nanoTime();
            windowBytes = offset;
            lastUpdate = windowStart;
            unsynced = 0;
            while (!t.stopped) {
                int n = fill(buffer, body, t.in);
                if (n == 0) {
                    break;
                }
                Path written;
                synchronized (lock) {
                    if (t.stopped) {
                        return;
                    }
                    while (buffer.hasRemaining()) {
                        channel.write(buffer);
                    }
                    written = part;
                }
                received += n;
                unsynced += n;
                if (unsynced >= SYNC_AHEAD_BYTES && !syncing) {
                    unsynced = 0;
                    syncAhead(written);
                }
                progressed();
            }
            if (t.stopped) {
                return;
            }
            long expected = total;
            if (expected >= 0 && received != expected) {
                interrupt("the connection closed after " + received + " of " + expected + " bytes");
                return;
            }
            synchronized (lock) {
                if (t.stopped) {
                    return;
                }
                closeChannel(true);
                bytesComplete = true;
                transfer = null;
                speed = 0;
            }
            postUpdated();
            maybeCommit();
        } catch (IOException | RuntimeException e) {
            if (!t.stopped) {
                interrupt(DownloadManager.reasonOf(e));
            }
        } finally {
            closeQuietly(t.in);
            synchronized (lock) {
                if (transfer == t) {
                    transfer = null;
                }
                if (transfer == null && channel != null) {
                    closeChannel(true);
                }
            }
        }
    }

    /**
     * Reads from the body until {@code buffer} is full or the body ends, then flips {@code buffer} for
     * writing; returns the bytes read (0 at the end): through {@code body} if not null, else {@code in}.
     */
    private static int fill(ByteBuffer buffer, ReadableByteChannel body, InputStream in) throws IOException {
        buffer.clear();
        if (body != null) {
            while (buffer.hasRemaining() && body.read(buffer) >= 0) {
                // a read returns at least one byte, or -1 at the end
            }
        } else {
            int n = in.readNBytes(buffer.array(), 0, buffer.capacity());
            buffer.position(n);
        }
        return buffer.flip().remaining();
    }

    private void progressed() {
        long now = System.nanoTime();
        if (now - windowStart >= SPEED_WINDOW_NANOS / 4) {
            long elapsed = now - windowStart;
            long rate = (received - windowBytes) * 1_000_000_000L / elapsed;
            speed = speed == 0 ? rate : (speed + rate) / 2;
            windowStart = now;
            windowBytes = received;
        }
        if (now - lastUpdate >= UPDATE_INTERVAL_NANOS) {
            lastUpdate = now;
            postUpdated();
        }
    }

    /**
     * Flushes what was written of {@code file} to the disk on another thread, through a channel of its
     * own (so closing the transfer's channel, on pause from the FX thread too, never waits for it).
     * Only a head start: the transfer's own fsync before publication stays the guarantee, so a failure
     * here (the file moved, cancelled, deleted) is ignored. Download thread.
     */
    private void syncAhead(Path file) {
        syncing = true;
        manager.executor().execute(() -> {
            try (FileChannel sync = FileChannel.open(file, StandardOpenOption.WRITE)) {
                sync.force(false);
            } catch (IOException | RuntimeException e) {
                // the final fsync reports real failures
            } finally {
                syncing = false;
            }
        });
    }

    /** Opens the part file for writing at {@code offset} (truncating what lies beyond). Under lock. */
    private void openPart(long offset) throws IOException {
        if (part == null) {
            part = decided ? FileNames.partOf(savePath) : manager.newPartFile(filename);
        }
        Files.createDirectories(part.getParent());
        closeChannel(false);
        channel = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        channel.truncate(offset);
        channel.position(offset);
    }

    /** Resume: asks for the rest with Range and If-Range, or for everything, and continues. Download thread. */
    private void continueTransfer() {
        long offset;
        synchronized (lock) {
            if (state != DownloadState.PROGRESSING || paused) {
                return;
            }
            long onDisk = 0;
            try {
                onDisk = part != null && Files.exists(part) ? Files.size(part) : 0;
            } catch (IOException e) {
                onDisk = 0;
            }
            offset = Math.min(received, onDisk);
        }
        String validator = !eTag.isEmpty() && !eTag.startsWith("W/") ? eTag : lastModified;
        if (validator.isEmpty()) {
            offset = 0;
        }
        received = offset;
        Headers.Builder headers = new Headers.Builder();
        if (offset > 0) {
            headers.add("Range", "bytes=" + offset + "-");
            headers.add("If-Range", validator);
        }
        try {
            NetResponse response = manager.fetch(getURL(), headers.build(), new java.util.ArrayList<>());
            int code = response.code();
            if (code == 206 && offset > 0 && rangeStart(response) == offset) {
                long length = rangeLength(response);
                total = length >= 0 ? length : -1;
                start(response.body(), offset);
            } else if (code >= 200 && code < 300 && code != 206) {
                updateValidators(response.headers());
                total = contentLength(response.headers());
                start(response.body(), 0);
            } else if (code == 206 && offset > 0) {
                closeQuietly(response.body());
                restartFromZero();
            } else {
                closeQuietly(response.body());
                interrupt("HTTP " + code + " " + response.message());
            }
        } catch (IOException | RuntimeException e) {
            interrupt(DownloadManager.reasonOf(e));
        }
    }

    /** The server answered a range that does not continue the part file: forget it and ask for everything. */
    private void restartFromZero() {
        eTag = "";
        lastModified = "";
        received = 0;
        continueTransfer();
    }

    private static long rangeStart(NetResponse response) {
        String range = response.header("Content-Range");
        if (range == null || !range.startsWith("bytes ")) {
            return -1;
        }
        int dash = range.indexOf('-');
        try {
            return dash < 0 ? -1 : Long.parseLong(range.substring(6, dash).trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static long rangeLength(NetResponse response) {
        String range = response.header("Content-Range");
        int slash = range.indexOf('/');
        try {
            return slash < 0 ? -1 : Long.parseLong(range.substring(slash + 1).trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Ends the item {@code INTERRUPTED} with {@code reason}; the part file stays for a resume. */
    void interrupt(String reason) {
        synchronized (lock) {
            if (state != DownloadState.PROGRESSING) {
                return;
            }
            state = DownloadState.INTERRUPTED;
            interruptReason = reason;
            paused = false;
            speed = 0;
            endTime = Instant.now();
            stopTransfer();
            closeChannel(true);
        }
        postDone(DownloadState.INTERRUPTED);
    }

    private void stopTransfer() {
        Transfer t = transfer;
        if (t != null) {
            t.stopped = true;
            transfer = null;
            closeQuietly(t.in);
        }
    }

    private void closeChannel(boolean force) {
        FileChannel open = channel;
        channel = null;
        if (open != null) {
            try {
                if (force) {
                    open.force(true);
                }
                open.close();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot close the part file " + part, e);
            }
        }
    }

    // ---- destination -------------------------------------------------------------------------------

    /** The path a listener set, or {@code createInterruptedDownload}'s path; {@code null} if none. */
    Path requestedPath() {
        return savePath;
    }

    /** The 'will-download' listeners ran: the destination can no longer be set. */
    void listenersRan() {
        listenersRan = true;
    }

    /**
     * Decides the destination: {@code path}, or a free name next to it unless {@code replace}; moves the
     * part file beside it. Runs the file work on a download thread.
     */
    void decide(Path path, boolean replace) {
        manager.executor().execute(() -> {
            try {
                place(path, replace);
                maybeCommit();
            } catch (IOException | RuntimeException e) {
                interrupt("cannot save to " + path + ": " + DownloadManager.reasonOf(e));
            }
        });
    }

    private void place(Path path, boolean replace) throws IOException {
        synchronized (lock) {
            if (state == DownloadState.CANCELLED || decided) {
                return;
            }
            Path folder = path.getParent();
            Files.createDirectories(folder);
            Path target = replace ? path : FileNames.unique(folder, FileNames.sanitize(path.getFileName().toString()), part);
            Path wanted = FileNames.partOf(target);
            if (part != null && !part.equals(wanted) && Files.exists(part)) {
                long position = channel != null ? channel.position() : -1;
                closeChannel(false);
                Files.move(part, wanted, StandardCopyOption.REPLACE_EXISTING);
                if (position >= 0) {
                    channel = FileChannel.open(wanted, StandardOpenOption.WRITE);
                    channel.position(position);
                }
            }
            part = wanted;
            savePath = target;
            replaceAllowed = replace;
            decided = true;
        }
    }

    private void maybeCommit() {
        Path from;
        Path target;
        boolean replace;
        synchronized (lock) {
            if (bytesComplete && !decided && listenersRan && !destinationAsked && state == DownloadState.PROGRESSING) {
                // complete, but nobody chose a place yet (it failed before its first byte and was resumed)
                destinationAsked = true;
                Platform.runLater(() -> manager.chooseDestination(this));
                return;
            }
            if (!bytesComplete || !decided || committing || state != DownloadState.PROGRESSING) {
                return;
            }
            committing = true;
            from = part;
            target = savePath;
            replace = replaceAllowed;
        }
        Path published;
        try {
            published = publish(from, target, replace);
        } catch (IOException | RuntimeException e) {
            synchronized (lock) {
                committing = false;
            }
            interrupt("cannot save to " + target + ": " + DownloadManager.reasonOf(e));
            return;
        }
        synchronized (lock) {
            savePath = published;
            state = DownloadState.COMPLETED;
            endTime = Instant.now();
        }
        postDone(DownloadState.COMPLETED);
    }

    /**
     * Makes the complete part file appear at {@code target} at once: a hard link (which fails rather than
     * replace a file created meanwhile; then the next free name is used), else an atomic rename.
     */
    private static Path publish(Path from, Path target, boolean replace) throws IOException {
        Path destination = target;
        if (replace) {
            Files.move(from, destination, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } else {
            while (true) {
                try {
                    Files.createLink(destination, from);
                    Files.delete(from);
                    break;
                } catch (FileAlreadyExistsException e) {
                    destination = FileNames.unique(target.getParent(), target.getFileName().toString(), from);
                } catch (UnsupportedOperationException | IOException e) {
                    // no hard links on this file system (FAT, some network shares): rename
                    if (Files.exists(destination)) {
                        destination = FileNames.unique(target.getParent(), target.getFileName().toString(), from);
                    }
                    Files.move(from, destination, StandardCopyOption.ATOMIC_MOVE);
                    break;
                }
            }
        }
        syncFolder(destination.getParent());
        return destination;
    }

    private static void syncFolder(Path folder) {
        try (FileChannel directory = FileChannel.open(folder, StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open a folder as a channel; NTFS journals the rename itself
        }
    }

    // ---- events ------------------------------------------------------------------------------------

    private void postUpdated() {
        Platform.runLater(() -> fire(updatedListeners, DownloadState.PROGRESSING));
    }

    private void postDone(DownloadState end) {
        Platform.runLater(() -> fire(doneListeners, end));
    }

    private void fire(List<Consumer<DownloadState>> listeners, DownloadState value) {
        for (Consumer<DownloadState> listener : listeners) {
            try {
                listener.accept(value);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "a download listener of " + filename + " threw", e);
            }
        }
    }

    private static void closeQuietly(InputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException | RuntimeException ignored) {
                // releasing the connection only
            }
        }
    }

    @Override
    public String toString() {
        return "DownloadItem[" + filename + ", " + state.electronName() + (paused ? ", paused" : "") + ", "
                + received + "/" + getTotalBytes() + "]";
    }
}
