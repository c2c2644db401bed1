package io.github.fxsession.internal.proxy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.util.List;
import javax.net.SocketFactory;
import okhttp3.Call;
import okhttp3.EventListener;

/**
 * How proxy list entries become OkHttp routes, and the sockets for them.
 *
 * <p>OkHttp opens SOCKS routes with {@code new Socket(proxy)}, whose SOCKS code takes credentials
 * from the JVM-global {@link java.net.Authenticator} and its version from a JVM-global property: not
 * per partition. SOCKS entries therefore become {@link SocksRoute}s, which OkHttp sees as direct
 * routes (so it connects with the session's socket factory); the session's {@link EventListener}
 * hears {@code connectStart(route)} on the connecting thread just before OkHttp asks the factory for a
 * socket, and the factory then returns a {@link SocksSocket} that connects to the proxy and does the
 * SOCKS handshake with the session's credentials. {@code https://} proxies likewise get a
 * {@link TlsProxySocket} that speaks TLS to the proxy before OkHttp speaks HTTP (or CONNECT) inside.
 */
final class Routes {

    private Routes() {
    }

    /** The OkHttp route for one entry. */
    static Proxy toProxy(ProxyServer server) {
        return switch (server.kind()) {
            case DIRECT -> Proxy.NO_PROXY;
            case HTTP -> new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(server.host(), server.port()));
            case HTTPS -> new TlsRoute(server);
            case SOCKS4, SOCKS5 -> new SocksRoute(server);
        };
    }

    static List<Proxy> toProxies(List<ProxyServer> servers) {
        return servers.stream().map(Routes::toProxy).toList();
    }

    /** The entry behind an OkHttp route (for credentials prompts). */
    static ProxyServer serverOf(Proxy proxy) {
        if (proxy instanceof ServerRoute route) {
            return route.server;
        }
        if (proxy.type() == Proxy.Type.HTTP && proxy.address() instanceof InetSocketAddress address) {
            return new ProxyServer(ProxyServer.Kind.HTTP, address.getHostString(), address.getPort());
        }
        return ProxyServer.DIRECT;
    }

    /** A route to one proxy server of the list (what the socket factory needs to know about it). */
    static class ServerRoute extends Proxy {
        final ProxyServer server;

        ServerRoute(Proxy.Type type, ProxyServer server) {
            super(type, InetSocketAddress.createUnresolved(server.host(), server.port()));
            this.server = server;
        }

        @Override
        public String toString() {
            return server.pacString();
        }
    }

    /** A SOCKS proxy that OkHttp must treat as a direct route (see the class comment). */
    static final class SocksRoute extends ServerRoute {
        SocksRoute(ProxyServer server) {
            super(Proxy.Type.SOCKS, server);
        }

        @Override
        public Type type() {
            return Type.DIRECT;
        }
    }

    /** An {@code https://} proxy: an HTTP proxy reached over TLS. */
    static final class TlsRoute extends ServerRoute {
        TlsRoute(ProxyServer server) {
            super(Proxy.Type.HTTP, server);
        }
    }

    /** Remembers, per connecting thread, the route OkHttp is about to open a socket for. */
    static final class RouteListener extends EventListener {
        private final ThreadLocal<Proxy> connecting;

        RouteListener(ThreadLocal<Proxy> connecting) {
            this.connecting = connecting;
        }

        @Override
        public void connectStart(Call call, InetSocketAddress inetSocketAddress, Proxy proxy) {
            connecting.set(proxy);
        }
    }

    /** The session's socket factory: plain sockets, SOCKS sockets or TLS-to-proxy sockets, by route. */
    static final class RouteSocketFactory extends SocketFactory {
        private final ThreadLocal<Proxy> connecting;
        private final ProxyCredentialSource credentials;
        private final SocketFactory direct;

        /** @param direct makes the sockets of direct routes (the partition's preconnect pool) */
        RouteSocketFactory(ThreadLocal<Proxy> connecting, ProxyCredentialSource credentials, SocketFactory direct) {
            this.connecting = connecting;
            this.credentials = credentials;
            this.direct = direct;
        }

        @Override
        public Socket createSocket() {
            Proxy proxy = connecting.get();
            connecting.remove();
            if (proxy instanceof SocksRoute socks) {
                return new SocksSocket(socks.server, credentials);
            }
            if (proxy instanceof TlsRoute tls) {
                return new TlsProxySocket(tls.server);
            }
            try {
                return direct.createSocket();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return connected(null, new InetSocketAddress(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return connected(new InetSocketAddress(localHost, localPort), new InetSocketAddress(host, port));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return connected(null, new InetSocketAddress(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
            return connected(new InetSocketAddress(localAddress, localPort), new InetSocketAddress(address, port));
        }

        private Socket connected(InetSocketAddress local, InetSocketAddress remote) throws IOException {
            Socket socket = createSocket();
            if (local != null) {
                socket.bind(local);
            }
            socket.connect(remote);
            return socket;
        }
    }
}
