package io.github.fxsession.cookies;

/**
 * Receives the changes of a partition's cookies (Electron's {@code 'changed'} event).
 *
 * <p>Threading: called on the partition's cookie event thread, one event at a time, in the order of the
 * changes; must be fast, must not throw, must not touch the scene graph.
 *
 * @since 0.2
 */
@FunctionalInterface
public interface CookieChangeListener {

    /**
     * One cookie was added or removed.
     *
     * @param event the cookie, why, and whether it was removed
     */
    void changed(CookieChangedEvent event);
}
