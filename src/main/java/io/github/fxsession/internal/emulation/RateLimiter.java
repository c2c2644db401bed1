package io.github.fxsession.internal.emulation;

import java.io.InterruptedIOException;
import java.util.concurrent.locks.LockSupport;

/**
 * Paces bytes at a fixed rate, shared by every stream of one direction of a partition (as Chromium's
 * emulation limits a profile's traffic as a whole).
 *
 * <p>Each transfer reserves its slot on one timeline: it starts when the previous reservation ends and
 * lasts {@code bytes / rate}; the caller waits until its slot ends. A caller that wakes late (timer
 * slack, a loaded machine) and comes back within {@value #CATCH_UP_MILLIS} ms still continues the
 * timeline, so it catches up and the long-run rate stays exact as long as the stream underneath can
 * deliver faster; it never gets ahead of the timeline, so over any span from the start of a transfer
 * the rate is never above the limit. After a longer pause the timeline restarts at the current time:
 * idle time is not saved up.
 *
 * <p>Threading: any thread.
 */
final class RateLimiter {

    /** How much each read or write is cut into: about 20 ms of transfer, between 512 bytes and 64 KiB. */
    private static final long SLICE_NANOS = 20_000_000L;
    private static final int MIN_CHUNK = 512;
    private static final int MAX_CHUNK = 64 * 1024;
    static final long CATCH_UP_MILLIS = 200;
    private static final long CATCH_UP_NANOS = CATCH_UP_MILLIS * 1_000_000L;

    private final double bytesPerSecond;
    private final int chunk;
    private long nextFree = Long.MIN_VALUE;

    RateLimiter(double bytesPerSecond) {
        if (!(bytesPerSecond > 0)) {
            throw new IllegalArgumentException("bytesPerSecond must be > 0: " + bytesPerSecond);
        }
        this.bytesPerSecond = bytesPerSecond;
        this.chunk = (int) Math.max(MIN_CHUNK, Math.min(MAX_CHUNK, bytesPerSecond * SLICE_NANOS / 1e9));
    }

    double bytesPerSecond() {
        return bytesPerSecond;
    }

    /** The most bytes to move before asking for a slot. */
    int chunk() {
        return chunk;
    }

    /** Waits until {@code bytes} may have passed at this rate. */
    void acquire(long bytes) throws InterruptedIOException {
        long deadline;
        synchronized (this) {
            long now = System.nanoTime();
            long start = nextFree == Long.MIN_VALUE || now - nextFree > CATCH_UP_NANOS ? now : nextFree;
            nextFree = start + (long) (bytes * 1e9 / bytesPerSecond);
            deadline = nextFree;
        }
        sleepUntil(deadline);
    }

    static void sleepUntil(long deadline) throws InterruptedIOException {
        for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
            LockSupport.parkNanos(left);
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while network emulation paced the transfer");
            }
        }
    }
}
