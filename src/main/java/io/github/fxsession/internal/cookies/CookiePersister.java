package io.github.fxsession.internal.cookies;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Keeps a partition's {@link CookieFile} up to date with its store, in the background.
 *
 * <p>Each change of the store calls {@link #changed()}; the persister then writes the store's snapshot
 * on its own thread, coalescing changes as Chromium's cookie database does (it commits every 30 s or
 * after 512 changes), with shorter values because the whole file is rewritten and a desktop application
 * is more often closed abruptly: at most {@link #DEFAULT_DELAY} after the first unwritten change, or at
 * once when {@link #DEFAULT_MAX_PENDING} changes are waiting. {@link #flush()} writes now. When the JVM
 * exits normally, one shutdown hook flushes every persister that is still open (best effort, at most
 * {@link #SHUTDOWN_WAIT}); after a crash, what was not written yet is lost, and only that.
 *
 * <p>What is written: persistent cookies that have not expired, and session cookies only when
 * {@code keepSessionCookies} (Chromium never writes them). {@link #restorable} applies the same rule
 * to a file that is loaded.
 *
 * <p>Threading: any thread. Writes happen on one daemon thread per persister, started when there is
 * something to write and ended after 30 s without work.
 */
public final class CookiePersister implements AutoCloseable {

    /** How long a change may wait before it is written. */
    public static final Duration DEFAULT_DELAY = Duration.ofSeconds(1);
    /** How many unwritten changes make a write start at once. */
    public static final int DEFAULT_MAX_PENDING = 256;
    /** How long the JVM's exit waits for the final writes of all persisters. */
    static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(5);

    private static final System.Logger LOG = System.getLogger(CookiePersister.class.getName());
    private static final Set<CookiePersister> OPEN = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(CookiePersister::flushAllAtExit, "fxsession-cookies-exit"));
    }

    private final CookieFile file;
    private final Supplier<List<StoredCookie>> source;
    private final boolean keepSessionCookies;
    private final LongSupplier clock;
    private final long delayMillis;
    private final int maxPending;
    private final ScheduledThreadPoolExecutor writer;
    /** Counts {@link #changed()} calls; {@link #written} is its value when the last write took its snapshot. */
    private final AtomicLong changes = new AtomicLong();
    private volatile long written;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AtomicBoolean urgent = new AtomicBoolean();
    /** The list last written (writer thread only): a flush with nothing new does not touch the disk. */
    private List<StoredCookie> lastWritten;
    private boolean failing;
    private volatile boolean closed;

    /**
     * A persister with the default delays.
     *
     * @param name names the writer thread (the partition)
     * @param source the store's current cookies; called on the writer thread
     */
    public CookiePersister(String name, CookieFile file, Supplier<List<StoredCookie>> source,
                           boolean keepSessionCookies) {
        this(name, file, source, keepSessionCookies, System::currentTimeMillis, DEFAULT_DELAY, DEFAULT_MAX_PENDING);
    }

    CookiePersister(String name, CookieFile file, Supplier<List<StoredCookie>> source, boolean keepSessionCookies,
                    LongSupplier clock, Duration delay, int maxPending) {
        Objects.requireNonNull(name, "name == null");
        this.file = Objects.requireNonNull(file, "file == null");
        this.source = Objects.requireNonNull(source, "source == null");
        this.keepSessionCookies = keepSessionCookies;
        this.clock = Objects.requireNonNull(clock, "clock == null");
        this.delayMillis = delay.toMillis();
        this.maxPending = maxPending;
        this.writer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "fxsession-cookies " + name);
            thread.setDaemon(true);
            return thread;
        });
        writer.setKeepAliveTime(30, TimeUnit.SECONDS);
        writer.allowCoreThreadTimeOut(true);
        writer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        OPEN.add(this);
    }

    /**
     * Makes the cookies of a persistent partition persistent: loads {@code <storageDirectory>/Cookies.json}
     * into their store (what {@link #restorable} keeps of it), writes every later change in the background,
     * and makes {@link CookiesImpl#flushStore()} write now. A file that cannot be read at all (no
     * permission, an I/O error) is left alone: the partition's cookies then stay in memory, an error is
     * logged, and {@code flushStore()} fails with the reason, so that nothing overwrites the file.
     *
     * @param partition the partition's name, for the writer thread's name
     * @return the persister, or {@code null} when the file could not be read
     */
    public static CookiePersister attach(String partition, Path storageDirectory, CookiesImpl cookies,
                                         boolean keepSessionCookies) {
        CookieFile file = CookieFile.in(storageDirectory);
        CookieFile.LoadResult loaded;
        try {
            loaded = file.read();
        } catch (UncheckedIOException e) {
            LOG.log(Level.ERROR, "the cookies of partition '" + partition + "' are kept in memory only: " + e.getMessage(), e);
            cookies.setFlusher(() -> CompletableFuture.failedFuture(e));
            return null;
        }
        CookieStore store = cookies.store();
        store.restore(restorable(loaded.cookies(), System.currentTimeMillis(), keepSessionCookies));
        CookiePersister persister = new CookiePersister(partition.isEmpty() ? "default" : partition, file,
                store::snapshot, keepSessionCookies);
        store.addChangeListener(change -> persister.changed());
        cookies.setFlusher(persister::flush);
        if (loaded.corrupt()) {
            persister.changed();
        }
        return persister;
    }

    /**
     * The cookies of a loaded file that a store takes back: not expired at {@code now}, and persistent
     * unless {@code keepSessionCookies}.
     */
    public static List<StoredCookie> restorable(List<StoredCookie> cookies, long now, boolean keepSessionCookies) {
        return cookies.stream().filter(c -> kept(c, now, keepSessionCookies)).toList();
    }

    private static boolean kept(StoredCookie cookie, long now, boolean keepSessionCookies) {
        return cookie.persistent() ? cookie.expiresAt() > now : keepSessionCookies;
    }

    /** Notes one change of the store: it is written within the delay, or at once after many changes. */
    public void changed() {
        long count = changes.incrementAndGet();
        if (closed) {
            return;
        }
        if (count - written >= maxPending && urgent.compareAndSet(false, true)) {
            submit(() -> {
                urgent.set(false);
                writeIfChanged();
            });
        } else if (scheduled.compareAndSet(false, true)) {
            try {
                writer.schedule(() -> {
                    scheduled.set(false);
                    writeIfChanged();
                }, delayMillis, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException closedMeanwhile) {
                scheduled.set(false);
            }
        }
    }

    /**
     * Writes the store as it is now, unless the file already holds exactly that.
     *
     * @return a future completed on the writer thread once the cookies the store held when this method
     *     was called are on the disk, or failed with an {@link UncheckedIOException}; completed at once
     *     after {@link #close()}
     */
    public CompletableFuture<Void> flush() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (!submit(() -> {
            try {
                write();
                done.complete(null);
            } catch (IOException | RuntimeException e) {
                done.completeExceptionally(e instanceof IOException io
                        ? new UncheckedIOException("cannot write the cookie file " + file.path(), io) : e);
            }
        })) {
            done.complete(null);
        }
        return done;
    }

    /** Flushes, waits for it, and stops the writer thread; later changes are not written. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        try {
            flush().get(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.log(Level.WARNING, "the last cookie changes may not have reached " + file.path(), e);
        } finally {
            closed = true;
            OPEN.remove(this);
            writer.shutdown();
        }
    }

    private boolean submit(Runnable task) {
        if (closed) {
            return false;
        }
        try {
            writer.execute(task);
            return true;
        } catch (RejectedExecutionException closedMeanwhile) {
            return false;
        }
    }

    /** A background write: failures are logged once, and retried at the next change or flush. */
    private void writeIfChanged() {
        if (changes.get() == written) {
            return;
        }
        try {
            write();
            if (failing) {
                failing = false;
                LOG.log(Level.INFO, "cookies are written to {0} again", file.path());
            }
        } catch (IOException | RuntimeException e) {
            if (!failing) {
                failing = true;
                LOG.log(Level.WARNING, "cannot write the cookie file " + file.path()
                        + "; the cookies stay in memory and the write is retried at the next change", e);
            }
        }
    }

    /** Writer thread only. */
    private void write() throws IOException {
        long count = changes.get();
        List<StoredCookie> cookies = restorable(source.get(), clock.getAsLong(), keepSessionCookies);
        if (!cookies.equals(lastWritten)) {
            file.write(cookies);
            lastWritten = cookies;
        }
        written = count;
    }

    private static void flushAllAtExit() {
        List<CompletableFuture<Void>> pending = OPEN.stream().map(CookiePersister::flush).toList();
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
                    .get(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.log(Level.WARNING, "cookies may have lost their last changes at exit", e);
        }
    }
}
