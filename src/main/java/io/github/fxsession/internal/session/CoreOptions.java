package io.github.fxsession.internal.session;

/**
 * The options a partition was created with (the internal twin of {@code PartitionOptions}).
 *
 * @param cache whether the partition has an HTTP cache
 * @param persistSessionCookies whether cookies without an expiry survive a restart
 */
public record CoreOptions(boolean cache, boolean persistSessionCookies) {

    /** Electron's defaults: cache on, session cookies dropped at exit. */
    public static final CoreOptions DEFAULTS = new CoreOptions(true, false);
}
