/**
 * Unpacked Chrome extensions in a partition: Electron's {@code ses.loadExtension},
 * {@code removeExtension}, {@code getExtension}, {@code getAllExtensions} and the
 * {@code 'extension-loaded'}, {@code 'extension-unloaded'}, {@code 'extension-ready'} events, reached
 * through {@link io.github.fxsession.Session}.
 *
 * <p>WebView's engine has no extension system; fxsession runs an extension's content scripts itself,
 * through the page bridge, with {@code chrome.runtime} ({@code id}, {@code getManifest},
 * {@code getURL}, {@code sendMessage}, {@code onMessage}) and {@code chrome.storage.local}, and their
 * background scripts in a hidden page of the partition. See
 * {@link io.github.fxsession.Session#loadExtension(java.nio.file.Path, ExtensionOptions)} for what is
 * supported and what is not.
 *
 * @since 0.2
 */
package io.github.fxsession.extension;
