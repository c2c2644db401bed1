package io.github.fxsession.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Kills child JVMs with SIGKILL at random moments while they write a store, again and again over the same
 * folder, and checks after each kill what the store left.
 *
 * <p>The child protocol ({@link #awaitGo}, {@link #ack}): a child starts up (loading its classes on a
 * throw-away folder), prints {@value #READY}, waits for one line on its standard input (the "go" line,
 * which may carry data), then works on its folder and prints {@value #ACK}{@code <value>} each time a
 * write is acknowledged as durable. The parent starts the next children while the current one works, so
 * that start-ups overlap; it sends "go" to the next only after the current one is dead and checked. A child whose
 * standard input ends (the parent closed it, or died) exits normally.
 *
 * <p>Start-up is most of the cost of a kill, so children run from jars of the build's class folders with a
 * dynamic class-data-sharing archive (one per main class), which one warm-up child that exits normally
 * writes ({@code -XX:+AutoCreateSharedArchive}); several lanes (each its own folder and chain of children)
 * run at once.
 */
public final class CrashLoop {

    public static final String READY = "READY";
    public static final String ACK = "ACK ";
    /** A process ended by signal 9 on Linux: {@link Process#exitValue()} is 128 + the signal. */
    static final int KILLED_BY_SIGKILL = 128 + 9;

    /** Children of a lane that start up while one works: start-up is most of the time of a kill. */
    private static final int AHEAD = 2;
    private static final Object JARS_LOCK = new Object();
    private static String jarClassPath;

    private CrashLoop() {
    }

    // ---- child side ----------------------------------------------------------------------------------

    /**
     * In a child, after its warm-up: prints {@value #READY} and returns the parent's "go" line; exits when
     * there is none. Afterwards the child exits as soon as its standard input ends.
     */
    public static String awaitGo() throws IOException {
        System.out.println(READY);
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String go = in.readLine();
        if (go == null) {
            System.exit(0);
        }
        Thread.ofPlatform().daemon().start(() -> {
            try {
                while (in.readLine() != null) {
                    // only the end matters
                }
            } catch (IOException ignored) {
                // ends like the end of the stream
            }
            System.exit(0);
        });
        return go;
    }

    /** In a child: acknowledges {@code value} as durable. */
    public static void ack(Object value) {
        System.out.println(ACK + value);
        System.out.flush();
    }

    // ---- parent side ---------------------------------------------------------------------------------

    /** What one kill left: checks the folder and returns the phase the kill landed in, for the report. */
    @FunctionalInterface
    public interface AfterKill {
        String check(Path folder, Killed child) throws Exception;
    }

    /** The "go" line for the next child of a lane, computed once the previous one is dead and checked. */
    @FunctionalInterface
    public interface GoLine {
        String next(Path folder) throws Exception;
    }

    /** A killed child: its acknowledgements and everything it printed. */
    public record Killed(int kill, List<String> acks, List<String> output) {

        /** The last acknowledged value, or {@code null}. */
        public String lastAck() {
            return acks.isEmpty() ? null : acks.getLast();
        }

        @Override
        public String toString() {
            return "kill " + kill + ", child output:\n" + String.join("\n", output);
        }
    }

    /** How a loop went. */
    public record Result(int kills, long millis, Map<String, Integer> phases) {
    }

    /**
     * A loop's settings: each child runs {@code child} with {@code jvmArgs}, its lane's folder and
     * {@code args} as arguments.
     */
    public record Loop(Class<?> child, List<String> jvmArgs, List<String> args, int kills, int lanes) {
    }

    /**
     * Runs {@code loop.kills()} kills (at least; spread over {@code loop.lanes()} lanes, each in its own
     * sub-folder {@code lane-N} of {@code root}); each child is killed at a random moment
     * ({@link #awaitKillMoment}).
     */
    public static Result run(Loop loop, Path root, GoLine goLine, AfterKill afterKill) throws Exception {
        long start = System.nanoTime();
        warmUp(loop, root.resolve("warm-up"), goLine);
        int perLane = (loop.kills() + loop.lanes() - 1) / loop.lanes();
        Map<String, Integer> phases = new TreeMap<>();
        ExecutorService lanes = Executors.newFixedThreadPool(loop.lanes());
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int lane = 0; lane < loop.lanes(); lane++) {
                Path folder = Files.createDirectories(root.resolve("lane-" + lane));
                long seed = new Random().nextLong();
                running.add(lanes.submit(() -> {
                    runLane(loop, folder, perLane, new Random(seed), goLine, afterKill, phases);
                    return null;
                }));
            }
            for (Future<?> lane : running) {
                try {
                    lane.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof Error error) {
                        throw error;
                    }
                    throw e.getCause() instanceof Exception cause ? cause : e;
                }
            }
        } finally {
            lanes.shutdownNow();
        }
        int kills = phases.values().stream().mapToInt(Integer::intValue).sum();
        Result result = new Result(kills, (System.nanoTime() - start) / 1_000_000, Map.copyOf(phases));
        System.out.printf("crash loop %s: %d kills in %d ms (%d lanes), phases %s%n", loop.child().getSimpleName(),
                result.kills(), result.millis(), loop.lanes(), phases);
        return result;
    }

    private static void runLane(Loop loop, Path folder, int kills, Random random, GoLine goLine,
            AfterKill afterKill, Map<String, Integer> phases) throws Exception {
        Deque<Child> starting = new ArrayDeque<>();
        int started = 0;
        try {
            for (int kill = 0; kill < kills; kill++) {
                while (starting.size() < AHEAD && started < kills) {
                    starting.add(new Child(loop, folder));
                    started++;
                }
                Child child = starting.peek();
                child.go(goLine.next(folder));
                awaitKillMoment(child, random);
                child.kill();
                starting.remove();
                String phase = afterKill.check(folder, new Killed(kill, child.acks(), child.lines()));
                synchronized (phases) {
                    phases.merge(phase, 1, Integer::sum);
                }
            }
        } finally {
            for (Child child : starting) {
                child.process.toHandle().destroyForcibly();
            }
        }
    }

    /**
     * Waits for a random moment of the child's work, measured in its own acknowledgements so that a slow
     * (loaded) machine moves the moments with it: one time in eight within 50 ms of "go" (while it loads
     * the store, before it writes), else after its first to fourth acknowledgement plus a random part of
     * the mean time between two of them (anywhere in the next write: before it, in the temporary file,
     * between fsync and rename, after it).
     */
    private static void awaitKillMoment(Child child, Random random) throws InterruptedException {
        if (random.nextInt(8) == 0) {
            Thread.sleep(random.nextInt(50));
            return;
        }
        long interval = child.awaitAcks(1 + random.nextInt(4));
        TimeUnit.NANOSECONDS.sleep(random.nextLong(interval + 1));
    }

    /**
     * One child that works until its first acknowledgement and then exits normally, writing the class-data
     * archive the others start from.
     */
    private static void warmUp(Loop loop, Path folder, GoLine goLine) throws Exception {
        Files.createDirectories(folder);
        Child child = new Child(loop, folder);
        try {
            child.go(goLine.next(folder));
            if (!child.firstAck.await(60, TimeUnit.SECONDS)) {
                throw new AssertionError("the warm-up child acknowledged nothing: " + child);
            }
            child.process.getOutputStream().close();
            if (!child.process.waitFor(60, TimeUnit.SECONDS)) {
                throw new AssertionError("the warm-up child did not exit: " + child);
            }
        } finally {
            child.process.toHandle().destroyForcibly();
        }
    }

    /**
     * The phase a kill landed in, told by what it left: the temporary file of a write ({@code temp}, whole
     * when {@code whole} says so: written, being forced or renamed) or none (before the child's first
     * acknowledged write, or between two writes). Call it before the store is loaded: loading deletes it.
     */
    public static String phase(Killed child, Path temp, java.util.function.Predicate<byte[]> whole) throws IOException {
        if (Files.exists(temp)) {
            return whole.test(Files.readAllBytes(temp)) ? "temp file whole, not renamed" : "temp file partial";
        }
        return child.acks().isEmpty() ? "before the first acknowledged write" : "between writes";
    }

    /** The names in {@code folder}, sorted. */
    public static List<String> list(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** The child JVM command's class path: jars of the class folders (CDS archives only jars), then the rest. */
    static String jarClassPath() throws IOException {
        synchronized (JARS_LOCK) {
            if (jarClassPath == null) {
                Path dir = Files.createDirectories(Path.of("target", "crash-jvm").toAbsolutePath());
                List<String> entries = new ArrayList<>();
                for (String entry : ChildJvm.classPath().split(java.io.File.pathSeparator)) {
                    Path path = Path.of(entry);
                    if (Files.isDirectory(path)) {
                        Path jar = dir.resolve(path.getFileName() + ".jar");
                        jar(path, jar);
                        entries.add(jar.toString());
                    } else {
                        entries.add(entry);
                    }
                }
                // an archive of other jars would not be used, nor replaced (-XX:+AutoCreateSharedArchive
                // replaces only missing ones): each run starts without
                try (Stream<Path> archives = Files.list(dir)) {
                    for (Path archive : (Iterable<Path>) archives.filter(p -> p.toString().endsWith(".jsa"))::iterator) {
                        Files.delete(archive);
                    }
                }
                jarClassPath = String.join(java.io.File.pathSeparator, entries);
            }
            return jarClassPath;
        }
    }

    private static void jar(Path folder, Path jar) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             Stream<Path> files = Files.walk(folder)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                out.putNextEntry(new JarEntry(folder.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
        }
    }

    /** A started child, and everything it prints after {@value #READY}, collected until it ends. */
    private static final class Child {
        final Process process;
        final List<String> lines = new ArrayList<>();
        final CountDownLatch ready = new CountDownLatch(1);
        final CountDownLatch firstAck = new CountDownLatch(1);
        /** When "go" was sent and when each acknowledgement was read, in {@link System#nanoTime()}. */
        final List<Long> times = new ArrayList<>();
        final Thread reader;

        Child(Loop loop, Path folder) throws IOException {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData",
                    "-XX:+AutoCreateSharedArchive", "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
                    "-XX:SharedArchiveFile=" + Path.of("target", "crash-jvm", loop.child().getSimpleName() + ".jsa")
                            .toAbsolutePath()));
            command.addAll(loop.jvmArgs());
            command.addAll(List.of("-cp", jarClassPath(), loop.child().getName(), folder.toString()));
            command.addAll(loop.args());
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
            reader = Thread.ofPlatform().daemon().start(() -> {
                try (BufferedReader in = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = in.readLine()) != null; ) {
                        if (line.equals(READY)) {
                            ready.countDown();
                            continue;
                        }
                        synchronized (lines) {
                            lines.add(line);
                        }
                        if (line.startsWith(ACK)) {
                            firstAck.countDown();
                            synchronized (lines) {
                                times.add(System.nanoTime());
                                lines.notifyAll();
                            }
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }

        /** Waits until the child started up, then lets it work. */
        void go(String line) throws IOException, InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (!ready.await(200, TimeUnit.MILLISECONDS)) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    reader.join(5_000);
                    throw new AssertionError("child " + process.pid() + " did not start: " + this);
                }
            }
            OutputStream out = process.getOutputStream();
            synchronized (lines) {
                times.add(System.nanoTime());
            }
            out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        /**
         * Waits until the child acknowledged {@code count} writes (at most 120 s, or until it ends); returns
         * the mean time between two acknowledgements (or from "go" to the first) in nanoseconds.
         */
        long awaitAcks(int count) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            synchronized (lines) {
                while (times.size() <= count && process.isAlive() && System.nanoTime() < deadline) {
                    lines.wait(100);
                }
                if (times.size() < 2) {
                    throw new AssertionError("child " + process.pid() + " acknowledged nothing: " + this);
                }
                return (times.getLast() - times.getFirst()) / (times.size() - 1);
            }
        }

        /**
         * Kills the child with SIGKILL and waits until everything it printed before is read. Not
         * {@link Process#destroyForcibly()}: that also closes the streams, losing the last lines.
         */
        void kill() throws InterruptedException {
            process.toHandle().destroyForcibly();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                throw new AssertionError("child " + process.pid() + " did not end");
            }
            reader.join(20_000);
            if (System.getProperty("os.name").startsWith("Linux") && process.exitValue() != KILLED_BY_SIGKILL) {
                throw new AssertionError("child " + process.pid() + " ended with " + process.exitValue()
                        + ", not by SIGKILL (" + KILLED_BY_SIGKILL + "): " + this);
            }
        }

        List<String> acks() {
            return lines().stream().filter(l -> l.startsWith(ACK)).map(l -> l.substring(ACK.length())).toList();
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
