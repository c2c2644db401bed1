package io.github.fxsession.internal.connect;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.net.SocketFactory;

/**
 * Sockets opened ahead of any request ({@code ses.preconnect}), waiting for the partition's client to
 * need a connection to their address. It is the client's {@link SocketFactory}: every socket the client
 * creates is an {@link AdoptingSocket}, which takes a waiting socket over instead of connecting again.
 * OkHttp's pool has no public way to add a connection it did not make; handing it the TCP socket is the
 * one seam it offers. TLS is negotiated when the connection is first used.
 *
 * <p>A socket nobody takes is closed after {@value #UNUSED_TIMEOUT_SECONDS} s, as Chromium closes
 * unused preconnected sockets.
 *
 * <p>Threading: any thread.
 */
final class PreconnectPool extends SocketFactory {

    static final int UNUSED_TIMEOUT_SECONDS = 10;
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fxsession-preconnect");
        t.setDaemon(true);
        return t;
    });

    private final Map<InetSocketAddress, Deque<Socket>> waiting = new HashMap<>();

    /** The number of sockets waiting for {@code address}. */
    synchronized int waiting(InetSocketAddress address) {
        Deque<Socket> queue = waiting.get(address);
        return queue == null ? 0 : queue.size();
    }

    /** Opens one socket to {@code address} and keeps it for the client. */
    void open(InetSocketAddress address, int connectTimeoutMillis) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(address, connectTimeoutMillis);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        synchronized (this) {
            waiting.computeIfAbsent(address, a -> new ArrayDeque<>()).add(socket);
        }
        TIMER.schedule(() -> expire(address, socket), UNUSED_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    /** A waiting socket to {@code address}, or {@code null}. */
    synchronized Socket take(InetSocketAddress address) {
        Deque<Socket> queue = waiting.get(address);
        while (queue != null && !queue.isEmpty()) {
            Socket socket = queue.poll();
            if (!socket.isClosed()) {
                return socket;
            }
        }
        return null;
    }

    private void expire(InetSocketAddress address, Socket socket) {
        boolean removed;
        synchronized (this) {
            Deque<Socket> queue = waiting.get(address);
            removed = queue != null && queue.remove(socket);
        }
        if (removed) {
            closeQuietly(socket);
        }
    }

    /** Closes every waiting socket. */
    void closeAll() {
        java.util.List<Socket> all = new java.util.ArrayList<>();
        synchronized (this) {
            waiting.values().forEach(all::addAll);
            waiting.clear();
        }
        all.forEach(PreconnectPool::closeQuietly);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing an idle socket nobody uses
        }
    }

    @Override
    public Socket createSocket() {
        return new AdoptingSocket(this);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        Socket socket = createSocket();
        socket.connect(new InetSocketAddress(host, port));
        return socket;
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return SocketFactory.getDefault().createSocket(host, port, localHost, localPort);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        Socket socket = createSocket();
        socket.connect(new InetSocketAddress(host, port));
        return socket;
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return SocketFactory.getDefault().createSocket(address, port, localAddress, localPort);
    }
}
