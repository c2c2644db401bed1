package io.github.fxsession.internal.util;

import java.util.Collection;
import java.util.Objects;
import javafx.util.Subscription;

/** The one way a component adds an event listener and hands back its {@link Subscription}. Any thread. */
public final class Listeners {

    private Listeners() {
    }

    /**
     * Adds {@code listener} to {@code listeners} (a thread-safe collection, e.g. a
     * {@code CopyOnWriteArrayList}).
     *
     * @return removes the listener when unsubscribed
     * @throws NullPointerException {@code "listener == null"}
     */
    public static <T> Subscription add(Collection<T> listeners, T listener) {
        Objects.requireNonNull(listener, "listener == null");
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
