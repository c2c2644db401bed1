package io.github.fxsession.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** What the test proxies share: a server socket on 127.0.0.1, one daemon thread per connection, closing all. */
abstract class LoopbackProxy implements AutoCloseable {

    private final ServerSocket server;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    LoopbackProxy(ServerSocket server, String name) {
        this.server = server;
        Thread acceptor = new Thread(() -> accept(name), name);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Handles one client connection until it ends (the socket is closed afterwards). */
    abstract void serve(Socket client) throws IOException;

    /** Copies both ways between the client and {@code target} until the target closes. */
    static void relay(InputStream fromClient, OutputStream toClient, Socket target) throws IOException {
        try (target) {
            Thread upstream = new Thread(() -> {
                try {
                    fromClient.transferTo(target.getOutputStream());
                    target.shutdownOutput();
                } catch (IOException e) {
                    // closed
                }
            }, "test-proxy-pipe");
            upstream.setDaemon(true);
            upstream.start();
            target.getInputStream().transferTo(toClient);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    /** {@code 127.0.0.1:port}. */
    public String address() {
        return "127.0.0.1:" + port();
    }

    private void accept(String name) {
        while (!server.isClosed()) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return;
            }
            sockets.add(client);
            Thread handler = new Thread(() -> {
                try (client) {
                    serve(client);
                } catch (IOException e) {
                    // the client or the target went away
                }
            }, name + "-connection");
            handler.setDaemon(true);
            handler.start();
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }
}
