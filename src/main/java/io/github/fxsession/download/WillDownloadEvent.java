package io.github.fxsession.download;

/**
 * The event object of a session's {@code 'will-download'} notification: calling
 * {@link #preventDefault()} cancels the download.
 *
 * <pre>{@code
 * session.onWillDownload((event, item, webContents) -> {
 *     if (item.getMimeType().equals("application/x-msdownload")) event.preventDefault();
 * });
 * }</pre>
 *
 * <p>Electron: the {@code event} argument of {@code ses.on('will-download', (event, item, webContents) => ...)}.
 *
 * <p>Threading: created and used on the FX Application Thread, where {@code 'will-download'} listeners run.
 *
 * @since 0.2
 */
public final class WillDownloadEvent {

    private boolean defaultPrevented;

    /** A fresh event whose default (the download) is not prevented. */
    public WillDownloadEvent() {
    }

    /** Cancels the download: once every listener ran, the item ends {@link DownloadState#CANCELLED}. */
    public void preventDefault() {
        defaultPrevented = true;
    }

    /**
     * Whether a listener called {@link #preventDefault()}.
     *
     * @return whether the download is cancelled
     */
    public boolean isDefaultPrevented() {
        return defaultPrevented;
    }
}
