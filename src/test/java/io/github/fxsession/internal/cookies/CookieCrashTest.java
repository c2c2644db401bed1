package io.github.fxsession.internal.cookies;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.fxsession.testing.ChildJvm;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process killed (SIGKILL) while it writes its cookie file leaves a file that loads, whole, with at
 * least every generation of cookies it had acknowledged as flushed: only the unflushed tail is lost. A
 * child JVM ({@link CookieWriterChild}) writes as fast as it can and is killed at a random moment, many
 * times over the same directory (30 times, or as many as fit in about 20 s but at least 10); each run
 * starts from what the previous one left.
 */
class CookieCrashTest {

    /** Kills, unless the time budget runs out first; never fewer than {@link #MIN_RUNS}. */
    private static final int RUNS = 30;
    private static final int MIN_RUNS = 10;
    /** About 20 s on an idle 2-core machine; a machine shared with other builds gets fewer kills. */
    private static final long BUDGET_NANOS = TimeUnit.SECONDS.toNanos(20);

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aProcessKilledDuringWritesAlwaysLeavesAFileWithEverythingItFlushed() throws Exception {
        Random random = new Random();
        long onDisk = 0;
        int killedMidWrite = 0;
        long start = System.nanoTime();
        int runs = 0;
        Child next = new Child(dir);
        try {
            while (next != null) {
                int run = runs++;
                boolean last = runs == RUNS || (runs >= MIN_RUNS && System.nanoTime() - start > BUDGET_NANOS);
                Child child = next;
                child.go();
                // the next JVM starts up while this one writes; it loads the file once this one is dead
                next = last ? null : new Child(dir);
                try {
                    assertThat(child.firstFlush.await(20, TimeUnit.SECONDS)).as("run %d flushed: %s", run, child).isTrue();
                    Thread.sleep(random.nextInt(100));
                } finally {
                    child.kill();
                }
                assertThat(child.lines()).as("run %d loaded what run %d left", run, run - 1)
                        .first().isEqualTo(CookieWriterChild.LOADED + onDisk);
                long acknowledged = lastFlushed(child.lines());
                if (Files.exists(dir.resolve("Cookies.json.tmp"))) {
                    killedMidWrite++;
                }

                CookieFile.LoadResult loaded = CookieFile.in(dir).read();

                assertThat(loaded.problem()).as("run %d", run).isNull();
                onDisk = CookieWriterChild.generationOf(loaded.cookies());
                assertThat(onDisk).as("generation on disk after run %d, which acknowledged %d", run, acknowledged)
                        .isGreaterThanOrEqualTo(acknowledged);
            }
        } finally {
            if (next != null) {
                next.kill();
            }
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("Cookies.json");
        }
        System.out.printf("cookie crash test: %d kills in %d ms, %d during a write (temporary file left), last"
                + " generation %d%n", runs, (System.nanoTime() - start) / 1_000_000, killedMidWrite, onDisk);
    }

    /** The last generation the child acknowledged as flushed. */
    private static long lastFlushed(List<String> lines) {
        return lines.stream().filter(line -> line.startsWith(CookieWriterChild.FLUSHED))
                .mapToLong(line -> Long.parseLong(line.substring(CookieWriterChild.FLUSHED.length())))
                .max().orElseThrow();
    }

    /** A started {@link CookieWriterChild}, and everything it prints after {@code READY}, collected until it ends. */
    private static final class Child {
        final Process process;
        final List<String> lines = new ArrayList<>();
        final CountDownLatch ready = new CountDownLatch(1);
        final CountDownLatch firstFlush = new CountDownLatch(1);
        final Thread reader;

        Child(Path dir) throws IOException {
            process = ChildJvm.start(CookieWriterChild.class, List.of("-XX:+UseSerialGC"), dir.toString());
            reader = Thread.ofPlatform().daemon().start(() -> {
                try (BufferedReader in = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = in.readLine()) != null; ) {
                        if (line.equals(CookieWriterChild.READY)) {
                            ready.countDown();
                            continue;
                        }
                        synchronized (lines) {
                            lines.add(line);
                        }
                        if (line.startsWith(CookieWriterChild.FLUSHED)) {
                            firstFlush.countDown();
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }

        /**
         * Kills the child with SIGKILL and waits until everything it printed before is read. Not
         * {@link Process#destroyForcibly()}: that also closes the streams, losing the last lines.
         */
        void kill() throws InterruptedException {
            process.toHandle().destroyForcibly();
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("child %d ended", process.pid()).isTrue();
            reader.join(10_000);
        }

        /** Waits until the child started up, then lets it load the file and write. */
        void go() throws IOException, InterruptedException {
            assertThat(ready.await(20, TimeUnit.SECONDS)).as("child started: %s", this).isTrue();
            process.getOutputStream().write('\n');
            process.getOutputStream().flush();
        }

        List<String> lines() {
            synchronized (lines) {
                return List.copyOf(lines);
            }
        }

        @Override
        public String toString() {
            return String.join("\n", lines());
        }
    }
}
