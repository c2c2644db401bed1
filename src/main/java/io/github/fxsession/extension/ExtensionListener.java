package io.github.fxsession.extension;

/**
 * Listens to an extension event of a session ({@code 'extension-loaded'}, {@code 'extension-unloaded'},
 * {@code 'extension-ready'}).
 *
 * <pre>{@code
 * session.onExtensionLoaded(ext -> System.out.println("loaded " + ext.name()));
 * }</pre>
 *
 * <p>Threading: called on the thread that loads or removes the extension ({@code 'extension-ready'} of an
 * extension with a background: on the FX Application Thread); must be fast.
 *
 * @since 0.2
 */
@FunctionalInterface
public interface ExtensionListener {

    /**
     * The event happened to {@code extension}.
     *
     * @param extension the extension loaded, ready or unloaded
     */
    void handle(Extension extension);
}
