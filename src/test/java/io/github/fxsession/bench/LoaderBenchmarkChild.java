package io.github.fxsession.bench;

import io.github.fxsession.testing.FxToolkit;

import io.github.fxsession.Session;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.concurrent.Worker;
import javafx.scene.web.WebEngine;
import javafx.scene.web.WebView;

/**
 * One JVM of {@link LoaderBenchmark}: loads a page of small stylesheets, scripts and images from the
 * loopback {@link BenchServer} through one loader, and prints each timed load as
 * {@code LOAD <variant> <wall ms> <process CPU ms> <new connections>}.
 *
 * <p>WebKit reads {@code com.sun.webkit.useHTTP2Loader} once per JVM, so each variant needs its own JVM:
 * <ul>
 *   <li>{@code A}: stock JavaFX; nothing of fxsession is loaded, WebKit uses its default
 *       {@code HTTP2Loader} ({@code java.net.http.HttpClient}).
 *   <li>{@code B}: the fxsession chain; the engine is attached to the default session.
 *   <li>{@code C}: a bare pass-through: {@code useHTTP2Loader=false} and a factory whose handler opens
 *       the JDK's own {@code HttpURLConnection}: WebKit's URL loader with nothing added.
 * </ul>
 *
 * <p>System properties: {@code bench.variant} (A, B or C), {@code bench.server} (origin of a running
 * {@link BenchServer}; without it the child starts its own), {@code bench.warmup} (untimed loads first,
 * default 30), {@code bench.loads} (timed loads, default 20), {@code bench.css}, {@code bench.js},
 * {@code bench.img} (page composition, default 50, 50, 100), {@code bench.id} (prefix of the per-load
 * query string). Run on the class path with
 * {@code -Dglass.platform=Headless -Dprism.order=sw --enable-native-access=ALL-UNNAMED}.
 */
public final class LoaderBenchmarkChild {

    /** Connections variant C's pass-through handler opened. */
    private static final AtomicLong PASS_THROUGH_OPENED = new AtomicLong();

    private static volatile CompletableFuture<Long> pending;
    private static volatile long startNanos;

    private LoaderBenchmarkChild() {
    }

    public static void main(String[] args) throws Exception {
        String variant = System.getProperty("bench.variant", "A").toUpperCase(Locale.ROOT);
        int warmup = Integer.getInteger("bench.warmup", 30);
        int loads = Integer.getInteger("bench.loads", 20);
        int css = Integer.getInteger("bench.css", 50);
        int js = Integer.getInteger("bench.js", 50);
        int img = Integer.getInteger("bench.img", 100);
        String idPrefix = System.getProperty("bench.id", variant);
        int resources = css + js + img;

        // Before the first WebEngine exists: WebKit reads its loader switch in a static initializer.
        Session session = null;
        switch (variant) {
            case "A" -> { }
            case "B" -> {
                Session.setUserDataPath(Files.createTempDirectory("fxsession-bench"));
                session = Session.defaultSession();
            }
            case "C" -> installPassThrough();
            default -> throw new IllegalArgumentException("bench.variant must be A, B or C: '" + variant + "'");
        }

        String origin = System.getProperty("bench.server");
        BenchServer ownServer = origin == null ? new BenchServer() : null;
        if (ownServer != null) {
            origin = ownServer.origin();
        }
        try {
            CountDownLatch started = new CountDownLatch(1);
            Platform.startup(started::countDown);
            if (!started.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the JavaFX toolkit did not start in 30 s");
            }
            Session attachTo = session;
            WebEngine engine = onFx(() -> {
                WebView view = new WebView();
                if (attachTo != null) {
                    attachTo.attach(view);
                }
                WebEngine e = view.getEngine();
                e.getLoadWorker().stateProperty().addListener((obs, old, now) -> {
                    CompletableFuture<Long> p = pending;
                    if (p == null) {
                        return;
                    }
                    if (now == Worker.State.SUCCEEDED) {
                        p.complete(System.nanoTime() - startNanos);
                    } else if (now == Worker.State.FAILED || now == Worker.State.CANCELLED) {
                        p.completeExceptionally(new IllegalStateException("load ended " + now + ": "
                                + e.getLoadWorker().getException()));
                    }
                });
                return e;
            });

            long routedBefore = routed(session);
            int withCharset = 0;
            for (int i = 0; i < warmup + loads; i++) {
                String id = idPrefix + "-" + i;
                String url = origin + "/page.html?i=" + id + "&css=" + css + "&js=" + js + "&img=" + img;
                long cpu = cpuNanos();
                long nanos = load(engine, url);
                cpu = cpuNanos() - cpu;
                int[] count = check(engine, origin, variant, id, css, js, img);
                withCharset += count[1];
                if (i >= warmup) {
                    System.out.printf(Locale.ROOT, "LOAD %s %.3f %.0f %d%n", variant, nanos / 1e6, cpu / 1e6, count[2]);
                }
            }
            int pages = warmup + loads;
            long routed = routed(session) - routedBefore;
            long expected = (long) pages * (resources + 1);
            if (variant.equals("B") && (routed < expected || withCharset != 0)) {
                throw new IllegalStateException("variant B: the session carried " + routed + " requests and "
                        + withCharset + " reached the server unchanged; expected all " + expected
                        + " through the chain");
            }
            if (variant.equals("C") && routed < expected) {
                throw new IllegalStateException("variant C: the pass-through opened " + routed + " connections;"
                        + " expected " + expected);
            }
            if (!variant.equals("B") && withCharset != expected) {
                throw new IllegalStateException("variant " + variant + ": " + withCharset + " of " + expected
                        + " requests carried WebKit's Accept-Charset; expected all");
            }
            System.out.printf(Locale.ROOT, "DONE %s pages=%d routed=%d java=%s javafx=%s%n", variant, pages, routed,
                    System.getProperty("java.runtime.version"), System.getProperty("javafx.runtime.version"));
            System.out.flush();
        } finally {
            Platform.exit();
            if (ownServer != null) {
                ownServer.close();
            }
        }
        System.exit(0);
    }

    private static long routed(Session session) {
        return session != null ? session.getRequestCount() : PASS_THROUGH_OPENED.get();
    }

    /** CPU time of this process, all threads (on Linux in 10 ms steps). */
    private static long cpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    private static long load(WebEngine engine, String url) throws Exception {
        CompletableFuture<Long> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            pending = done;
            startNanos = System.nanoTime();
            engine.load(url);
        });
        try {
            return done.get(60, TimeUnit.SECONDS);
        } finally {
            pending = null;
        }
    }

    /**
     * Checks that the page saw every resource: each reached the server once, every script ran, every
     * sheet applies, every image decoded. Returns the server's counts ({@link BenchServer#count}).
     */
    private static int[] check(WebEngine engine, String origin, String variant, String id, int css, int js, int img)
            throws IOException {
        int[] count = BenchServer.count(origin, id);
        String page = onFx(() -> engine.executeScript(
                "(window.__js || 0) + '/' + document.styleSheets.length + '/' + Array.prototype.filter.call("
                + "document.images, function (m) { return m.complete && m.naturalWidth === 1; }).length")
                .toString());
        String expected = js + "/" + css + "/" + img;
        if (count[0] != css + js + img + 1 || !page.equals(expected)) {
            throw new IllegalStateException("variant " + variant + ", load " + id + ": server saw " + count[0]
                    + " requests (expected " + (css + js + img + 1) + "), page saw scripts/sheets/images " + page
                    + " (expected " + expected + ")");
        }
        return count;
    }

    /** Variant C: the JDK's own HTTP handler behind a factory, as any URL-handler-based library would be. */
    private static void installPassThrough() throws IOException {
        System.setProperty("com.sun.webkit.useHTTP2Loader", "false");
        // Made before the factory is installed, so it keeps the JDK's handler; new URL(context, spec) inherits it.
        URL jdkHttp = URI.create("http://localhost/").toURL();
        URLStreamHandler passThrough = new URLStreamHandler() {
            @Override
            protected URLConnection openConnection(URL url) throws IOException {
                PASS_THROUGH_OPENED.incrementAndGet();
                @SuppressWarnings("deprecation")
                URL jdkUrl = new URL(jdkHttp, url.toExternalForm());
                return jdkUrl.openConnection();
            }

            @Override
            protected int getDefaultPort() {
                return 80;
            }
        };
        URL.setURLStreamHandlerFactory(protocol -> protocol.equalsIgnoreCase("http") ? passThrough : null);
    }

    private static <T> T onFx(Callable<T> task) {
        return FxToolkit.onFx(task);
    }
}
