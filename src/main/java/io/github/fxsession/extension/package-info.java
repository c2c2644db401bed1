/**
 * Unpacked Chrome extensions in a partition: Electron's {@code ses.loadExtension},
 * {@code removeExtension}, {@code getExtension}, {@code getAllExtensions} and the
 * {@code 'extension-loaded'}, {@code 'extension-unloaded'}, {@code 'extension-ready'} events, reached
 * through {@link io.github.fxsession.Session}.
 *
 * <p>WebView's engine has no extension system; fxsession runs an extension's content scripts itself,
 * through the page bridge, with {@code chrome.runtime} ({@code id}, {@code getManifest},
 * {@code getURL}, {@code sendMessage}, {@code onMessage}, {@code lastError}), {@code chrome.i18n},
 * {@code chrome.storage.local} with {@code onChanged}, and for the extension's own pages
 * {@code chrome.tabs} ({@code sendMessage} to every frame or one {@code frameId}, {@code query},
 * {@code get}, {@code update}), and their background scripts in a hidden page of the partition. What
 * WebView cannot do throws {@code "<api> is not supported in WebView: <reason>"}. See
 * {@link io.github.fxsession.Session#loadExtension(java.nio.file.Path, ExtensionOptions)} for what is
 * supported and what is not.
 *
 * @since 0.2
 */
package io.github.fxsession.extension;
