package io.github.fxsession.internal.connect;

import io.github.fxsession.internal.net.OkHttpTransport;
import io.github.fxsession.internal.util.Listeners;
import io.github.fxsession.net.PreconnectEvent;
import io.github.fxsession.net.PreconnectListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import javafx.util.Subscription;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The connections of one partition: preconnecting ({@code ses.preconnect} and the pages' hints, which
 * also emit the {@code 'preconnect'} event) and closing them all ({@code ses.closeAllConnections}).
 *
 * <p>Threading: any thread. Sockets are opened on a background thread; listeners are called on the
 * thread that loads the document with the hint.
 */
public final class Connections {

    private static final System.Logger LOG = System.getLogger(Connections.class.getName());
    private static final Executor OPENER = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fxsession-preconnect-open");
        t.setDaemon(true);
        return t;
    });

    private final Supplier<OkHttpClient> client;
    private final OkHttpTransport transport;
    private final PreconnectPool pool = new PreconnectPool();
    private final List<PreconnectListener> listeners = new CopyOnWriteArrayList<>();

    /**
     * @param client the partition's client as it is at each use
     * @param transport the partition's transport, whose requests in flight {@link #closeAll()} fails
     */
    public Connections(Supplier<OkHttpClient> client, OkHttpTransport transport) {
        this.client = Objects.requireNonNull(client, "client == null");
        this.transport = Objects.requireNonNull(transport, "transport == null");
    }

    /**
     * The socket factory through which the partition's client takes preconnected sockets over (the
     * proxy's socket factory uses it for direct routes).
     */
    public javax.net.SocketFactory socketFactory() {
        return pool;
    }

    /**
     * Opens connections to {@code url}'s origin until {@code numSockets} wait for it (the values are
     * checked by the public options type). The future completes once they are open, or fails with the
     * {@link IOException} of the first that could not be opened.
     */
    public CompletableFuture<Void> preconnect(String url, int numSockets) {
        HttpUrl target = HttpUrl.get(url);
        OkHttpClient now = client.get();
        return CompletableFuture.runAsync(() -> {
            try {
                List<InetAddress> addresses = now.dns().lookup(target.host());
                InetSocketAddress address = new InetSocketAddress(addresses.get(0), target.port());
                for (int i = pool.waiting(address); i < numSockets; i++) {
                    pool.open(address, now.connectTimeoutMillis());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot preconnect to " + target.scheme() + "://" + target.host()
                        + ":" + target.port() + ": " + e.getMessage(), e);
            }
        }, OPENER);
    }

    /**
     * Fails every request in flight, closes every pooled connection and every preconnected socket.
     */
    public void closeAll() {
        OkHttpClient now = client.get();
        transport.cancelAll();
        now.dispatcher().cancelAll();
        now.connectionPool().evictAll();
        pool.closeAll();
    }

    /** Adds a listener of the 'preconnect' event. */
    public Subscription onPreconnect(PreconnectListener listener) {
        return Listeners.add(listeners, listener);
    }

    /** A page hinted a preconnect: tells the listeners and opens one socket, as Chromium does. */
    void hinted(String url, boolean allowCredentials) {
        PreconnectEvent event = new PreconnectEvent(url, allowCredentials);
        for (PreconnectListener listener : listeners) {
            try {
                listener.preconnect(event);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "a 'preconnect' listener failed", e);
            }
        }
        preconnect(url, 1).exceptionally(e -> {
            LOG.log(System.Logger.Level.DEBUG, () -> "preconnect hint not followed: " + e.getMessage());
            return null;
        });
    }
}
