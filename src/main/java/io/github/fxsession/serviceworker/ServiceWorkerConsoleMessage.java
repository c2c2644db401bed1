package io.github.fxsession.serviceworker;

/**
 * A console message of a service worker (Electron's {@code 'console-message'} event details). Never
 * produced: WebView's engine has no service workers.
 *
 * <p>Threading: immutable, any thread.
 *
 * @param versionId the worker's version id
 * @param source the message's source ({@code "javascript"}, ...)
 * @param level the level: 0 verbose, 1 info, 2 warning, 3 error
 * @param message the text
 * @param lineNumber the line of {@code sourceUrl}
 * @param sourceUrl the script that logged it
 * @since 0.2
 */
public record ServiceWorkerConsoleMessage(long versionId, String source, int level, String message, int lineNumber,
        String sourceUrl) {
}
