package io.github.fxsession;

/**
 * Options of a new partition, as in Electron's {@code session.fromPartition(partition, options)}.
 *
 * <pre>{@code
 * Session noCache = Session.fromPartition("persist:kiosk", new PartitionOptions(false));
 * }</pre>
 *
 * <p>Threading: immutable; any thread.
 *
 * @param cache whether the partition has an HTTP cache (Electron's {@code cache}, default {@code true})
 * @since 0.1
 */
public record PartitionOptions(boolean cache) {

    /** The options Electron uses when none are given: cache enabled. */
    public static final PartitionOptions DEFAULTS = new PartitionOptions(true);
}
