package io.github.fxsession.bench;

import com.fazecast.jSerialComm.SerialPort;
import io.github.fxsession.Session;
import io.github.fxsession.serial.SerialPortInfo;
import io.github.fxsession.testing.PtyPair;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.concurrent.Worker;
import javafx.scene.web.WebView;

/**
 * Web Serial throughput, page to port: a page writes {@code bench.serial.mib} MiB through
 * {@code port.writable} (chunks of {@code bench.serial.chunk} bytes: the page bridge, base64, the writer
 * thread, jSerialComm) into one end of a socat pseudo-terminal pair, and the benchmark reads them at the
 * other end; the baseline writes the same bytes in the same chunks with jSerialComm alone on the same
 * pair, alternating, in one run. Not a test: {@code ./mvnw -Pbench} (see {@code docs/performance.md}).
 * Needs socat. Run with {@code -Dglass.platform=Headless -Dprism.order=sw --enable-native-access=ALL-UNNAMED}.
 *
 * <p>System properties: {@code bench.serial.rounds} (default 9), {@code bench.serial.mib} (default 8),
 * {@code bench.serial.chunk} (default 16384), {@code bench.serial.warmup} (untimed rounds first, default 3), {@code bench.report} (a file for the Markdown result, appended).
 */
public final class SerialBenchmark {

    private SerialBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.getInteger("bench.serial.rounds", 9);
        int total = Integer.getInteger("bench.serial.mib", 8) << 20;
        int chunk = Integer.getInteger("bench.serial.chunk", 16384);
        int warmup = Integer.getInteger("bench.serial.warmup", 3);
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        Path page = Files.createTempFile("fxsession-serial-bench", ".html");
        Files.writeString(page, "<!doctype html><html><body>bench</body></html>");
        Session session = Session.fromPartition("serial-bench");
        List<Double> bridge = new ArrayList<>();
        List<Double> direct = new ArrayList<>();
        System.out.printf(Locale.ROOT, "serial benchmark: %d rounds, %d MiB in %d-byte chunks, %d cores%n",
                rounds, total >> 20, chunk, Runtime.getRuntime().availableProcessors());
        for (int round = 1 - warmup; round <= rounds; round++) {
            try (PtyPair pair = PtyPair.open()) {
                double d = direct(pair, total, chunk);
                double b = throughPage(pair, session, page, total, chunk);
                if (round > 0) {
                    direct.add(d);
                    bridge.add(b);
                }
                System.out.printf(Locale.ROOT, "%s: jSerialComm %.1f MiB/s, page %.1f MiB/s%n",
                        round <= 0 ? "warm-up" : "round " + round, d, b);
            }
        }
        double medianDirect = median(direct);
        double medianBridge = median(bridge);
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < direct.size(); i++) {
            ratios.add(bridge.get(i) / direct.get(i));
        }
        String report = String.format(Locale.ROOT, "%n## Web Serial, page to port (%d MiB, %d-byte chunks, median of %d)%n%n"
                + "| path | MiB/s |%n|---|---|%n| jSerialComm alone | %.1f |%n| page through navigator.serial | %.1f |%n"
                + "| ratio of medians | %.0f%% |%n| median of per-round ratios | %.0f%% |%n", total >> 20, chunk, rounds,
                medianDirect, medianBridge, 100 * medianBridge / medianDirect, 100 * median(ratios));
        System.out.print(report);
        String file = System.getProperty("bench.report");
        if (file != null) {
            Files.createDirectories(Path.of(file).toAbsolutePath().getParent());
            Files.writeString(Path.of(file), report, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        BenchResults.of("serial", "Web Serial, page to port through navigator.serial against jSerialComm alone")
                .add(BenchResults.row("page to port through navigator.serial / jSerialComm alone", medianBridge, "MiB/s",
                        medianDirect, "jSerialComm alone").higherIsBetter()
                        .note(String.format(Locale.ROOT, "median of per-round ratios %.2f", median(ratios))))
                .write();
        Platform.exit();
        System.exit(0);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    /** Reads {@code total} bytes at the pair's b end; completes with the nanoTime of the last byte. */
    private static CompletableFuture<Long> receive(PtyPair pair, int total) {
        SerialPort b = pair.openB();
        return CompletableFuture.supplyAsync(() -> {
            byte[] buffer = new byte[65536];
            long got = 0;
            try {
                while (got < total) {
                    int n = b.readBytes(buffer, buffer.length);
                    if (n <= 0) {
                        throw new IllegalStateException("received " + got + " of " + total + " bytes");
                    }
                    got += n;
                }
                return System.nanoTime();
            } finally {
                b.closePort();
            }
        });
    }

    private static double mibPerSecond(int total, long start, long end) {
        return (total / 1048576.0) / ((end - start) / 1e9);
    }

    private static double direct(PtyPair pair, int total, int chunk) throws Exception {
        CompletableFuture<Long> received = receive(pair, total);
        SerialPort a = SerialPort.getCommPort(pair.a().toString());
        // the configuration SerialConnection uses for open({ baudRate: 115200 })
        a.setComPortParameters(115200, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        a.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        a.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING, 100, 0);
        if (!a.openPort(0, 255, 255)) {
            throw new IllegalStateException("cannot open " + pair.a());
        }
        byte[] bytes = new byte[chunk];
        for (int i = 0; i < chunk; i++) {
            bytes[i] = (byte) i;
        }
        long start = System.nanoTime();
        for (int sent = 0; sent < total; sent += chunk) {
            int done = 0;
            while (done < chunk) {
                done += a.writeBytes(bytes, chunk - done, done);
            }
        }
        long end = received.get(120, TimeUnit.SECONDS);
        a.closePort();
        return mibPerSecond(total, start, end);
    }

    private static double throughPage(PtyPair pair, Session session, Path page, int total, int chunk) throws Exception {
        SerialPortInfo port = Session.addSerialPort(pair.a(), null);
        var chooser = session.onSelectSerialPort((event, ports, contents, callback) -> {
            event.preventDefault();
            callback.select(port.portId());
        });
        AtomicReference<WebView> view = new AtomicReference<>();
        CountDownLatch loaded = new CountDownLatch(1);
        Platform.runLater(() -> {
            WebView v = new WebView();
            session.attach(v);
            v.getEngine().getLoadWorker().stateProperty().addListener((obs, old, now) -> {
                if (now == Worker.State.SUCCEEDED) {
                    loaded.countDown();
                }
            });
            v.getEngine().load(page.toUri().toString());
            view.set(v);
        });
        loaded.await(30, TimeUnit.SECONDS);
        String script = "window.opened = false; navigator.serial.requestPort().then(function (p) { window.port = p;"
                + " return p.open({ baudRate: 115200 }); }).then(function () { window.opened = true; },"
                + " function (e) { window.opened = e.name + ': ' + e.message; })";
        waitFor(view.get(), "navigator.serial ? 'yes' : null");
        eval(view.get(), script);
        Object opened = waitFor(view.get(), "window.opened === false ? null : String(window.opened)");
        if (!"true".equals(opened)) {
            throw new IllegalStateException("the page could not open the port: " + opened);
        }
        CompletableFuture<Long> received = receive(pair, total);
        long start = System.nanoTime();
        eval(view.get(), "(function () { var w = port.writable.getWriter(); var c = new Uint8Array(" + chunk + ");"
                + " for (var i = 0; i < c.length; i++) { c[i] = i & 255; } var sent = 0;"
                + " (function next() { if (sent >= " + total + ") { w.releaseLock(); return; } sent += c.length;"
                + " w.write(c).then(next, function (e) { window.failed = String(e); }); })(); })()");
        long end = received.get(120, TimeUnit.SECONDS);
        eval(view.get(), "port.close()");
        chooser.unsubscribe();
        return mibPerSecond(total, start, end);
    }

    private static Object eval(WebView view, String script) throws Exception {
        CompletableFuture<Object> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(view.getEngine().executeScript(script));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(30, TimeUnit.SECONDS);
    }

    private static Object waitFor(WebView view, String script) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            Object value = eval(view, script);
            if (value != null) {
                return value;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("timed out: " + script);
    }
}
