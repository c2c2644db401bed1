package io.github.fxsession.testing;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real SOCKS proxy on 127.0.0.1 for tests: SOCKS5 CONNECT (RFC 1928) with optional
 * username/password (RFC 1929), and SOCKS4 CONNECT. Logs {@code "SOCKS5 host:port"} (or
 * {@code SOCKS4}) for every tunnel it opened, and the user names it accepted or refused.
 */
public final class SocksProxy extends LoopbackProxy {

    private final List<String> log = new CopyOnWriteArrayList<>();
    private final List<String> logins = new CopyOnWriteArrayList<>();
    private volatile String user;
    private volatile String password;

    private SocksProxy() throws IOException {
        super(new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1")), "test-socks-proxy");
    }

    public static SocksProxy start() throws IOException {
        return new SocksProxy();
    }

    /** From now on SOCKS5 clients must authenticate as {@code user}/{@code password}. */
    public SocksProxy requireLogin(String user, String password) {
        this.user = user;
        this.password = password;
        return this;
    }

    /** {@code "SOCKS5 host:port"} for every tunnel opened. */
    public List<String> log() {
        return List.copyOf(log);
    }

    /** {@code "ok alice"} or {@code "refused bob"} for every username/password negotiation. */
    public List<String> logins() {
        return List.copyOf(logins);
    }

    @Override
    void serve(Socket client) throws IOException {
        DataInputStream in = new DataInputStream(client.getInputStream());
        OutputStream out = client.getOutputStream();
        int version = in.readUnsignedByte();
        if (version == 4) {
            socks4(client, in, out);
        } else if (version == 5) {
            socks5(client, in, out);
        }
    }

    private void socks5(Socket client, DataInputStream in, OutputStream out) throws IOException {
        byte[] methods = in.readNBytes(in.readUnsignedByte());
        boolean login = user != null;
        int chosen = login ? 2 : 0;
        boolean offered = false;
        for (byte method : methods) {
            offered |= method == chosen;
        }
        if (!offered) {
            out.write(new byte[] {5, (byte) 0xff});
            return;
        }
        out.write(new byte[] {5, (byte) chosen});
        out.flush();
        if (login) {
            in.readUnsignedByte();
            String name = new String(in.readNBytes(in.readUnsignedByte()), StandardCharsets.UTF_8);
            String secret = new String(in.readNBytes(in.readUnsignedByte()), StandardCharsets.UTF_8);
            boolean ok = user.equals(name) && password.equals(secret);
            logins.add((ok ? "ok " : "refused ") + name);
            out.write(new byte[] {1, (byte) (ok ? 0 : 1)});
            out.flush();
            if (!ok) {
                return;
            }
        }
        in.readUnsignedByte();
        int command = in.readUnsignedByte();
        in.readUnsignedByte();
        int type = in.readUnsignedByte();
        String host = switch (type) {
            case 1 -> InetAddress.getByAddress(in.readNBytes(4)).getHostAddress();
            case 4 -> InetAddress.getByAddress(in.readNBytes(16)).getHostAddress();
            default -> new String(in.readNBytes(in.readUnsignedByte()), StandardCharsets.US_ASCII);
        };
        int port = in.readUnsignedShort();
        if (command != 1) {
            out.write(new byte[] {5, 7, 0, 1, 0, 0, 0, 0, 0, 0});
            return;
        }
        Socket target;
        try {
            target = new Socket(host, port);
        } catch (IOException e) {
            out.write(new byte[] {5, 5, 0, 1, 0, 0, 0, 0, 0, 0});
            return;
        }
        log.add("SOCKS5 " + host + ":" + port);
        out.write(new byte[] {5, 0, 0, 1, 127, 0, 0, 1, 0, 0});
        out.flush();
        relay(client.getInputStream(), client.getOutputStream(), target);
    }

    private void socks4(Socket client, DataInputStream in, OutputStream out) throws IOException {
        in.readUnsignedByte();
        int port = in.readUnsignedShort();
        String host = InetAddress.getByAddress(in.readNBytes(4)).getHostAddress();
        while (in.readUnsignedByte() != 0) {
            // user id
        }
        Socket target = new Socket(host, port);
        log.add("SOCKS4 " + host + ":" + port);
        out.write(new byte[] {0, 0x5a, 0, 0, 0, 0, 0, 0});
        out.flush();
        relay(client.getInputStream(), client.getOutputStream(), target);
    }
}

