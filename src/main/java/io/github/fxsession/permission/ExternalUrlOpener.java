package io.github.fxsession.permission;

/**
 * Opens URLs of external schemes ({@code mailto:}, {@code tel:}, ...) that a page's links lead to, once
 * the {@link Permission#OPEN_EXTERNAL} permission is granted. A library cannot reach the application's
 * {@code HostServices}, so the application supplies this, typically
 * {@code url -> getHostServices().showDocument(url)}.
 *
 * <pre>{@code
 * session.setExternalUrlOpener(url -> application.getHostServices().showDocument(url));
 * }</pre>
 *
 * <p>Without one, links to external schemes do nothing (no permission is asked) and a warning is logged.
 *
 * <p>Electron: none (Chromium opens external schemes with {@code shell.openExternal} once
 * {@code 'openExternal'} is granted); an fxsession addition.
 *
 * <p>Threading: called on the FX Application Thread; must not block.
 *
 * @since 0.2
 */
@FunctionalInterface
public interface ExternalUrlOpener {

    /**
     * Opens {@code url} outside the application.
     *
     * @param url the link's URL, such as {@code mailto:someone@example.com}
     */
    void open(String url);
}
