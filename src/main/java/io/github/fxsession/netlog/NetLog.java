package io.github.fxsession.netlog;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * Records the network activity of one partition into a file (Electron's {@code NetLog}, the
 * {@code ses.netLog} property), in Chromium's NetLog JSON: {@code constants} then {@code events}, which
 * Chromium's NetLog viewer opens.
 *
 * <pre>{@code
 * NetLog log = session.netLog();
 * log.startLogging(Path.of("/tmp/net-log.json")).join();
 * // ... pages load ...
 * Path written = log.stopLogging().join();
 * }</pre>
 *
 * <h2>What is recorded</h2>
 * One {@code URL_REQUEST} source per request of the partition's pages and of {@code downloadURL}:
 * {@code REQUEST_ALIVE} (with the failure's {@code net_error}), {@code URL_REQUEST_START_JOB} (URL,
 * method), and what the partition's HTTP client reports: {@code HOST_RESOLVER_MANAGER_REQUEST} (DNS,
 * not for IP literals), {@code TCP_CONNECT}, {@code SSL_CONNECT} (protocol version and cipher suite),
 * {@code HTTP_TRANSACTION_SEND_REQUEST_HEADERS} and {@code HTTP_TRANSACTION_READ_RESPONSE_HEADERS} as
 * sent and received (with cookies), and {@code URL_REQUEST_JOB_FILTERED_BYTES_READ} (byte counts;
 * the bytes themselves in base64 with {@link CaptureMode#EVERYTHING}). Responses the HTTP cache answers
 * have no network events. WebSockets (raw sockets WebKit opens) are not recorded.
 *
 * <p>The file is written as {@code <path>.part} and moved to {@code path} when logging stops, so
 * {@code path} only ever holds a complete log.
 *
 * <p>Threading: any thread.
 *
 * @since 0.2
 */
public interface NetLog {

    /**
     * Starts recording with the {@linkplain NetLogOptions#DEFAULT default options} (Electron's
     * {@code netLog.startLogging(path)}).
     *
     * @param path the file to write; its folder is created if needed
     * @return a future completed once recording has started
     * @see #startLogging(Path, NetLogOptions)
     */
    CompletableFuture<Void> startLogging(Path path);

    /**
     * Starts recording into {@code path} (Electron's {@code netLog.startLogging(path, options)}).
     *
     * @param path the file to write; its folder is created if needed
     * @param options capture mode and maximum file size
     * @return a future completed once recording has started, failed with {@link java.io.IOException}
     *     when the file cannot be created
     * @throws IllegalArgumentException {@code "The first parameter must be a valid string"} for an empty path
     * @throws IllegalStateException {@code "There is already a net log running"} while recording
     */
    CompletableFuture<Void> startLogging(Path path, NetLogOptions options);

    /**
     * Stops recording and completes the file (Electron's {@code netLog.stopLogging()}).
     *
     * @return a future completed with the file's path, or failed with {@link IllegalStateException}
     *     {@code "No net log in progress"} when not recording
     */
    CompletableFuture<Path> stopLogging();

    /** {@return whether this log is recording} Electron's {@code netLog.currentlyLogging}. */
    boolean currentlyLogging();
}
