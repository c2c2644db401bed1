/**
 * Downloads: the {@code 'will-download'} event, {@link io.github.fxsession.download.DownloadItem},
 * resumable transfers and a ready-made {@link io.github.fxsession.download.DownloadsPanel}.
 *
 * <p>WebView itself cannot download: it cancels a navigation whose response is an attachment or a type it
 * cannot show. fxsession takes such a response over in the session's network chain, before WebKit sees it,
 * and saves that same response stream (no second request); the page stays where it was.
 *
 * <p>Threading: see each type; events are delivered on the FX Application Thread.
 *
 * @since 0.2
 */
package io.github.fxsession.download;
