package io.github.fxsession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.fxsession.testing.HoldPartition;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A persistent partition belongs to one process at a time: WebView cannot share a storage directory
 * between processes. The other process here is a child JVM ({@link HoldPartition}) that uses this JVM's
 * user-data root, since that root is fixed by surefire's {@code fxsession.userDataPath} for the whole
 * test JVM.
 */
class PartitionLockTest {

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aPersistentPartitionHeldByAnotherProcessIsRefusedNamingItsDirectory() throws Exception {
        Path directory = Session.getUserDataPath().resolve("Partitions").resolve("locked-by-child");
        Process holder = startHolder("persist:locked-by-child");
        try {
            awaitReady(holder);

            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> Session.fromPartition("persist:locked-by-child"));

            assertThat(e).hasMessage("partition 'persist:locked-by-child' is already in use by another process: its"
                    + " directory " + directory + " is locked (fxsession.lock); WebView cannot share a storage"
                    + " directory between processes, so use another partition or close the other process");
        } finally {
            kill(holder);
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aPersistentPartitionIsFreeAgainOnceTheProcessHoldingItIsKilled() throws Exception {
        Process holder = startHolder("persist:released-by-child");
        try {
            awaitReady(holder);
        } finally {
            kill(holder);
        }

        Process next = startHolder("persist:released-by-child");
        try {
            awaitReady(next);
        } finally {
            kill(next);
        }
    }

    /** Starts a JVM on the plain class path that opens {@code partition} under this JVM's user-data root. */
    private static Process startHolder(String partition) throws IOException {
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-D" + "fxsession.userDataPath=" + Session.getUserDataPath(),
                "-cp", classPath(),
                HoldPartition.class.getName(),
                partition);
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /** This JVM's module path and class path, plus the build's class directories, as one class path. */
    private static String classPath() {
        Set<String> entries = new LinkedHashSet<>();
        entries.add(Path.of("target", "test-classes").toAbsolutePath().toString());
        entries.add(Path.of("target", "classes").toAbsolutePath().toString());
        for (String property : List.of("jdk.module.path", "java.class.path")) {
            String value = System.getProperty(property);
            if (value != null) {
                for (String entry : value.split(File.pathSeparator)) {
                    if (!entry.isBlank()) {
                        entries.add(entry);
                    }
                }
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    /** Waits up to 20 s for the child's READY line; fails with everything the child printed otherwise. */
    private static void awaitReady(Process child) throws InterruptedException, ExecutionException {
        List<String> output = new ArrayList<>();
        CompletableFuture<Boolean> ready = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    if (line.equals(HoldPartition.READY)) {
                        return true;
                    }
                    synchronized (output) {
                        output.add(line);
                    }
                }
                return false;
            } catch (IOException e) {
                return false;
            }
        }, PartitionLockTest::startReader);
        boolean isReady;
        try {
            isReady = ready.get(20, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            isReady = false;
        }
        synchronized (output) {
            assertThat(isReady).as("child JVM said READY; it printed:%n%s", String.join("\n", output)).isTrue();
        }
    }

    /** Reads on its own daemon thread: the common pool may have a single thread on small machines. */
    private static void startReader(Runnable reader) {
        Thread thread = new Thread(reader, "hold-partition-reader");
        thread.setDaemon(true);
        thread.start();
    }

    /** Kills the child as a crash would (the operating system, not the JVM, must release its lock). */
    private static void kill(Process child) throws InterruptedException {
        child.destroyForcibly();
        if (!child.waitFor(10, TimeUnit.SECONDS)) {
            throw new AssertionError("child JVM " + child.pid() + " did not end");
        }
    }
}
