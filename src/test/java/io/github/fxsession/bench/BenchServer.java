package io.github.fxsession.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;

/**
 * The loopback server of {@link LoaderBenchmark}: MockWebServer, HTTP/1.1 with keep-alive, every response
 * {@code Cache-Control: no-store}.
 *
 * <ul>
 *   <li>{@code /page.html?i=ID&css=N&js=N&img=N}: a page with N stylesheets, N scripts and N images, each
 *       URL carrying {@code ?i=ID} so that no two page loads share a URL;
 *   <li>{@code /c/K.css}, {@code /j/K.js} (each run increments {@code window.__js}), {@code /m/K.png}
 *       (a 1x1 PNG);
 *   <li>{@code /count?i=ID}: {@code "<requests> <with-webkit-charset> <new-connections>"}: the number of
 *       requests the server saw for load {@code ID}, how many of them still carried WebKit's own
 *       Accept-Charset (the fxsession chain drops it, so it tells whether a request went through the
 *       chain), and how many arrived on a new connection (keep-alive misses).
 * </ul>
 *
 * <p>The parent JVM hosts it, so the children's CPU time is the client's alone and the server's okio
 * shares no state (okio keeps one JVM-wide timeout lock) with the fxsession chain under test.
 */
final class BenchServer implements AutoCloseable {

    /** A valid 1x1 PNG. */
    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?i)\r\nContent-Length:\\s*(\\d+)");

    private final MockWebServer server = new MockWebServer();
    private final Map<String, AtomicInteger> served = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> withWebKitCharset = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> onNewConnection = new ConcurrentHashMap<>();

    BenchServer() throws IOException {
        // MockWebServer writes a response's headers and body separately; with Nagle's algorithm on, the
        // body waits for the client's delayed ACK (40 ms on Linux), which would hide every loader cost.
        server.setServerSocketFactory(new io.github.fxsession.testing.NoDelayServerSocketFactory());
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return answer(request);
            }
        });
        server.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    /** {@code http://127.0.0.1:PORT} */
    String origin() {
        return "http://127.0.0.1:" + server.getPort();
    }

    private MockResponse answer(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        String id = request.getUrl().queryParameter("i");
        if (path.equals("/count")) {
            return ok("text/plain", new Buffer().writeUtf8(count(served, id) + " " + count(withWebKitCharset, id) + " "
                    + count(onNewConnection, id)));
        }
        if (id != null) {
            served.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            if (request.getHeaders().get("Accept-Charset") != null) {
                withWebKitCharset.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            }
            if (request.getExchangeIndex() == 0) {
                onNewConnection.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            }
        }
        if (path.equals("/page.html")) {
            return ok("text/html; charset=utf-8", new Buffer().writeUtf8(page(id, number(request, "css"),
                    number(request, "js"), number(request, "img"))));
        }
        if (path.startsWith("/c/")) {
            return ok("text/css", new Buffer().writeUtf8(".c" + path.substring(3, path.indexOf('.')) + " { color: #123456 }\n"));
        }
        if (path.startsWith("/j/")) {
            return ok("application/javascript", new Buffer().writeUtf8("window.__js = (window.__js || 0) + 1;\n"));
        }
        if (path.startsWith("/m/")) {
            return ok("image/png", new Buffer().write(PNG));
        }
        return new MockResponse.Builder().code(404).setHeader("Cache-Control", "no-store").body("").build();
    }

    private static int count(Map<String, AtomicInteger> counts, String id) {
        AtomicInteger count = id == null ? null : counts.get(id);
        return count == null ? 0 : count.get();
    }

    private static int number(RecordedRequest request, String name) {
        String value = request.getUrl().queryParameter(name);
        return value == null ? 0 : Integer.parseInt(value);
    }

    private static MockResponse ok(String contentType, Buffer body) {
        return new MockResponse.Builder().setHeader("Content-Type", contentType)
                .setHeader("Cache-Control", "no-store").body(body).build();
    }

    static String page(String id, int css, int js, int img) {
        String query = "?i=" + id;
        StringBuilder html = new StringBuilder(16 * 1024);
        html.append("<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>bench</title>\n");
        for (int i = 0; i < css; i++) {
            html.append("<link rel=\"stylesheet\" href=\"/c/").append(i).append(".css").append(query).append("\">\n");
        }
        for (int i = 0; i < js; i++) {
            html.append("<script src=\"/j/").append(i).append(".js").append(query).append("\"></script>\n");
        }
        html.append("</head><body>\n");
        for (int i = 0; i < img; i++) {
            html.append("<img class=\"c").append(css == 0 ? 0 : i % css).append("\" src=\"/m/").append(i).append(".png")
                    .append(query).append("\" width=\"1\" height=\"1\">\n");
        }
        html.append("</body></html>\n");
        return html.toString();
    }

    /**
     * Asks the server at {@code origin} how many requests it saw for load {@code id}, over a plain socket
     * so that no URL handler and no HTTP client of the variant under test is involved.
     *
     * @return {requests, requests still carrying WebKit's Accept-Charset, requests on a new connection}
     */
    static int[] count(String origin, String id) throws IOException {
        String hostPort = origin.substring(origin.indexOf("//") + 2);
        int colon = hostPort.lastIndexOf(':');
        try (Socket socket = new Socket(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)))) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /count?i=" + id + " HTTP/1.1\r\nHost: " + hostPort + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("the bench server closed the connection: " + head);
                }
                head.append((char) b);
            }
            Matcher length = CONTENT_LENGTH.matcher(head);
            if (!length.find()) {
                throw new IOException("no Content-Length from the bench server: " + head);
            }
            String[] body = new String(in.readNBytes(Integer.parseInt(length.group(1))), StandardCharsets.US_ASCII)
                    .trim().split(" ");
            return new int[] {Integer.parseInt(body[0]), Integer.parseInt(body[1]), Integer.parseInt(body[2])};
        }
    }

    @Override
    public void close() {
        server.close();
    }

    /** Runs the server alone, for profiling a child JVM by hand; prints its origin. */
    public static void main(String[] args) throws Exception {
        BenchServer server = new BenchServer();
        System.out.println(server.origin());
        Thread.currentThread().join();
    }
}
