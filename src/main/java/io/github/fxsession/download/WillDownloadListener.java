package io.github.fxsession.download;

import io.github.fxsession.WebContents;

/**
 * Listens to a session's {@code 'will-download'} event: a download starts, from a navigation of an
 * attached engine, from {@code Session.downloadURL} or from {@code Session.createInterruptedDownload}.
 *
 * <pre>{@code
 * Subscription s = session.onWillDownload((event, item, webContents) ->
 *         item.setSavePath(Path.of("/tmp", item.getFilename())));
 * }</pre>
 *
 * <p>Electron: {@code ses.on('will-download', (event, item, webContents) => ...)}.
 *
 * <p>Threading: called on the FX Application Thread; bytes keep arriving into a temporary file while
 * listeners run, so a listener may take its time (or open a dialog) without losing data.
 *
 * @since 0.2
 */
@FunctionalInterface
public interface WillDownloadListener {

    /**
     * Called once for every download of the session, before its destination is decided.
     *
     * @param event call {@link WillDownloadEvent#preventDefault()} to cancel
     * @param item the download; set its save path here to skip the default location
     * @param webContents the attached engine whose navigation started it, or {@code null} for
     *     {@code downloadURL} and {@code createInterruptedDownload}
     */
    void willDownload(WillDownloadEvent event, DownloadItem item, WebContents webContents);
}
