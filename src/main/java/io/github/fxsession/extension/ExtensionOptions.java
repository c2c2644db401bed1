package io.github.fxsession.extension;

/**
 * Options of {@code Session.loadExtension} (Electron's {@code options} of {@code ses.loadExtension}).
 *
 * <pre>{@code
 * session.loadExtension(folder, new ExtensionOptions(true));
 * }</pre>
 *
 * <p>Threading: immutable, any thread.
 *
 * @param allowFileAccess whether the extension's content scripts also run in {@code file://} pages
 *     (default false)
 * @since 0.2
 */
public record ExtensionOptions(boolean allowFileAccess) {

    /** The default options: no file access. */
    public static final ExtensionOptions DEFAULT = new ExtensionOptions(false);
}
