package io.github.fxsession.internal.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.security.NoSuchAlgorithmException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * A socket to an {@code https://} proxy: TCP to the proxy, then TLS with it (the JVM's default trust,
 * host name verified); OkHttp then speaks HTTP, or CONNECT and its own TLS to the target, inside.
 */
final class TlsProxySocket extends java.net.Socket {

    private final ProxyServer proxy;
    private volatile SSLSocket tls;

    TlsProxySocket(ProxyServer proxy) {
        this.proxy = proxy;
    }

    @Override
    public void connect(SocketAddress endpoint, int timeout) throws IOException {
        super.connect(endpoint, timeout);
        SSLSocket socket;
        try {
            socket = (SSLSocket) SSLContext.getDefault().getSocketFactory().createSocket(this, proxy.host(), proxy.port(), true);
        } catch (NoSuchAlgorithmException e) {
            throw new IOException("no TLS for " + proxy.pacString(), e);
        }
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        parameters.setApplicationProtocols(new String[] {"http/1.1"});
        socket.setSSLParameters(parameters);
        int readTimeout = getSoTimeout();
        if (timeout > 0) {
            setSoTimeout(timeout);
        }
        try {
            socket.startHandshake();
        } catch (IOException e) {
            close();
            throw new IOException("TLS with " + proxy.pacString() + " failed: " + e.getMessage(), e);
        }
        setSoTimeout(readTimeout);
        tls = socket;
    }

    @Override
    public InputStream getInputStream() throws IOException {
        SSLSocket socket = tls;
        return socket == null ? super.getInputStream() : socket.getInputStream();
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
        SSLSocket socket = tls;
        return socket == null ? super.getOutputStream() : socket.getOutputStream();
    }

    static InetSocketAddress resolve(ProxyServer proxy) throws UnknownHostException {
        InetSocketAddress address = new InetSocketAddress(proxy.host(), proxy.port());
        if (address.isUnresolved()) {
            throw new UnknownHostException("cannot resolve " + proxy.pacString());
        }
        return address;
    }
}
