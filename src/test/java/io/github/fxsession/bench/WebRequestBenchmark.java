package io.github.fxsession.bench;

import io.github.fxsession.Session;
import io.github.fxsession.protocol.CustomScheme;
import io.github.fxsession.protocol.Protocol;
import io.github.fxsession.protocol.ProtocolResponse;
import io.github.fxsession.protocol.SchemePrivileges;
import io.github.fxsession.testing.FxToolkit;
import io.github.fxsession.webrequest.BeforeRequestResponse;
import io.github.fxsession.webrequest.BeforeSendHeadersResponse;
import io.github.fxsession.webrequest.HeadersReceivedResponse;
import io.github.fxsession.webrequest.WebRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.concurrent.Worker;
import javafx.scene.web.WebEngine;
import javafx.scene.web.WebView;

/**
 * Issue #6 point 5, in one JVM so both sides of each ratio share its state and warm-up: not a test, run it
 * with {@code ./mvnw -Pbench} (see {@code docs/performance.md}).
 *
 * <ol>
 *   <li><b>Streaming:</b> a page fetches 128 MB ({@code fetch().arrayBuffer()}) from a protocol handler
 *       ({@code ProtocolResponse.ofStream}, privileged scheme) and the same bytes from a plain loopback
 *       server (the JDK's {@code HttpServer}, fixed length, 64 KB writes) through the partition's chain;
 *       alternating, median of the timed rounds. Target: handler / server under 1.3.
 *   <li><b>webRequest overhead:</b> the 200-resource page of {@link BenchServer}, loaded alternately in a
 *       partition with one no-op listener on each of the 8 events and in a partition without listeners.
 *       Target: under 1.10.
 * </ol>
 *
 * <p>System properties: {@code bench.streamMb} (default 128), {@code bench.streamRounds} (timed rounds,
 * default 8, after one warm-up each; which side goes first alternates), {@code bench.pageWarmup} (default 30), {@code bench.pageLoads}
 * (default 40), {@code bench.report} (a Markdown file for the result).
 */
public final class WebRequestBenchmark {

    private static final int CHUNK = 64 * 1024;

    private WebRequestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int megabytes = Integer.getInteger("bench.streamMb", 128);
        int streamRounds = Integer.getInteger("bench.streamRounds", 8);
        int pageWarmup = Integer.getInteger("bench.pageWarmup", 30);
        int pageLoads = Integer.getInteger("bench.pageLoads", 40);
        long size = megabytes * 1024L * 1024L;
        if (Boolean.getBoolean("bench.microOnly")) {
            double[] cost = chainCost();
            System.out.printf(Locale.ROOT, "chain per request: %.2f us without listeners, %.2f us with 8%n",
                    cost[0] / 1000, cost[1] / 1000);
            return;
        }
        Session.setUserDataPath(Files.createTempDirectory("fxsession-webrequest-bench"));
        Protocol.registerSchemesAsPrivileged(List.of(new CustomScheme("benchdata", SchemePrivileges.webOrigin())));
        FxToolkit.start();
        StringBuilder report = new StringBuilder();
        BenchResults results = BenchResults.of("webrequest",
                "Protocol handler streaming and webRequest listeners, alternating in one JVM");
        long begin = System.nanoTime();

        StreamServer server = new StreamServer(size);
        String origin = server.origin();
        Session streaming = Session.fromPartition("bench-stream");
        streaming.protocol().handle("benchdata", request -> CompletableFuture.completedFuture(
                request.url().endsWith(".bin")
                        ? ProtocolResponse.builder().stream(pattern(size)).mimeType("application/octet-stream")
                                .header("Content-Length", Long.toString(size)).header("Cache-Control", "no-store").build()
                        : ProtocolResponse.ofString("<!doctype html><p>bench</p>", "text/html")));
        WebEngine handlerPage = open(streaming, "benchdata://bulk/index.html");
        WebEngine serverPage = open(streaming, origin + "/index.html");
        List<Double> handlerTimes = new ArrayList<>();
        List<Double> serverTimes = new ArrayList<>();
        for (int round = 0; round <= streamRounds; round++) {
            boolean handlerFirst = round % 2 == 0;
            double h = handlerFirst ? fetchMillis(handlerPage, "blob" + round + ".bin", size) : 0;
            double s = fetchMillis(serverPage, "/blob" + round + ".bin", size);
            if (!handlerFirst) {
                h = fetchMillis(handlerPage, "blob" + round + ".bin", size);
            }
            System.out.printf(Locale.ROOT, "stream round %d: handler %.0f ms, server %.0f ms%s%n", round, h, s,
                    round == 0 ? " (warm-up)" : "");
            if (round > 0) {
                handlerTimes.add(h);
                serverTimes.add(s);
            }
        }
        server.close();
        double streamRatio = LoaderBenchmark.median(handlerTimes) / LoaderBenchmark.median(serverTimes);
        report.append(String.format(Locale.ROOT, "| %d MB: protocol handler / loopback server | %.0f ms | %.0f ms | %.2f"
                + " | < 1.30: %s |%n", megabytes, LoaderBenchmark.median(handlerTimes), LoaderBenchmark.median(serverTimes),
                streamRatio, streamRatio < 1.3 ? "met" : "missed"));
        results.add(BenchResults.row(megabytes + " MB fetch(), protocol handler stream / loopback server",
                LoaderBenchmark.median(handlerTimes), "ms", LoaderBenchmark.median(serverTimes), "loopback server")
                .target(1.3));

        try (BenchServer pages = new BenchServer()) {
            Session plain = Session.fromPartition("bench-plain");
            Session listened = Session.fromPartition("bench-listeners");
            addNoOpListeners(listened.webRequest());
            WebEngine plainEngine = open(plain, pages.origin() + "/page.html?i=p-open&css=0&js=0&img=0");
            WebEngine listenedEngine = open(listened, pages.origin() + "/page.html?i=l-open&css=0&js=0&img=0");
            List<Double> plainTimes = new ArrayList<>();
            List<Double> listenedTimes = new ArrayList<>();
            for (int i = 0; i < pageWarmup + pageLoads; i++) {
                // alternate which partition goes first, so that neither always follows the other
                double p;
                double l;
                if (i % 2 == 0) {
                    p = pageMillis(plainEngine, pages.origin(), "p" + i);
                    l = pageMillis(listenedEngine, pages.origin(), "l" + i);
                } else {
                    l = pageMillis(listenedEngine, pages.origin(), "l" + i);
                    p = pageMillis(plainEngine, pages.origin(), "p" + i);
                }
                if (i >= pageWarmup) {
                    plainTimes.add(p);
                    listenedTimes.add(l);
                }
            }
            double pageRatio = LoaderBenchmark.median(listenedTimes) / LoaderBenchmark.median(plainTimes);
            System.out.printf(Locale.ROOT, "page: 8 listeners %.1f ms, none %.1f ms, ratio %.3f%n",
                    LoaderBenchmark.median(listenedTimes), LoaderBenchmark.median(plainTimes), pageRatio);
            report.append(String.format(Locale.ROOT, "| 200-resource page: 8 no-op listeners / none | %.1f ms | %.1f ms"
                    + " | %.3f | < 1.10: %s |%n", LoaderBenchmark.median(listenedTimes), LoaderBenchmark.median(plainTimes),
                    pageRatio, pageRatio < 1.10 ? "met" : "missed"));
            results.add(BenchResults.row("200-resource page, 8 no-op listeners / none", LoaderBenchmark.median(listenedTimes),
                    "ms", LoaderBenchmark.median(plainTimes), "partition without listeners").target(1.10));
        }
        double[] perRequest = chainCost();
        double added = perRequest[1] - perRequest[0];
        System.out.printf(Locale.ROOT, "chain per request: %.2f us without listeners, %.2f us with 8 (+%.2f us)%n",
                perRequest[0] / 1000, perRequest[1] / 1000, added / 1000);
        report.append(String.format(Locale.ROOT, "| webRequest links per request, CPU: 8 no-op listeners / none | %.2f us"
                + " | %.2f us | +%.2f us per request, %.2f ms per 201-request page | |%n", perRequest[1] / 1000,
                perRequest[0] / 1000, added / 1000, added * 201 / 1e6));
        results.add(BenchResults.row("webRequest links per request, CPU, 8 no-op listeners / none", perRequest[1] / 1000,
                "us", perRequest[0] / 1000, "no listeners"));
        results.write();
        String md = String.format(Locale.ROOT, "webRequest/protocol benchmark: %d MB x %d rounds (+1 warm-up),"
                + " page %d warm-up + %d timed loads each; %d cores; java %s; javafx %s; took %.0f s%n%n"
                + "| Measure | Measured | Baseline | Ratio | Target |%n|---|---:|---:|---:|---|%n", megabytes,
                streamRounds, pageWarmup, pageLoads, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.runtime.version"), System.getProperty("javafx.runtime.version"),
                (System.nanoTime() - begin) / 1e9) + report;
        System.out.println();
        System.out.println(md);
        String file = System.getProperty("bench.report", "");
        if (!file.isBlank()) {
            Path path = Path.of(file);
            Files.createDirectories(path.toAbsolutePath().getParent());
            Files.writeString(path, md);
        }
        System.exit(0);
    }

    /**
     * The webRequest links' own cost, without WebView or network: a session's two links in a chain whose
     * transport answers at once with a 1 KB body that is read to the end, with and without the 8 no-op
     * listeners; batches alternate, the median batch counts. Returns ns per request {without, with}.
     */
    static double[] chainCost() throws IOException {
        io.github.fxsession.internal.session.SessionCore core = new io.github.fxsession.internal.session.SessionCore(
                "bench-micro", false, null, Files.createTempDirectory("fxsession-micro"),
                io.github.fxsession.internal.session.CoreOptions.DEFAULTS);
        byte[] body = new byte[1024];
        io.github.fxsession.internal.net.Interceptor transport = chain -> new io.github.fxsession.internal.net.NetResponse(
                200, "OK", okhttp3.Headers.of("Content-Type", "image/png", "Content-Length", "1024", "Cache-Control", "no-store"),
                new java.io.ByteArrayInputStream(body));
        io.github.fxsession.internal.webrequest.WebRequestImpl bare = new io.github.fxsession.internal.webrequest.WebRequestImpl();
        io.github.fxsession.internal.webrequest.WebRequestImpl listened = new io.github.fxsession.internal.webrequest.WebRequestImpl();
        addNoOpListeners(listened);
        io.github.fxsession.internal.net.InterceptorList[] lists = new io.github.fxsession.internal.net.InterceptorList[2];
        io.github.fxsession.internal.webrequest.WebRequestImpl[] impls = {bare, listened};
        for (int i = 0; i < 2; i++) {
            lists[i] = new io.github.fxsession.internal.net.InterceptorList(transport);
            lists[i].add(io.github.fxsession.internal.net.Interceptor.Stage.WEB_REQUEST, impls[i].beforeRequest());
            lists[i].add(io.github.fxsession.internal.net.Interceptor.Stage.SEND_HEADERS, impls[i].sendHeaders());
        }
        io.github.fxsession.internal.net.NetRequest request = new io.github.fxsession.internal.net.NetRequest(
                "http://127.0.0.1:8080/m/1.png?i=x", "GET", okhttp3.Headers.of("User-Agent", "Mozilla/5.0 bench",
                        "Accept", "image/webp,image/png,image/*;q=0.8", "Accept-Language", "en", "Referer",
                        "http://127.0.0.1:8080/page.html", "Sec-Fetch-Dest", "image", "Sec-Fetch-Mode", "no-cors",
                        "Sec-Fetch-Site", "same-origin", "Cookie", "a=1; b=2"), null,
                new io.github.fxsession.internal.net.RequestContext(core, null,
                        io.github.fxsession.internal.net.ResourceType.IMAGE));
        int batch = 20_000;
        byte[] buffer = new byte[8192];
        List<Double> without = new ArrayList<>();
        List<Double> with = new ArrayList<>();
        for (int round = 0; round < 60; round++) {
            for (int i = 0; i < 2; i++) {
                long start = System.nanoTime();
                for (int n = 0; n < batch; n++) {
                    try (InputStream in = lists[i].execute(request).body()) {
                        // as WebKit's loader does: its own buffer, read to the end
                        while (in.read(buffer) >= 0) {
                            // drain
                        }
                    }
                }
                double perRequest = (System.nanoTime() - start) / (double) batch;
                if (round >= 20) {
                    (i == 0 ? without : with).add(perRequest);
                }
            }
        }
        return new double[] {LoaderBenchmark.median(without), LoaderBenchmark.median(with)};
    }

    /** One no-op listener on each of the 8 events. */
    static void addNoOpListeners(WebRequest webRequest) {
        webRequest.onBeforeRequest((d, callback) -> callback.accept(BeforeRequestResponse.proceed()));
        webRequest.onBeforeSendHeaders((d, callback) -> callback.accept(BeforeSendHeadersResponse.proceed()));
        webRequest.onSendHeaders(d -> { });
        webRequest.onHeadersReceived((d, callback) -> callback.accept(HeadersReceivedResponse.proceed()));
        webRequest.onResponseStarted(d -> { });
        webRequest.onBeforeRedirect(d -> { });
        webRequest.onCompleted(d -> { });
        webRequest.onErrorOccurred(d -> { });
    }

    /** {@code size} bytes of a repeating pattern, made as they are read. */
    static InputStream pattern(long size) {
        byte[] block = new byte[CHUNK];
        for (int i = 0; i < block.length; i++) {
            block[i] = (byte) (i * 31);
        }
        return new InputStream() {
            private long left = size;

            @Override
            public int read() {
                if (left <= 0) {
                    return -1;
                }
                return block[(int) (--left % CHUNK)] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(Math.min(len, CHUNK), left);
                System.arraycopy(block, 0, b, off, n);
                left -= n;
                return n;
            }
        };
    }

    private static WebEngine open(Session session, String url) {
        WebView view = FxToolkit.onFx(() -> {
            WebView v = new WebView();
            session.attach(v);
            return v;
        });
        Worker.State state = FxToolkit.loadAndWait(view.getEngine(), () -> view.getEngine().load(url));
        if (state != Worker.State.SUCCEEDED) {
            throw new IllegalStateException("loading " + url + " ended " + state);
        }
        return view.getEngine();
    }

    private static double fetchMillis(WebEngine engine, String url, long size) throws Exception {
        FxToolkit.onFx(() -> engine.executeScript("window.r = null; var t0 = performance.now(); fetch('" + url
                + "').then(r => r.arrayBuffer()).then(b => window.r = b.byteLength + ' ' + (performance.now() - t0),"
                + " e => window.r = 'failed ' + e);"));
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            Object r = FxToolkit.onFx(() -> engine.executeScript("window.r"));
            if (r instanceof String result) {
                String[] parts = result.split(" ");
                if (!parts[0].equals(Long.toString(size))) {
                    throw new IllegalStateException("fetch of " + url + " gave " + result + ", expected " + size + " bytes");
                }
                return Double.parseDouble(parts[1]);
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("fetch of " + url + " did not finish in 5 minutes");
    }

    private static double pageMillis(WebEngine engine, String origin, String id) throws IOException {
        long start = System.nanoTime();
        Worker.State state = FxToolkit.loadAndWait(engine, () -> engine.load(origin + "/page.html?i=" + id
                + "&css=50&js=50&img=100"));
        double millis = (System.nanoTime() - start) / 1e6;
        int[] count = BenchServer.count(origin, id);
        if (state != Worker.State.SUCCEEDED || count[0] != 201) {
            throw new IllegalStateException("page " + id + " ended " + state + " with " + count[0] + " requests");
        }
        return millis;
    }

    /**
     * A plain loopback HTTP/1.1 server (keep-alive, fixed length, 64 KB writes straight from the pattern):
     * the baseline costs nothing but the socket, as a static file server would.
     */
    private static final class StreamServer implements AutoCloseable {
        private final java.net.ServerSocket socket = new java.net.ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final long size;

        StreamServer(long size) throws IOException {
            this.size = size;
            Thread acceptor = new Thread(this::accept, "stream-server");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        String origin() {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }

        private void accept() {
            while (!socket.isClosed()) {
                try {
                    java.net.Socket client = socket.accept();
                    client.setTcpNoDelay(true);
                    Thread worker = new Thread(() -> serve(client), "stream-server-connection");
                    worker.setDaemon(true);
                    worker.start();
                } catch (IOException e) {
                    return;
                }
            }
        }

        private void serve(java.net.Socket client) {
            try (client; InputStream in = new java.io.BufferedInputStream(client.getInputStream());
                    OutputStream out = client.getOutputStream()) {
                while (true) {
                    StringBuilder head = new StringBuilder();
                    int b;
                    while ((b = in.read()) >= 0) {
                        head.append((char) b);
                        if (head.length() >= 4 && head.lastIndexOf("\r\n\r\n") == head.length() - 4) {
                            break;
                        }
                    }
                    if (b < 0) {
                        return;
                    }
                    String path = head.substring(head.indexOf(" ") + 1, head.indexOf(" ", head.indexOf(" ") + 1));
                    boolean bulk = path.endsWith(".bin");
                    byte[] page = "<!doctype html><p>bench</p>".getBytes(StandardCharsets.UTF_8);
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: " + (bulk ? "application/octet-stream" : "text/html")
                            + "\r\nCache-Control: no-store\r\nContent-Length: " + (bulk ? size : page.length) + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    if (bulk) {
                        try (InputStream data = pattern(size)) {
                            data.transferTo(out);
                        }
                    } else {
                        out.write(page);
                    }
                    out.flush();
                }
            } catch (IOException e) {
                // the client went away
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
