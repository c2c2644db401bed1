package io.github.fxsession.bench;

import io.github.fxsession.Session;
import io.github.fxsession.internal.net.NetResponse;
import io.github.fxsession.net.NetworkEmulationOptions;
import io.github.fxsession.testing.FxToolkit;
import io.github.fxsession.testing.SessionChain;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.concurrent.Worker;
import javafx.scene.web.WebView;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * The network benchmarks of issue #5 ({@code ./mvnw -Pbench}; docs/performance.md):
 *
 * <ol>
 *   <li><b>HTTP cache</b>: a page with 200 cacheable subresources (50 stylesheets, 50 scripts, 100
 *       images, {@code max-age=3600}; the document itself {@code no-store}) loaded by a new WebView of
 *       one partition, alternately with the partition's cache just emptied (cold) and filled (warm).
 *       Each load uses a new WebView: its engine has its own routing token, so WebKit's process-wide
 *       memory cache cannot answer (responses vary on User-Agent) and the partition's HTTP cache is
 *       what is measured. Checked: cold loads make 201 requests, warm loads 1.
 *   <li><b>Emulated throughput</b>: one download through the session's chain (its interceptors and
 *       client, no WebView) from a loopback server streaming zeros, at 1, 10 and 50 MB/s configured
 *       (MB = 10^6 bytes), each transfer lasting about {@code bench.seconds}; plus the unthrottled rate
 *       of the same path as the ceiling.
 * </ol>
 *
 * <p>System properties: {@code bench.cacheRounds} (default 15), {@code bench.rateRepeats} (default 5),
 * {@code bench.seconds} (default 2), {@code bench.report} (a Markdown file to write).
 */
public final class NetworkBenchmark {

    private NetworkBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int cacheRounds = Integer.getInteger("bench.cacheRounds", 15);
        int repeats = Integer.getInteger("bench.rateRepeats", 5);
        double seconds = Double.parseDouble(System.getProperty("bench.seconds", "2"));
        Session.setUserDataPath(Files.createTempDirectory("fxsession-netbench"));
        StringBuilder report = new StringBuilder("# Network benchmark (issue #5)\n\n");
        report.append(String.format(Locale.ROOT, "Load average at start: %s; %d cores.%n%n", loadAverage(),
                Runtime.getRuntime().availableProcessors()));
        FxToolkit.start();
        BenchResults results = BenchResults.of("network",
                "HTTP cache (new WebView per load) and emulated download throughput through the session's chain");
        cache(cacheRounds, report, results);
        throughput(repeats, seconds, report, results);
        results.write();
        report.append("Load average at the end: ").append(loadAverage()).append(".\n");
        System.out.println(report);
        String file = System.getProperty("bench.report");
        if (file != null && !file.isBlank()) {
            Path path = Path.of(file);
            Files.createDirectories(path.toAbsolutePath().getParent());
            Files.writeString(path, report);
        }
        System.exit(0);
    }

    // ---- 1. cache ------------------------------------------------------------------------------------

    private static void cache(int rounds, StringBuilder report, BenchResults results) throws Exception {
        AtomicInteger requests = new AtomicInteger();
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    requests.incrementAndGet();
                    String path = request.getUrl().encodedPath();
                    if (path.equals("/page.html")) {
                        return new MockResponse.Builder().setHeader("Content-Type", "text/html")
                                .setHeader("Cache-Control", "no-store").body(page()).build();
                    }
                    String type = path.endsWith(".css") ? "text/css" : path.endsWith(".js") ? "application/javascript" : "image/svg+xml";
                    String body = path.endsWith(".css") ? ".c" + path.hashCode() + "{color:red}"
                            : path.endsWith(".js") ? "window.__js=(window.__js||0)+1;"
                            : "<svg xmlns='http://www.w3.org/2000/svg' width='1' height='1'/>";
                    return new MockResponse.Builder().setHeader("Content-Type", type)
                            .setHeader("Cache-Control", "max-age=3600").body(body).build();
                }
            });
            server.start(InetAddress.getByName("127.0.0.1"), 0);
            String url = server.url("/page.html").toString();
            Session session = Session.fromPartition("bench-cache");
            List<Double> cold = new ArrayList<>();
            List<Double> warm = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                session.clearCache().join();
                load(session, url);
            }
            for (int round = 0; round < rounds; round++) {
                session.clearCache().join();
                requests.set(0);
                cold.add(load(session, url));
                check("cold load requests", requests.get(), 201);
                requests.set(0);
                warm.add(load(session, url));
                check("warm load requests", requests.get(), 1);
            }
            double coldMedian = median(cold);
            double warmMedian = median(warm);
            results.add(BenchResults.row("page of 200 cacheable resources, warm / cold HTTP cache", warmMedian, "ms",
                    coldMedian, "cold: cache just emptied"));
            report.append("## Page of 200 cacheable resources: warm vs cold HTTP cache\n\n")
                    .append(String.format(Locale.ROOT, "%d rounds, each a cold then a warm load in new WebViews.%n%n", rounds))
                    .append("| Load | Median ms | Min ms | Max ms | Requests to the server |\n|---|---:|---:|---:|---:|\n")
                    .append(row("cold (cache emptied)", cold, 201))
                    .append(row("warm (cache filled)", warm, 1))
                    .append(String.format(Locale.ROOT, "%nWarm / cold median: **%.2f**. Cache size after a load: %d bytes.%n%n",
                            warmMedian / coldMedian, session.getCacheSize().join()));
        }
    }

    private static String page() {
        StringBuilder html = new StringBuilder("<!doctype html><html><head>");
        for (int i = 0; i < 50; i++) {
            html.append("<link rel=stylesheet href='/c/").append(i).append(".css'>");
        }
        html.append("</head><body>");
        for (int i = 0; i < 50; i++) {
            html.append("<script src='/j/").append(i).append(".js'></script>");
        }
        for (int i = 0; i < 100; i++) {
            html.append("<img src='/m/").append(i).append(".svg'>");
        }
        return html.append("</body></html>").toString();
    }

    private static double load(Session session, String url) {
        WebView view = FxToolkit.onFx(() -> {
            WebView v = new WebView();
            session.attach(v);
            return v;
        });
        long start = System.nanoTime();
        Worker.State state = FxToolkit.loadAndWait(view.getEngine(), () -> view.getEngine().load(url));
        double millis = (System.nanoTime() - start) / 1e6;
        if (state != Worker.State.SUCCEEDED) {
            throw new IllegalStateException("load ended " + state);
        }
        Object scripts = FxToolkit.onFx(() -> view.getEngine().executeScript("window.__js"));
        check("scripts run", ((Number) scripts).intValue(), 50);
        return millis;
    }

    // ---- 2. throughput --------------------------------------------------------------------------------

    private static void throughput(int repeats, double seconds, StringBuilder report, BenchResults results) throws Exception {
        try (ZeroServer server = new ZeroServer()) {
            Session session = Session.fromPartition("bench-throughput", new io.github.fxsession.PartitionOptions(false));
            session.setUserAgent("NetworkBenchmark/1");
            report.append("## Emulated download throughput through the session's chain\n\n")
                    .append(String.format(Locale.ROOT, "One download at a time, each about %.1f s, %d repeats (MB = 10^6 bytes).%n%n", seconds, repeats))
                    .append("| Configured | Median achieved | Min | Max | Median error |\n|---|---:|---:|---:|---:|\n");
            for (double rate : new double[] {1e6, 10e6, 50e6}) {
                session.enableNetworkEmulation(NetworkEmulationOptions.builder().downloadThroughput(rate).build());
                download(session, server, (long) (rate * 0.2));
                List<Double> achieved = new ArrayList<>();
                for (int i = 0; i < repeats; i++) {
                    achieved.add(download(session, server, (long) (rate * seconds)));
                }
                double med = median(achieved);
                results.add(BenchResults.row(String.format(Locale.ROOT, "emulated download at %.0f MB/s, achieved / configured",
                        rate / 1e6), med / 1e6, "MB/s", rate / 1e6, "the configured rate (not measured)").higherIsBetter()
                        .note("limit holds within 10%: " + (Math.abs(med / rate - 1) <= 0.1 ? "met" : "**missed**")));
                report.append(String.format(Locale.ROOT, "| %.0f MB/s | %.2f MB/s | %.2f | %.2f | %+.1f%% |%n", rate / 1e6,
                        med / 1e6, Collections.min(achieved) / 1e6, Collections.max(achieved) / 1e6, (med / rate - 1) * 100));
            }
            session.disableNetworkEmulation();
            List<Double> free = new ArrayList<>();
            for (int i = 0; i < repeats; i++) {
                free.add(download(session, server, 200_000_000L));
            }
            results.add(BenchResults.alone("download without emulation (ceiling of this path)", median(free) / 1e6, "MB/s")
                    .higherIsBetter());
            report.append(String.format(Locale.ROOT, "| none (ceiling of this path) | %.0f MB/s | %.0f | %.0f | |%n%n",
                    median(free) / 1e6, Collections.min(free) / 1e6, Collections.max(free) / 1e6));
        }
    }

    /** Downloads {@code bytes} and returns the achieved rate in bytes per second, from request to last byte. */
    private static double download(Session session, ZeroServer server, long bytes) throws IOException {
        long start = System.nanoTime();
        NetResponse response = SessionChain.send(session, "GET", server.url(bytes), null);
        long read;
        try (InputStream body = response.body()) {
            read = body.transferTo(OutputStream.nullOutputStream());
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        check("bytes downloaded", read, bytes);
        return read / elapsed;
    }

    /** An HTTP/1.1 server on loopback that answers {@code GET /N} with N zero bytes, keep-alive. */
    private static final class ZeroServer implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));

        ZeroServer() throws IOException {
            Thread accept = new Thread(() -> {
                try {
                    while (true) {
                        Socket client = socket.accept();
                        Thread serve = new Thread(() -> serve(client), "zero-server-conn");
                        serve.setDaemon(true);
                        serve.start();
                    }
                } catch (IOException closed) {
                    // benchmark over
                }
            }, "zero-server");
            accept.setDaemon(true);
            accept.start();
        }

        String url(long bytes) {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/" + bytes;
        }

        private static void serve(Socket client) {
            byte[] zeros = new byte[64 * 1024];
            try (client; InputStream in = client.getInputStream(); OutputStream out = client.getOutputStream()) {
                while (true) {
                    String head = readHead(in);
                    if (head == null) {
                        return;
                    }
                    String path = head.substring(head.indexOf(' ') + 2, head.indexOf(' ', head.indexOf(' ') + 1));
                    long length = Long.parseLong(path);
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nCache-Control: no-store\r\n"
                            + "Content-Length: " + length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    for (long left = length; left > 0; left -= zeros.length) {
                        out.write(zeros, 0, (int) Math.min(zeros.length, left));
                    }
                    out.flush();
                }
            } catch (IOException | RuntimeException e) {
                // client went away
            }
        }

        private static String readHead(InputStream in) throws IOException {
            StringBuilder head = new StringBuilder();
            int c;
            while ((c = in.read()) >= 0) {
                head.append((char) c);
                if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
                    return head.toString();
                }
            }
            return null;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------------

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static void check(String what, long actual, long expected) {
        if (actual != expected) {
            throw new IllegalStateException(what + ": expected " + expected + ", got " + actual);
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String row(String label, List<Double> millis, int requests) {
        return String.format(Locale.ROOT, "| %s | %.0f | %.0f | %.0f | %d |%n", label, median(millis),
                Collections.min(millis), Collections.max(millis), requests);
    }
}
