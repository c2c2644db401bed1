package io.github.fxsession;

/**
 * Options of a new partition, as in Electron's {@code session.fromPartition(partition, options)}.
 *
 * <pre>{@code
 * Session noCache = Session.fromPartition("persist:kiosk", new PartitionOptions(false));
 * Session keepLogin = Session.fromPartition("persist:mail",
 *         PartitionOptions.DEFAULTS.withPersistSessionCookies(true));
 * }</pre>
 *
 * <p>Threading: immutable; any thread.
 *
 * @param cache whether the partition has an HTTP cache (Electron's {@code cache}, default {@code true})
 * @param persistSessionCookies beyond Electron: whether a persistent partition ({@code persist:} or the
 *     default session) keeps session cookies (cookies without an expiry) across restarts: they are then
 *     written to its cookie file and loaded at the next start. {@code false} by default, as in Chromium,
 *     which neither writes nor loads them. Ignored by in-memory partitions.
 * @since 0.1
 */
public record PartitionOptions(boolean cache, boolean persistSessionCookies) {

    /** The options Electron uses when none are given: cache enabled, session cookies end with the process. */
    public static final PartitionOptions DEFAULTS = new PartitionOptions(true, false);

    /**
     * Options with {@code cache} and the other defaults.
     *
     * @param cache whether the partition gets an HTTP cache
     */
    public PartitionOptions(boolean cache) {
        this(cache, false);
    }

    /**
     * These options with {@link #cache()} replaced.
     *
     * @param enabled whether the partition gets an HTTP cache
     * @return new options; this object is unchanged
     */
    public PartitionOptions withCache(boolean enabled) {
        return new PartitionOptions(enabled, persistSessionCookies);
    }

    /**
     * These options with {@link #persistSessionCookies()} replaced.
     *
     * @param keep whether session cookies (no expiry) are written to disk and loaded again
     * @return new options; this object is unchanged
     * @since 0.2
     */
    public PartitionOptions withPersistSessionCookies(boolean keep) {
        return new PartitionOptions(cache, keep);
    }
}
