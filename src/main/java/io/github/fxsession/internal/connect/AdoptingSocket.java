package io.github.fxsession.internal.connect;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketOption;
import java.nio.channels.SocketChannel;
import java.util.Set;

/**
 * The socket the partition's client gets from {@link PreconnectPool}: when it is asked to connect to an
 * address a preconnected socket is waiting for, it takes that socket over (already connected) and acts
 * as it from then on; otherwise it connects itself as any socket does.
 *
 * <p>Every method a client can call is forwarded to the adopted socket. Threading: as {@link Socket}.
 */
final class AdoptingSocket extends Socket {

    private final PreconnectPool pool;
    private volatile Socket adopted;

    AdoptingSocket(PreconnectPool pool) {
        this.pool = pool;
    }

    /** Whether this socket took a preconnected one over. */
    boolean adopted() {
        return adopted != null;
    }

    @Override
    public void connect(SocketAddress endpoint) throws IOException {
        connect(endpoint, 0);
    }

    @Override
    public void connect(SocketAddress endpoint, int timeout) throws IOException {
        if (adopted == null && endpoint instanceof InetSocketAddress address && !isBound()) {
            Socket waiting = pool.take(address);
            if (waiting != null) {
                adopted = waiting;
                return;
            }
        }
        super.connect(endpoint, timeout);
    }

    private Socket a() {
        return adopted;
    }

    @Override
    public InputStream getInputStream() throws IOException {
        Socket s = a();
        return s != null ? s.getInputStream() : super.getInputStream();
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
        Socket s = a();
        return s != null ? s.getOutputStream() : super.getOutputStream();
    }

    @Override
    public synchronized void close() throws IOException {
        Socket s = a();
        if (s != null) {
            s.close();
        }
        super.close();
    }

    @Override
    public void shutdownInput() throws IOException {
        Socket s = a();
        if (s != null) {
            s.shutdownInput();
        } else {
            super.shutdownInput();
        }
    }

    @Override
    public void shutdownOutput() throws IOException {
        Socket s = a();
        if (s != null) {
            s.shutdownOutput();
        } else {
            super.shutdownOutput();
        }
    }

    @Override
    public boolean isConnected() {
        Socket s = a();
        return s != null ? s.isConnected() : super.isConnected();
    }

    @Override
    public boolean isBound() {
        Socket s = a();
        return s != null ? s.isBound() : super.isBound();
    }

    @Override
    public boolean isClosed() {
        Socket s = a();
        return s != null ? s.isClosed() : super.isClosed();
    }

    @Override
    public boolean isInputShutdown() {
        Socket s = a();
        return s != null ? s.isInputShutdown() : super.isInputShutdown();
    }

    @Override
    public boolean isOutputShutdown() {
        Socket s = a();
        return s != null ? s.isOutputShutdown() : super.isOutputShutdown();
    }

    @Override
    public InetAddress getInetAddress() {
        Socket s = a();
        return s != null ? s.getInetAddress() : super.getInetAddress();
    }

    @Override
    public InetAddress getLocalAddress() {
        Socket s = a();
        return s != null ? s.getLocalAddress() : super.getLocalAddress();
    }

    @Override
    public int getPort() {
        Socket s = a();
        return s != null ? s.getPort() : super.getPort();
    }

    @Override
    public int getLocalPort() {
        Socket s = a();
        return s != null ? s.getLocalPort() : super.getLocalPort();
    }

    @Override
    public SocketAddress getRemoteSocketAddress() {
        Socket s = a();
        return s != null ? s.getRemoteSocketAddress() : super.getRemoteSocketAddress();
    }

    @Override
    public SocketAddress getLocalSocketAddress() {
        Socket s = a();
        return s != null ? s.getLocalSocketAddress() : super.getLocalSocketAddress();
    }

    @Override
    public SocketChannel getChannel() {
        Socket s = a();
        return s != null ? s.getChannel() : super.getChannel();
    }

    @Override
    public void setTcpNoDelay(boolean on) throws java.net.SocketException {
        Socket s = a();
        if (s != null) {
            s.setTcpNoDelay(on);
        } else {
            super.setTcpNoDelay(on);
        }
    }

    @Override
    public boolean getTcpNoDelay() throws java.net.SocketException {
        Socket s = a();
        return s != null ? s.getTcpNoDelay() : super.getTcpNoDelay();
    }

    @Override
    public void setSoTimeout(int timeout) throws java.net.SocketException {
        Socket s = a();
        if (s != null) {
            s.setSoTimeout(timeout);
        } else {
            super.setSoTimeout(timeout);
        }
    }

    @Override
    public int getSoTimeout() throws java.net.SocketException {
        Socket s = a();
        return s != null ? s.getSoTimeout() : super.getSoTimeout();
    }

    @Override
    public void setSoLinger(boolean on, int linger) throws java.net.SocketException {
        Socket s = a();
        if (s != null) {
            s.setSoLinger(on, linger);
        } else {
            super.setSoLinger(on, linger);
        }
    }

    @Override
    public int getSoLinger() throws java.net.SocketException {
        Socket s = a();
        return s != null ? s.getSoLinger() : super.getSoLinger();
    }

    @Override
    public void setKeepAlive(boolean on) throws java.net.SocketException {
        Socket s = a();
        if (s != null) {
            s.setKeepAlive(on);
        } else {
            super.setKeepAlive(on);
        }
    }

    @Override
    public boolean getKeepAlive() throws java.net.SocketException {
        Socket s = a();
        return s != null ? s.getKeepAlive() : super.getKeepAlive();
    }

    @Override
    public void setSendBufferSize(int size) throws java.net.SocketException {
        Socket s = a();
        if (s != null) {
            s.setSendBufferSize(size);
        } else {
            super.setSendBufferSize(size);
        }
    }

    @Override
    public int getSendBufferSize() throws java.net.SocketException {
        Socket s = a();
        return s != null ? s.getSendBufferSize() : super.getSendBufferSize();
    }

    @Override
    public void setReceiveBufferSize(int size) throws java.net.SocketException {
        Socket s = a();
        if (s != null) {
            s.setReceiveBufferSize(size);
        } else {
            super.setReceiveBufferSize(size);
        }
    }

    @Override
    public int getReceiveBufferSize() throws java.net.SocketException {
        Socket s = a();
        return s != null ? s.getReceiveBufferSize() : super.getReceiveBufferSize();
    }

    @Override
    public void setTrafficClass(int tc) throws java.net.SocketException {
        Socket s = a();
        if (s != null) {
            s.setTrafficClass(tc);
        } else {
            super.setTrafficClass(tc);
        }
    }

    @Override
    public int getTrafficClass() throws java.net.SocketException {
        Socket s = a();
        return s != null ? s.getTrafficClass() : super.getTrafficClass();
    }

    @Override
    public void setOOBInline(boolean on) throws java.net.SocketException {
        Socket s = a();
        if (s != null) {
            s.setOOBInline(on);
        } else {
            super.setOOBInline(on);
        }
    }

    @Override
    public boolean getOOBInline() throws java.net.SocketException {
        Socket s = a();
        return s != null ? s.getOOBInline() : super.getOOBInline();
    }

    @Override
    public void sendUrgentData(int data) throws IOException {
        Socket s = a();
        if (s != null) {
            s.sendUrgentData(data);
        } else {
            super.sendUrgentData(data);
        }
    }

    @Override
    public <T> Socket setOption(SocketOption<T> name, T value) throws IOException {
        Socket s = a();
        if (s != null) {
            s.setOption(name, value);
            return this;
        }
        return super.setOption(name, value);
    }

    @Override
    public <T> T getOption(SocketOption<T> name) throws IOException {
        Socket s = a();
        return s != null ? s.getOption(name) : super.getOption(name);
    }

    @Override
    public Set<SocketOption<?>> supportedOptions() {
        Socket s = a();
        return s != null ? s.supportedOptions() : super.supportedOptions();
    }

    @Override
    public String toString() {
        Socket s = a();
        return s != null ? "Preconnected" + s : super.toString();
    }
}
