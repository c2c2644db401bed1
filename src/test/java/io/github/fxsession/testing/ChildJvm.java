package io.github.fxsession.testing;

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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Another JVM for tests that need a second process or a fresh JVM: it runs a main class of the tests on
 * the plain class path built from this JVM's module path and class path.
 */
public final class ChildJvm {

    private ChildJvm() {
    }

    /** Starts {@code main} with {@code jvmArgs} (e.g. {@code -Dx=y}) and {@code args}; output and errors merged. */
    public static Process start(Class<?> main, List<String> jvmArgs, String... args) throws IOException {
        return start(classPath(), main, jvmArgs, args);
    }

    /** Starts {@code main} as {@link #start(Class, List, String...)} does, on the given class path. */
    public static Process start(String classPath, Class<?> main, List<String> jvmArgs, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:TieredStopAtLevel=1");
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(classPath);
        command.add(main.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /** This JVM's module path and class path, plus the build's class directories, as one class path. */
    public static String classPath() {
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

    /**
     * Reads the child's output until a line starts with {@code prefix}, at most {@code seconds}; returns
     * that line, or fails with everything the child printed.
     */
    public static String awaitLine(Process child, String prefix, int seconds) throws InterruptedException {
        List<String> output = new ArrayList<>();
        CompletableFuture<String> found = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    if (line.startsWith(prefix)) {
                        found.complete(line);
                        return;
                    }
                    synchronized (output) {
                        output.add(line);
                    }
                }
                found.complete(null);
            } catch (IOException e) {
                found.complete(null);
            }
        }, "child-jvm-reader");
        reader.setDaemon(true);
        reader.start();
        String line;
        try {
            line = found.get(seconds, TimeUnit.SECONDS);
        } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
            line = null;
        }
        if (line == null) {
            synchronized (output) {
                throw new AssertionError("child JVM printed no line starting with '" + prefix + "'; it printed:\n"
                        + String.join("\n", output));
            }
        }
        return line;
    }

    /** Kills the child as a crash would (the operating system, not the JVM, releases what it held). */
    public static void kill(Process child) throws InterruptedException {
        child.destroyForcibly();
        if (!child.waitFor(10, TimeUnit.SECONDS)) {
            throw new AssertionError("child JVM " + child.pid() + " did not end");
        }
    }
}
