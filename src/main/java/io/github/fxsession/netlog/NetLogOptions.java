package io.github.fxsession.netlog;

import java.util.Objects;

/**
 * Options of {@link NetLog#startLogging(java.nio.file.Path, NetLogOptions)} (Electron's
 * {@code options} of {@code netLog.startLogging}).
 *
 * <pre>{@code
 * new NetLogOptions(CaptureMode.INCLUDE_SENSITIVE, 10_000_000)
 * }</pre>
 *
 * <p>Threading: immutable, any thread.
 *
 * @param captureMode what is recorded ({@link CaptureMode#DEFAULT} by default)
 * @param maxFileSize the largest size of the file in bytes; events that would make it larger are
 *     dropped ({@link #UNLIMITED} by default)
 * @since 0.2
 */
public record NetLogOptions(CaptureMode captureMode, long maxFileSize) {

    /** No size limit. */
    public static final long UNLIMITED = Long.MAX_VALUE;

    /** The default options: {@link CaptureMode#DEFAULT}, no size limit. */
    public static final NetLogOptions DEFAULT = new NetLogOptions(CaptureMode.DEFAULT, UNLIMITED);

    /**
     * Validates the options.
     *
     * @throws IllegalArgumentException {@code "Invalid value for maxFileSize: <n>"} unless positive
     */
    public NetLogOptions {
        Objects.requireNonNull(captureMode, "captureMode == null");
        if (maxFileSize <= 0) {
            throw new IllegalArgumentException("Invalid value for maxFileSize: " + maxFileSize);
        }
    }
}
