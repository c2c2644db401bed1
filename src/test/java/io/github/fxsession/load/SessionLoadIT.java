package io.github.fxsession.load;

import static io.github.fxsession.testing.FxToolkit.onFx;
import static io.github.fxsession.testing.FxToolkit.runFx;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.fxsession.Session;
import io.github.fxsession.WebContents;
import io.github.fxsession.cookies.CookieDetails;
import io.github.fxsession.testing.FxToolkit;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import javafx.application.Platform;
import javafx.concurrent.Worker;
import javafx.scene.web.WebEngine;
import javafx.scene.web.WebView;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Load (issue 13, point 4): 10 in-memory partitions of 5 WebViews each load a 200-resource page from a
 * loopback server in a loop for {@code fxsession.load.seconds} (120 by default). Every load and every
 * resource succeeds (page-side: each resource's onload, the load worker; network-side: each session's
 * webRequest onCompleted / onErrorOccurred; server-side: a count per partition), no partition's cookie,
 * User-Agent or localStorage reaches another's requests or pages, and once the sessions are closed and
 * the views dropped, every WebView and WebEngine is collected, the heap is back within 10% of its size
 * after the warm-up, and the threads are back near their number then.
 *
 * <p>Runs in its own JVM (Failsafe, {@code ./mvnw verify}): it measures the whole heap and every thread.
 */
@ExtendWith(FxToolkit.class)
class SessionLoadIT {

    private static final int PARTITIONS = 10;
    private static final int VIEWS = 5;
    private static final Duration DURATION = Duration.ofSeconds(Long.getLong("fxsession.load.seconds", 120));
    private static final int THREAD_SLACK = 3;

    private final List<String> marks = IntStream.range(0, PARTITIONS + 1)
            .mapToObj(i -> i < PARTITIONS ? "p" + i : "warmup").toList();

    @Test
    void fiftyWebViewsInTenPartitionsLoadWithoutFailureOrLeakAndReleaseEverythingOnClose() throws Exception {
        try (LoadServer server = new LoadServer(marks)) {
            int warmup = PARTITIONS;
            Run warm = new Run(server, List.of(warmup), VIEWS, Duration.ZERO);
            warm.start();
            warm.finish();
            long warmLoads = warm.loads.get();
            List<WeakReference<Object>> warmViews = warm.close();
            warm = null;
            collectAll(warmViews);
            settleThreads();
            long heapStart = settledHeap();
            histogram("start");
            int threadsStart = liveThreads();
            Map<String, Integer> threadNamesStart = threadNames();

            Run run = new Run(server, IntStream.range(0, PARTITIONS).boxed().toList(), VIEWS, DURATION);
            long started = System.nanoTime();
            run.start();
            run.finish();
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            Counts counts = run.counts();
            long requests = IntStream.range(0, PARTITIONS).mapToLong(server::served).sum();
            List<WeakReference<Object>> collectable = run.close();
            run = null;
            boolean collected = collectAll(collectable);
            int threadsEnd = awaitThreads(threadsStart + THREAD_SLACK);
            settleThreads();
            long heapEnd = settledHeap();
            histogram("end");
            Map<String, Integer> threadsAdded = newThreads(threadNamesStart);
            System.out.printf("load: %d partitions x %d views, %s: %d loads, %d requests (%.0f/s), %d page failures,"
                            + " %d webRequest errors, %d leaks; heap %.1f MB -> %.1f MB (%+.1f%%); threads %d -> %d;"
                            + " %d of %d WebViews/WebEngines collected%n",
                    PARTITIONS, VIEWS, took, counts.loads, requests, requests / (took.toMillis() / 1000.0),
                    counts.pageFailures, counts.errors, server.leaks(), heapStart / 1048576.0, heapEnd / 1048576.0,
                    100.0 * (heapEnd - heapStart) / heapStart, threadsStart, threadsEnd,
                    collectable.stream().filter(r -> r.get() == null).count(), collectable.size());

            SoftAssertions soft = new SoftAssertions();
            soft.assertThat(warmLoads).as("warm-up loads").isEqualTo(VIEWS);
            soft.assertThat(counts.pageFailures).as("failed loads or resources: %s", counts.problems).isZero();
            soft.assertThat(counts.errors).as("webRequest errors: %s", counts.problems).isZero();
            soft.assertThat(counts.misattributed).as("requests not completed for their own session: %s", counts.problems)
                    .isZero();
            soft.assertThat(counts.completed).as("webRequest onCompleted against requests served").isEqualTo(requests);
            soft.assertThat(server.leaks()).as("requests with another partition's cookie or User-Agent: %s",
                    server.problems()).isZero();
            soft.assertThat(requests).as("requests served for %d loads of 1 + %d resources", counts.loads,
                    LoadServer.RESOURCES).isEqualTo(counts.loads * (1 + LoadServer.RESOURCES));
            soft.assertThat(collected).as("every WebView and WebEngine collected").isTrue();
            soft.assertThat(heapEnd).as("heap after closing (start %d bytes)", heapStart)
                    .isLessThanOrEqualTo(heapStart + heapStart / 10);
            soft.assertThat(threadsEnd).as("threads after closing; new ones: %s", threadsAdded)
                    .isLessThanOrEqualTo(threadsStart + THREAD_SLACK);
            soft.assertAll();
        }
    }

    private record Counts(long loads, long pageFailures, long errors, long misattributed, long completed,
            List<String> problems) {
    }

    /** The views of some partitions loading the page in a loop until a deadline. */
    private final class Run {
        final LoadServer server;
        final List<Integer> partitions;
        final List<Session> sessions = new ArrayList<>();
        final List<Loop> loops = new ArrayList<>();
        final AtomicLong loads = new AtomicLong();
        final AtomicLong pageFailures = new AtomicLong();
        final AtomicLong completed = new AtomicLong();
        final AtomicLong misattributed = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        final Queue<String> problems = new ConcurrentLinkedQueue<>();
        final CountDownLatch done;
        final long deadline;

        Run(LoadServer server, List<Integer> partitions, int views, Duration duration) {
            this.server = server;
            this.partitions = partitions;
            this.done = new CountDownLatch(partitions.size() * views);
            this.deadline = System.nanoTime() + duration.toNanos();
            for (int p : partitions) {
                String mark = marks.get(p);
                Session session = Session.fromPartition("load-" + mark);
                session.setUserAgent("LoadTest/" + mark);
                session.cookies().set(CookieDetails.builder(server.page(mark, "0")).name("mark").value(mark).build()).join();
                session.webRequest().onCompleted(details -> {
                    completed.incrementAndGet();
                    if (details.statusCode() != 200 || details.webContents() == null
                            || details.webContents().getSession() != session) {
                        misattributed.incrementAndGet();
                        problem(details.url() + " completed " + details.statusCode() + " for " + details.webContents());
                    }
                });
                session.webRequest().onErrorOccurred(details -> {
                    errors.incrementAndGet();
                    problem(details.url() + " failed: " + details.error());
                });
                sessions.add(session);
                for (int v = 0; v < views; v++) {
                    loops.add(new Loop(session, p, v));
                }
            }
        }

        void start() {
            runFx(() -> loops.forEach(Loop::start));
        }

        void finish() throws Exception {
            if (!done.await(DURATION.toSeconds() + 120, TimeUnit.SECONDS)) {
                String stuck = onFx(() -> loops.stream().filter(l -> !l.finished)
                        .map(l -> l.name + " at " + l.view.getEngine().getLocation() + " "
                                + l.view.getEngine().getLoadWorker().getState() + " "
                                + l.view.getEngine().getLoadWorker().getProgress())
                        .toList().toString());
                StringBuilder stacks = new StringBuilder();
                Thread.getAllStackTraces().forEach((thread, stack) -> {
                    stacks.append('"').append(thread.getName()).append("\" ").append(thread.getState()).append('\n');
                    for (StackTraceElement frame : stack) {
                        stacks.append("    at ").append(frame).append('\n');
                    }
                });
                java.nio.file.Files.writeString(java.nio.file.Path.of(System.getProperty("java.io.tmpdir"),
                        "fxsession-load-threads.txt"), stacks);
                throw new AssertionError(done.getCount() + " views did not finish their last load (threads in"
                        + " java.io.tmpdir/fxsession-load-threads.txt): " + stuck + "; served " + partitions.stream()
                        .map(server::served).toList() + " for " + loads + " loads; " + problems);
            }
        }

        Counts counts() {
            return new Counts(loads.get(), pageFailures.get(), errors.get(), misattributed.get(), completed.get(),
                    List.copyOf(problems));
        }

        /** Detaches the views, closes the sessions; returns weak references to the views and engines. */
        List<WeakReference<Object>> close() {
            List<WeakReference<Object>> refs = new ArrayList<>();
            runFx(() -> {
                for (Loop loop : loops) {
                    loop.contents.detach();
                    refs.add(new WeakReference<>(loop.view));
                    refs.add(new WeakReference<>(loop.view.getEngine()));
                }
            });
            sessions.forEach(s -> s.close().join());
            loops.clear();
            sessions.clear();
            return refs;
        }

        void problem(String text) {
            if (problems.size() < 20) {
                problems.add(text);
            }
        }

        /** One view loading its partition's page again and again, driven by its load worker on the FX thread. */
        private final class Loop {
            final WebView view;
            final WebContents contents;
            final String mark;
            final String name;
            int n;
            volatile boolean finished;

            Loop(Session session, int partition, int index) {
                this.mark = marks.get(partition);
                this.name = mark + "-" + index;
                this.view = onFx(WebView::new);
                this.contents = onFx(() -> session.attach(view));
            }

            void start() {
                WebEngine engine = view.getEngine();
                engine.getLoadWorker().stateProperty().addListener((obs, old, now) -> {
                    if (now == Worker.State.SUCCEEDED) {
                        Object seen = engine.executeScript(LoadServer.PAGE_CHECK);
                        String expected = LoadServer.expectedCheck(mark);
                        if (!expected.equals(seen)) {
                            pageFailures.incrementAndGet();
                            problem(name + " saw " + seen + " instead of " + expected);
                        }
                        loads.incrementAndGet();
                        Platform.runLater(this::next);
                    } else if (now == Worker.State.FAILED || now == Worker.State.CANCELLED) {
                        pageFailures.incrementAndGet();
                        problem(name + " load " + n + " ended " + now + ": " + engine.getLoadWorker().getException());
                        Platform.runLater(this::next);
                    }
                });
                next();
            }

            void next() {
                if (n > 0 && System.nanoTime() - deadline >= 0) {
                    finished = true;
                    done.countDown();
                    return;
                }
                view.getEngine().load(server.page(mark, name + "-" + n++));
            }
        }
    }

    /**
     * With {@code -Dfxsession.load.histograms=DIR}, writes the heap's class histogram ({@code jcmd
     * GC.class_histogram}) to {@code DIR/<name>.txt}: what to diff when the heap does not come back.
     */
    private static void histogram(String name) throws Exception {
        String dir = System.getProperty("fxsession.load.histograms");
        if (dir == null || dir.isBlank()) {
            return;
        }
        java.nio.file.Path out = java.nio.file.Files.createDirectories(java.nio.file.Path.of(dir)).resolve(name + ".txt");
        new ProcessBuilder(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(ProcessHandle.current().pid()), "GC.class_histogram")
                .redirectErrorStream(true).redirectOutput(out.toFile()).start().waitFor();
    }

    /** Runs the GC until every referent is cleared or 60 s pass. */
    private static boolean collectAll(List<WeakReference<Object>> refs) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (refs.stream().anyMatch(r -> r.get() != null)) {
            if (System.nanoTime() > end) {
                return false;
            }
            System.gc();
            Thread.sleep(200);
        }
        return true;
    }

    /**
     * The heap that full GCs leave: {@code MemoryMXBean} heap usage read right after each
     * {@code System.gc()} (so other threads' allocations since hardly count), the least of 10 rounds.
     */
    private static long settledHeap() throws Exception {
        Object memory = Class.forName("java.lang.management.ManagementFactory").getMethod("getMemoryMXBean").invoke(null);
        java.lang.reflect.Method heapUsage = Class.forName("java.lang.management.MemoryMXBean").getMethod("getHeapMemoryUsage");
        java.lang.reflect.Method used = Class.forName("java.lang.management.MemoryUsage").getMethod("getUsed");
        long least = Long.MAX_VALUE;
        for (int round = 0; round < 10; round++) {
            Thread.sleep(200);
            System.gc();
            least = Math.min(least, (long) used.invoke(heapUsage.invoke(memory)));
        }
        if (least <= 0) {
            throw new IllegalStateException("the MemoryMXBean reports no heap used: " + least);
        }
        return least;
    }

    /**
     * Waits until the thread count has not changed for 5 s (at most 90 s): the loaders' idle threads
     * end, and with them their allocation buffers, which would blur the heap measure.
     */
    private static void settleThreads() throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        int count = liveThreads();
        long stableSince = System.nanoTime();
        while (System.nanoTime() - stableSince < TimeUnit.SECONDS.toNanos(5) && System.nanoTime() < end) {
            Thread.sleep(250);
            int now = liveThreads();
            if (now != count) {
                count = now;
                stableSince = System.nanoTime();
            }
        }
    }

    /** The live thread count once it is at most {@code target}, or after 90 s (idle pools end after 60 s). */
    private static int awaitThreads(int target) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (liveThreads() > target && System.nanoTime() < end) {
            Thread.sleep(500);
        }
        return liveThreads();
    }

    private static int liveThreads() {
        return Thread.getAllStackTraces().size();
    }

    /** Live threads by name, digits folded ("URL-Loader-7" counts as "URL-Loader-#"). */
    private static Map<String, Integer> threadNames() {
        Map<String, Integer> names = new TreeMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            names.merge(t.getName().replaceAll("\\d+", "#"), 1, Integer::sum);
        }
        return names;
    }

    private static Map<String, Integer> newThreads(Map<String, Integer> before) {
        Map<String, Integer> added = new TreeMap<>();
        threadNames().forEach((name, count) -> {
            int more = count - before.getOrDefault(name, 0);
            if (more > 0) {
                added.put(name, more);
            }
        });
        return added;
    }
}
