package io.github.fxsession.internal.proxy;

import io.github.fxsession.proxy.ProxyCredentials;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;

/**
 * A socket to a target through a SOCKS4 or SOCKS5 proxy (RFC 1928, username/password per RFC 1929),
 * with the session's credentials. {@link #connect} connects to the proxy and completes the handshake;
 * afterwards the socket is a plain stream to the target. SOCKS5 sends the target's host name, so the
 * proxy resolves it; SOCKS4 sends the IPv4 address resolved here, as Chromium does.
 */
final class SocksSocket extends java.net.Socket {

    private static final int SUCCEEDED = 0;

    private final ProxyServer proxy;
    private final ProxyCredentialSource credentials;

    SocksSocket(ProxyServer proxy, ProxyCredentialSource credentials) {
        this.proxy = proxy;
        this.credentials = credentials;
    }

    @Override
    public void connect(SocketAddress endpoint, int timeout) throws IOException {
        if (!(endpoint instanceof InetSocketAddress target)) {
            throw new IllegalArgumentException("unsupported address type: " + endpoint);
        }
        super.connect(TlsProxySocket.resolve(proxy), timeout);
        int readTimeout = getSoTimeout();
        if (timeout > 0) {
            setSoTimeout(timeout);
        }
        try {
            if (proxy.kind() == ProxyServer.Kind.SOCKS5) {
                socks5(target);
            } else {
                socks4(target);
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
        setSoTimeout(readTimeout);
    }

    private void socks5(InetSocketAddress target) throws IOException {
        OutputStream out = super.getOutputStream();
        DataInputStream in = new DataInputStream(super.getInputStream());
        out.write(new byte[] {5, 2, 0, 2}); // no authentication, or username/password
        out.flush();
        int version = in.readUnsignedByte();
        int method = in.readUnsignedByte();
        if (version != 5) {
            throw new SocketException(proxy.pacString() + " is not a SOCKS5 proxy");
        }
        if (method == 2) {
            authenticate(in, out);
        } else if (method != 0) {
            throw new SocketException(proxy.pacString() + " accepts none of the offered authentication methods");
        }
        byte[] request = connectRequest(target);
        out.write(request);
        out.flush();
        int replyVersion = in.readUnsignedByte();
        int reply = in.readUnsignedByte();
        in.readUnsignedByte();
        int type = in.readUnsignedByte();
        int length = switch (type) {
            case 1 -> 4;
            case 4 -> 16;
            case 3 -> in.readUnsignedByte();
            default -> throw new SocketException(proxy.pacString() + " sent a malformed reply");
        };
        in.readFully(new byte[length + 2]);
        if (replyVersion != 5 || reply != SUCCEEDED) {
            throw new SocketException(proxy.pacString() + " could not connect to " + hostOf(target) + ":" + target.getPort()
                    + ": " + socks5Error(reply));
        }
    }

    private void authenticate(DataInputStream in, OutputStream out) throws IOException {
        ProxyCredentials offered = credentials.credentials(proxy, "socks5", "", 1, true);
        if (offered == null) {
            throw new SocketException(proxy.pacString() + " requires a user name and password");
        }
        byte[] user = offered.username().getBytes(StandardCharsets.UTF_8);
        byte[] password = offered.password().getBytes(StandardCharsets.UTF_8);
        if (user.length > 255 || password.length > 255) {
            throw new SocketException("SOCKS5 user names and passwords are at most 255 bytes");
        }
        byte[] message = new byte[3 + user.length + password.length];
        message[0] = 1;
        message[1] = (byte) user.length;
        System.arraycopy(user, 0, message, 2, user.length);
        message[2 + user.length] = (byte) password.length;
        System.arraycopy(password, 0, message, 3 + user.length, password.length);
        out.write(message);
        out.flush();
        in.readUnsignedByte();
        int status = in.readUnsignedByte();
        if (status != 0) {
            credentials.refused(proxy, offered);
            throw new SocketException(proxy.pacString() + " refused the user name and password");
        }
    }

    private static byte[] connectRequest(InetSocketAddress target) {
        String host = hostOf(target);
        byte[] literal = IpAddresses.parse(host);
        byte[] address;
        int type;
        if (literal != null) {
            address = literal;
            type = literal.length == 4 ? 1 : 4;
        } else {
            byte[] name = host.getBytes(StandardCharsets.US_ASCII);
            address = new byte[name.length + 1];
            address[0] = (byte) name.length;
            System.arraycopy(name, 0, address, 1, name.length);
            type = 3;
        }
        byte[] request = new byte[4 + address.length + 2];
        request[0] = 5;
        request[1] = 1; // CONNECT
        request[3] = (byte) type;
        System.arraycopy(address, 0, request, 4, address.length);
        request[request.length - 2] = (byte) (target.getPort() >>> 8);
        request[request.length - 1] = (byte) target.getPort();
        return request;
    }

    private void socks4(InetSocketAddress target) throws IOException {
        InetAddress address = target.getAddress();
        if (address == null) {
            address = InetAddress.getByName(target.getHostString());
        }
        if (address instanceof Inet6Address) {
            throw new SocketException(proxy.pacString() + " is a SOCKS4 proxy, which cannot reach the IPv6 address of "
                    + target.getHostString());
        }
        byte[] ip = ((Inet4Address) address).getAddress();
        OutputStream out = super.getOutputStream();
        out.write(new byte[] {4, 1, (byte) (target.getPort() >>> 8), (byte) target.getPort(), ip[0], ip[1], ip[2], ip[3], 0});
        out.flush();
        DataInputStream in = new DataInputStream(super.getInputStream());
        byte[] reply = new byte[8];
        in.readFully(reply);
        if ((reply[1] & 0xff) != 0x5a) {
            throw new SocketException(proxy.pacString() + " could not connect to " + target.getHostString() + ":"
                    + target.getPort() + " (SOCKS4 reply " + (reply[1] & 0xff) + ")");
        }
    }

    /** The host name OkHttp resolved (so the proxy resolves it again), else the address. */
    private static String hostOf(InetSocketAddress target) {
        return target.getHostString();
    }

    private static String socks5Error(int reply) {
        return switch (reply) {
            case 1 -> "general SOCKS server failure";
            case 2 -> "connection not allowed by ruleset";
            case 3 -> "network unreachable";
            case 4 -> "host unreachable";
            case 5 -> "connection refused";
            case 6 -> "TTL expired";
            case 7 -> "command not supported";
            case 8 -> "address type not supported";
            default -> "reply " + reply;
        };
    }
}
