package io.github.fxsession.download;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What {@code Session.createInterruptedDownload(options)} needs to recreate a download that stopped,
 * typically saved by the application from a {@link DownloadItem} before the JVM exited.
 *
 * <pre>{@code
 * session.createInterruptedDownload(new InterruptedDownloadOptions(savedPath, savedUrlChain,
 *         "application/pdf", savedReceivedBytes, savedTotalBytes, savedLastModified, savedETag, savedStart));
 * }</pre>
 *
 * <p>The bytes already received are read from {@code path + ".part"}, where fxsession keeps them until a
 * download is complete; when that file is missing or shorter than {@code offset}, the download restarts
 * from what it holds (from zero without it). Resuming sends
 * {@code Range: bytes=offset-} with {@code If-Range} (the ETag, else the Last-Modified date); a server
 * that answers with the whole file makes the download restart from zero.
 *
 * <p>Electron: the {@code options} of {@code ses.createInterruptedDownload(options)}.
 *
 * <p>Threading: any thread (immutable).
 *
 * @param path the absolute path the file is saved to
 * @param urlChain the URLs of the download, the last one the one resumed; not empty
 * @param mimeType the MIME type, or {@code null}
 * @param offset how many bytes were received, {@code >= 0}
 * @param length the total size, {@code 0} when unknown
 * @param lastModified the {@code Last-Modified} header value, or {@code null}
 * @param eTag the {@code ETag} header value, or {@code null}
 * @param startTime when the download started, or {@code null} for now
 * @since 0.2
 */
public record InterruptedDownloadOptions(Path path, List<String> urlChain, String mimeType, long offset,
        long length, String lastModified, String eTag, Instant startTime) {

    /**
     * Checks the components.
     *
     * @throws IllegalArgumentException naming the parameter when {@code path} is relative, {@code urlChain}
     *     is empty or not http(s), or {@code offset}/{@code length} are negative or inconsistent
     */
    public InterruptedDownloadOptions {
        Objects.requireNonNull(path, "path == null");
        urlChain = List.copyOf(Objects.requireNonNull(urlChain, "urlChain == null"));
        if (!path.isAbsolute()) {
            throw new IllegalArgumentException("path must be absolute: '" + path + "'");
        }
        if (urlChain.isEmpty()) {
            throw new IllegalArgumentException("urlChain must not be empty");
        }
        for (String url : urlChain) {
            String lower = url.toLowerCase(java.util.Locale.ROOT);
            if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
                throw new IllegalArgumentException("urlChain must hold http or https URLs: '" + url + "'");
            }
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0: " + offset);
        }
        if (length < 0 || (length > 0 && offset > length)) {
            throw new IllegalArgumentException("length must be 0 (unknown) or >= offset " + offset + ": " + length);
        }
    }
}
