package io.github.fxsession.bench;

import io.github.fxsession.Session;
import io.github.fxsession.download.DownloadState;
import io.github.fxsession.testing.FxToolkit;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One download of {@link DownloadBenchmark}: {@code Session.downloadURL(args[0])} into {@code args[1]};
 * prints {@code RESULT <seconds> <max heap used bytes> <cpu seconds>}: the time from the call to the 'done'
 * event (the file published), the most heap in use (sampled every 10 ms), and the process's CPU time
 * (all threads, JIT and GC included) meanwhile.
 */
public final class DownloadBenchmarkChild {

    private DownloadBenchmarkChild() {
    }

    private static DownloadState download(Session session, String url) throws Exception {
        CompletableFuture<DownloadState> done = new CompletableFuture<>();
        javafx.util.Subscription subscription = session.onWillDownload((event, item, webContents) -> item.onDone(state -> {
            if (state != DownloadState.COMPLETED) {
                System.out.println(url + " ended " + item + ": " + item.getInterruptReason());
            }
            done.complete(state);
        }));
        session.downloadURL(url);
        try {
            return done.get(5, TimeUnit.MINUTES);
        } finally {
            subscription.unsubscribe();
        }
    }

    private static long cpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().orElseThrow().toNanos();
    }

    public static void main(String[] args) throws Exception {
        FxToolkit.start();
        Session session = Session.fromPartition("download-bench");
        session.setDownloadPath(Path.of(args[1]).toAbsolutePath());
        // an explicit User-Agent: no WebEngine is created to read the stock one (which can take longer
        // than its 10 s limit in a fresh JVM on a loaded machine)
        session.setUserAgent("fxsession-download-benchmark");
        Runtime runtime = Runtime.getRuntime();
        AtomicLong maxHeap = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                maxHeap.accumulateAndGet(runtime.totalMemory() - runtime.freeMemory(), Math::max);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        // warm-up: a 1 MiB download loads the classes, as an application's earlier requests would have
        String warmUp = args[0].replace("/file.bin", "/warm-up.bin");
        if (download(session, warmUp) != DownloadState.COMPLETED) {
            System.out.println("warm-up download failed");
            System.exit(2);
        }
        java.nio.file.Files.delete(Path.of(args[1]).toAbsolutePath().resolve("warm-up.bin"));
        CompletableFuture<DownloadState> done = new CompletableFuture<>();
        session.onWillDownload((event, item, webContents) -> item.onDone(done::complete));
        System.gc();
        sampler.start();
        long cpuStart = cpuNanos();
        long start = System.nanoTime();
        session.downloadURL(args[0]);
        DownloadState state = done.get(10, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = (cpuNanos() - cpuStart) / 1e9;
        sampler.interrupt();
        if (state != DownloadState.COMPLETED) {
            System.out.println("download ended " + state);
            System.exit(2);
        }
        System.out.printf(Locale.ROOT, "RESULT %.3f %d %.3f%n", seconds, maxHeap.get(), cpu);
        System.exit(0);
    }
}
