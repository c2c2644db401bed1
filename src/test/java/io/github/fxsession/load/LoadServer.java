package io.github.fxsession.load;

import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;

/**
 * The loopback server of the load test: a MockWebServer (one thread per connection) serving, under
 * {@code /<mark>/}, a page of {@link #RESOURCES} resources per partition, and checking every request
 * server-side: a request under {@code /<mark>/} must carry exactly that partition's cookie
 * ({@code mark=<mark>}) and User-Agent ({@code LoadTest/<mark>}), or it counts as a leak.
 *
 * <p>It counts instead of recording: MockWebServer's own queue of recorded requests is drained as it
 * fills, so the server's heap stays flat through millions of requests.
 */
final class LoadServer implements AutoCloseable {

    static final int STYLES = 50;
    static final int SCRIPTS = 50;
    static final int IMAGES = 100;
    static final int RESOURCES = STYLES + SCRIPTS + IMAGES;
    /** The smallest valid PNG: one transparent pixel. */
    private static final byte[] PIXEL = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
    private static final int MAX_PROBLEMS = 20;

    private final MockWebServer server = new MockWebServer();
    private final List<String> marks;
    private final AtomicLongArray served;
    private final AtomicLong leaks = new AtomicLong();
    private final Queue<String> problems = new ConcurrentLinkedQueue<>();
    private final Thread drainer;

    /** @param marks the partitions' markers, each the first path segment of its URLs */
    LoadServer(List<String> marks) throws IOException {
        this.marks = List.copyOf(marks);
        this.served = new AtomicLongArray(marks.size());
        server.setServerSocketFactory(new io.github.fxsession.testing.NoDelayServerSocketFactory());
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return answer(request);
            }
        });
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        drainer = Thread.ofPlatform().daemon().name("load-server-drain").start(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    server.takeRequest(1, TimeUnit.SECONDS);
                }
            } catch (InterruptedException stopped) {
                // closed
            }
        });
    }

    /** The page of the partition marked {@code mark}; {@code n} makes each load's URL unique. */
    String page(String mark, String n) {
        return server.url("/" + mark + "/page.html?n=" + n).toString();
    }

    /** Requests served under the partition's path. */
    long served(int partition) {
        return served.get(partition);
    }

    /** Requests whose cookie or User-Agent was not their partition's. */
    long leaks() {
        return leaks.get();
    }

    /** The first problems seen (wrong headers, unknown paths), for the failure message. */
    List<String> problems() {
        return List.copyOf(problems);
    }

    private MockResponse answer(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        String[] segments = path.split("/");
        int partition = segments.length == 3 ? marks.indexOf(segments[1]) : -1;
        if (partition < 0) {
            problem("unknown path " + path);
            return response(404, "text/plain").body("no such path").build();
        }
        served.incrementAndGet(partition);
        String mark = marks.get(partition);
        String cookie = request.getHeaders().get("Cookie");
        String userAgent = request.getHeaders().get("User-Agent");
        if (!("mark=" + mark).equals(cookie) || !("LoadTest/" + mark).equals(userAgent)) {
            leaks.incrementAndGet();
            problem(path + " came with Cookie " + cookie + " and User-Agent " + userAgent);
        }
        String file = segments[2];
        if (file.equals("page.html")) {
            return response(200, "text/html; charset=utf-8").body(html(mark, request.getUrl().queryParameter("n"))).build();
        }
        if (file.endsWith(".css")) {
            return response(200, "text/css").body("." + file.replace('.', '-') + "{color:red}").build();
        }
        if (file.endsWith(".js")) {
            return response(200, "text/javascript").body("window.scripts=(window.scripts||0)+1;").build();
        }
        if (file.endsWith(".png")) {
            return response(200, "image/png").body(new Buffer().write(PIXEL)).build();
        }
        problem("unknown file " + path);
        return response(404, "text/plain").body("no such file").build();
    }

    private void problem(String text) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(text);
        }
    }

    private static MockResponse.Builder response(int code, String contentType) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", contentType)
                .setHeader("Cache-Control", "no-store");
    }

    /**
     * The page: {@link #STYLES} stylesheets, {@link #SCRIPTS} async scripts and {@link #IMAGES} images,
     * each URL carrying the load's {@code n} (WebKit's memory cache reuses even {@code no-store}
     * resources of the same URL), each counting an error in {@code err}; the first load in a partition
     * puts the partition's mark in localStorage (all partitions share the origin, so a shared storage
     * shows).
     */
    private static String html(String mark, String n) {
        String query = "?n=" + n;
        StringBuilder html = new StringBuilder(24_576).append("<!doctype html><html><head><title>load</title><script>")
                .append("var err=0;function e(){err++}")
                .append("if(localStorage.getItem('mark')===null)localStorage.setItem('mark','").append(mark).append("');")
                .append("</script>");
        for (int i = 0; i < STYLES; i++) {
            html.append("<link rel=\"stylesheet\" href=\"s").append(i).append(".css").append(query)
                    .append("\" onerror=\"e()\">");
        }
        html.append("</head><body>");
        for (int i = 0; i < SCRIPTS; i++) {
            html.append("<script async src=\"j").append(i).append(".js").append(query).append("\" onerror=\"e()\"></script>");
        }
        for (int i = 0; i < IMAGES; i++) {
            html.append("<img src=\"i").append(i).append(".png").append(query)
                    .append("\" width=\"1\" height=\"1\" onerror=\"e()\">");
        }
        return html.append("</body></html>").toString();
    }

    /** What {@link #PAGE_CHECK} gives for a complete load in the partition marked {@code mark}. */
    static String expectedCheck(String mark) {
        return SCRIPTS + "/" + STYLES + "/" + IMAGES + "/0/" + mark + "/mark=" + mark;
    }

    /**
     * Page-side check of a load: scripts run, stylesheets applied, images decoded, resource errors, the
     * localStorage mark and {@code document.cookie}.
     */
    static final String PAGE_CHECK = "(window.scripts || 0) + '/' + document.styleSheets.length + '/'"
            + " + Array.prototype.filter.call(document.images, function (m) { return m.complete && m.naturalWidth === 1; }).length"
            + " + '/' + err + '/' + localStorage.getItem('mark') + '/' + document.cookie";

    @Override
    public void close() {
        drainer.interrupt();
        server.close();
    }
}
