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
        if (proxy instanceof SocksRoute socks) {
            return socks.server;
        }
        if (proxy instanceof TlsRoute tls) {
            return tls.server;
        }
        if (proxy.type() == Proxy.Type.HTTP && proxy.address() instanceof InetSocketAddress address) {
            return new ProxyServer(ProxyServer.Kind.HTTP, address.getHostString(), address.getPort());
        }
        return ProxyServer.DIRECT;
    }

    /** A SOCKS proxy that OkHttp must treat as a direct route (see the class comment). */
    static final class SocksRoute extends Proxy {
        final ProxyServer server;

        SocksRoute(ProxyServer server) {
            super(Proxy.Type.SOCKS, InetSocketAddress.createUnresolved(server.host(), server.port()));
            this.server = server;
        }

        @Override
        public Type type() {
            return Type.DIRECT;
        }

        @Override
        public String toString() {
            return server.pacString();
        }
    }

    /** An {@code https://} proxy: an HTTP proxy reached over TLS. */
    static final class TlsRoute extends Proxy {
        final ProxyServer server;

        TlsRoute(ProxyServer server) {
            super(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(server.host(), server.port()));
            this.server = server;
        }

        @Override
        public String toString() {
            return server.pacString();
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

        RouteSocketFactory(ThreadLocal<Proxy> connecting, ProxyCredentialSource credentials) {
            this.connecting = connecting;
            this.credentials = credentials;
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
            return new Socket();
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            Socket socket = createSocket();
            socket.connect(new InetSocketAddress(host, port));
            return socket;
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            Socket socket = createSocket();
            socket.bind(new InetSocketAddress(localHost, localPort));
            socket.connect(new InetSocketAddress(host, port));
            return socket;
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            Socket socket = createSocket();
            socket.connect(new InetSocketAddress(host, port));
            return socket;
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
            Socket socket = createSocket();
            socket.bind(new InetSocketAddress(localAddress, localPort));
            socket.connect(new InetSocketAddress(address, port));
            return socket;
        }
    }
}
