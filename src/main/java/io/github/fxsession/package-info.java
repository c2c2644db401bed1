/**
 * Electron-style sessions for JavaFX WebView: {@link io.github.fxsession.Session} (partitions),
 * {@link io.github.fxsession.WebContents} (an attached engine) and
 * {@link io.github.fxsession.SessionWebView} (the control).
 *
 * <p>Implementation lives in {@code io.github.fxsession.internal}, which the module does not export.
 */
package io.github.fxsession;
