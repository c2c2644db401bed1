package io.github.fxsession.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;

/**
 * A real HTTP proxy on 127.0.0.1 for tests: absolute-URI requests ({@code GET http://host/path}) are
 * forwarded, {@code CONNECT host:port} opens a tunnel, and with {@link #requireBasic} every request
 * without the right {@code Proxy-Authorization} gets a 407. Optionally speaks TLS itself (an
 * {@code https://} proxy). Every request line it received is logged, with the credentials it saw.
 */
public final class HttpProxy extends LoopbackProxy {

    /** One request the proxy received. */
    public record Entry(String method, String target, String authorization) {
        @Override
        public String toString() {
            return method + " " + target;
        }
    }

    private final List<Entry> log = new CopyOnWriteArrayList<>();
    private volatile String expectedAuthorization;
    private volatile String realm = "test proxy";

    private HttpProxy(ServerSocket server) {
        super(server, "test-http-proxy");
    }

    /** A plain HTTP proxy. */
    public static HttpProxy start() throws IOException {
        return new HttpProxy(new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1")));
    }

    /** An HTTP proxy reached over TLS with {@code tls}'s key. */
    public static HttpProxy startTls(SSLContext tls) throws IOException {
        return new HttpProxy(tls.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getByName("127.0.0.1")));
    }

    /** From now on, requests need {@code Proxy-Authorization: Basic} for {@code user}/{@code password}. */
    public HttpProxy requireBasic(String user, String password) {
        expectedAuthorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** Every request received so far (407 answers included). */
    public List<Entry> log() {
        return List.copyOf(log);
    }

    /** The request lines of {@link #log()} whose authorization passed (or was not needed). */
    public List<String> served() {
        String expected = expectedAuthorization;
        List<String> lines = new ArrayList<>();
        for (Entry entry : log) {
            if (expected == null || expected.equals(entry.authorization())) {
                lines.add(entry.toString());
            }
        }
        return lines;
    }

    @Override
    void serve(Socket client) throws IOException {
        InputStream in = client.getInputStream();
        OutputStream out = client.getOutputStream();
        while (true) {
            List<String> head = readHead(in);
            if (head.isEmpty()) {
                return;
            }
            String[] requestLine = head.get(0).split(" ");
            String authorization = header(head, "Proxy-Authorization");
            log.add(new Entry(requestLine[0], requestLine[1], authorization));
            String expected = expectedAuthorization;
            if (expected != null && !expected.equals(authorization)) {
                int length = contentLength(head);
                in.readNBytes(length);
                out.write(("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"" + realm
                        + "\"\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                continue;
            }
            if (requestLine[0].equals("CONNECT")) {
                tunnel(requestLine[1], in, out);
                return;
            }
            forward(requestLine, head, in, out);
            return;
        }
    }

    private static void tunnel(String authority, InputStream in, OutputStream out) throws IOException {
        int colon = authority.lastIndexOf(':');
        Socket target = new Socket(authority.substring(0, colon), Integer.parseInt(authority.substring(colon + 1)));
        out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        relay(in, out, target);
    }

    /** Sends the request to its origin in origin form with {@code Connection: close}, and the answer back. */
    private static void forward(String[] requestLine, List<String> head, InputStream in, OutputStream out) throws IOException {
        java.net.URI uri = java.net.URI.create(requestLine[1]);
        int port = uri.getPort() < 0 ? 80 : uri.getPort();
        try (Socket target = new Socket(uri.getHost(), port)) {
            StringBuilder request = new StringBuilder(requestLine[0]).append(' ')
                    .append(uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                    .append(uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()).append(" HTTP/1.1\r\n");
            for (String line : head.subList(1, head.size())) {
                String name = line.substring(0, line.indexOf(':')).toLowerCase(Locale.ROOT);
                if (!name.startsWith("proxy-") && !name.equals("connection")) {
                    request.append(line).append("\r\n");
                }
            }
            request.append("Connection: close\r\n\r\n");
            OutputStream targetOut = target.getOutputStream();
            targetOut.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            targetOut.write(in.readNBytes(contentLength(head)));
            targetOut.flush();
            // the answer, framed by its Content-Length, and this connection closes after it
            InputStream targetIn = target.getInputStream();
            List<String> response = readHead(targetIn);
            StringBuilder answer = new StringBuilder();
            for (String line : response) {
                if (!line.regionMatches(true, 0, "Connection:", 0, 11)) {
                    answer.append(line).append("\r\n");
                }
            }
            answer.append("Connection: close\r\n\r\n");
            out.write(answer.toString().getBytes(StandardCharsets.ISO_8859_1));
            String length = header(response, "Content-Length");
            if (length != null) {
                out.write(targetIn.readNBytes(Integer.parseInt(length.strip())));
            } else {
                targetIn.transferTo(out);
            }
            out.flush();
        }
    }

    private static int contentLength(List<String> head) {
        String value = header(head, "Content-Length");
        return value == null ? 0 : Integer.parseInt(value.strip());
    }

    private static String header(List<String> head, String name) {
        for (String line : head.subList(1, head.size())) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                return line.substring(colon + 1).strip();
            }
        }
        return null;
    }

    /** The request line and header lines, or an empty list at the end of the stream. */
    static List<String> readHead(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                if (text.endsWith("\r")) {
                    text = text.substring(0, text.length() - 1);
                }
                if (text.isEmpty()) {
                    return lines;
                }
                lines.add(text);
                line.reset();
            } else {
                line.write(b);
            }
        }
        return List.of();
    }

}
