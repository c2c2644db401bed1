package io.github.fxsession.download;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import javafx.util.Subscription;

/**
 * One download of a session: its source, progress, destination and controls (Electron's
 * {@code DownloadItem}). Items come from the session's {@code 'will-download'} event; applications do not
 * implement this interface.
 *
 * <pre>{@code
 * session.onWillDownload((event, item, webContents) -> {
 *     item.setSavePath(downloads.resolve(item.getFilename()));
 *     item.onUpdated(state -> progress.setProgress(item.getPercentComplete() / 100.0));
 *     item.onDone(state -> System.out.println(item.getFilename() + ": " + state.electronName()));
 * });
 * }</pre>
 *
 * <h2>Where the bytes go</h2>
 * Bytes are written to a temporary {@code <name>.part} file from the first byte on, also while
 * {@code 'will-download'} listeners or the save dialog decide where the file goes; the part file then
 * moves next to its destination, {@code <save path>.part}. The file appears at its save path only
 * complete, by an atomic rename (a hard link, then the part file is deleted). The destination is, in
 * order: the path a listener set with {@link #setSavePath(Path)}, else a file in the session's download
 * folder ({@code Session.setDownloadPath}), else the path chosen in a JavaFX save dialog (dismissing it
 * cancels). File names are sanitised and never replace an existing file: {@code report (1).pdf}; only a
 * path chosen in the save dialog, where the platform asks before replacing, may replace one.
 *
 * <h2>Events</h2>
 * {@link #onUpdated(Consumer)} reports progress (state {@code PROGRESSING}, at most about ten times a
 * second, and when paused or resumed); {@link #onDone(Consumer)} reports the end: {@code COMPLETED},
 * {@code CANCELLED} or {@code INTERRUPTED}. An interrupted item may still be {@link #resume() resumed},
 * and then reports again.
 *
 * <p>Threading: getters and controls may be called from any thread; listeners are called on the FX
 * Application Thread, in the order the events happened, after the {@code 'will-download'} listeners.
 *
 * @since 0.2
 */
public interface DownloadItem {

    /**
     * {@return the URL the file is downloaded from, the last of {@link #getURLChain()} (Electron's {@code getURL()})}
     */
    String getURL();

    /** {@return every URL of the download, redirects included, in order (Electron's {@code getURLChain()})} */
    List<String> getURLChain();

    /** {@return the MIME type the server declared, without parameters; empty when it declared none} */
    String getMimeType();

    /**
     * Whether the download was started by a user gesture. WebView does not tell which navigations a user
     * started, so this is always {@code false} (Electron's {@code hasUserGesture()}).
     *
     * @return always {@code false}
     */
    boolean hasUserGesture();

    /**
     * The suggested file name: from {@code Content-Disposition} ({@code filename*} in UTF-8 first, then
     * {@code filename}, RFC 6266), else the last segment of the URL path, else {@code download} with an
     * extension for the MIME type; sanitised for every platform's file system (Electron's
     * {@code getFilename()}).
     *
     * @return the sanitised file name
     */
    String getFilename();

    /**
     * {@return the {@code Content-Disposition} header, or an empty string (Electron's {@code getContentDisposition()})}
     */
    String getContentDisposition();

    /**
     * {@return the total size in bytes, {@code 0} when the server did not tell (Electron's {@code getTotalBytes()})}
     */
    long getTotalBytes();

    /** {@return the bytes received so far (Electron's {@code getReceivedBytes()})} */
    long getReceivedBytes();

    /**
     * {@return received bytes in percent of the total, {@code 0} to {@code 100}; {@code 0} when the total is unknown}
     */
    int getPercentComplete();

    /** {@return the transfer speed over about the last second, bytes per second; {@code 0} while not transferring} */
    long getCurrentBytesPerSecond();

    /** {@return when the download started (Electron's {@code getStartTime()}, in seconds there)} */
    Instant getStartTime();

    /** {@return when the download ended (completed, cancelled or interrupted), or {@code null} while it runs} */
    Instant getEndTime();

    /**
     * {@return the server's {@code Last-Modified} header, or an empty string (Electron's {@code getLastModifiedTime()})}
     */
    String getLastModifiedTime();

    /** {@return the server's {@code ETag} header, or an empty string (Electron's {@code getETag()})} */
    String getETag();

    /** {@return the current state (Electron's {@code getState()})} */
    DownloadState getState();

    /**
     * Why the download was interrupted, such as {@code "HTTP 404 Not Found"}, or {@code null} when it was not.
     * An fxsession addition: Electron only reports the state.
     *
     * @return the reason, or {@code null}
     */
    String getInterruptReason();

    /** {@return whether the download is paused (Electron's {@code isPaused()})} */
    boolean isPaused();

    /** Stops receiving; the bytes received stay in the part file. No effect unless progressing. */
    void pause();

    /**
     * Continues a paused or interrupted download with {@code Range} and {@code If-Range} requests; when the
     * server answers with the whole file instead, the download restarts from zero.
     *
     * @throws IllegalStateException if the item is completed or cancelled
     */
    void resume();

    /**
     * Whether {@link #resume()} can continue this item now: it is paused or interrupted (Electron's
     * {@code canResume()}). Whether the received bytes are kept depends on the server honouring
     * {@code Range}.
     *
     * @return whether {@code resume()} continues the download now
     */
    boolean canResume();

    /** Cancels the download and deletes its part file; no effect once completed or cancelled. */
    void cancel();

    /**
     * Chooses where the file is saved; call it from a {@code 'will-download'} listener (Electron's
     * {@code setSavePath(path)}). An existing file is not replaced: the name gets a counter.
     *
     * @param path the absolute path of the file to write
     * @throws IllegalArgumentException if {@code path} is relative or has no file name
     * @throws IllegalStateException once the destination was decided (after the listeners ran)
     */
    void setSavePath(Path path);

    /** {@return the destination, or {@code null} while not decided (Electron's {@code getSavePath()})} */
    Path getSavePath();

    /**
     * Sets what the save dialog shows if one is needed (Electron's {@code setSaveDialogOptions}).
     *
     * @param options the dialog's title, button label, filters and default path
     */
    void setSaveDialogOptions(SaveDialogOptions options);

    /**
     * {@return what the save dialog shows, or {@code null} for its defaults (Electron's {@code getSaveDialogOptions()})}
     */
    SaveDialogOptions getSaveDialogOptions();

    /**
     * Listens to Electron's {@code 'updated'} event: progress, pause and resume; the state is
     * {@code PROGRESSING}. Called on the FX Application Thread.
     *
     * @param listener gets the state ({@code PROGRESSING})
     * @return closing it removes the listener
     */
    Subscription onUpdated(Consumer<DownloadState> listener);

    /**
     * Listens to Electron's {@code 'done'} event: the state is {@code COMPLETED}, {@code CANCELLED} or
     * {@code INTERRUPTED}. Called on the FX Application Thread.
     *
     * @param listener gets the final state
     * @return closing it removes the listener
     */
    Subscription onDone(Consumer<DownloadState> listener);
}
