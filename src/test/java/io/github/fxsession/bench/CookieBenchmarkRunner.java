package io.github.fxsession.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link CookieBenchmark} with short JMH settings (3 warm-up and 5 measured iterations of 1 s, one
 * fork) and writes the median of the measured iterations of each benchmark, with the ratios to the
 * JDK baselines, as Markdown to {@code bench.report} (default {@code target/bench/cookie-benchmark.md}).
 * Run by {@code ./mvnw -Pbench}; {@code bench.cookies.iterations} changes the measured iterations.
 */
public final class CookieBenchmarkRunner {

    private static final Map<String, String> TARGETS = Map.of(
            "headerLookup", "< 5 us",
            "storeSetCookie", "< 5 us",
            "flush", "< 50 ms");

    private static final Path SCHEDSTAT = Path.of("/proc/thread-self/schedstat");

    private CookieBenchmarkRunner() {
    }

    /** CPU time per operation in microseconds, median of {@code rounds}, for each benchmark method. */
    private static Map<String, Double> cpuTimes(int rounds) throws Exception {
        CookieBenchmark bench = new CookieBenchmark();
        bench.fill();
        try {
            Map<String, Callable<?>> operations = new LinkedHashMap<>();
            operations.put("headerLookup", bench::headerLookup);
            operations.put("headerLookupJdkBaseline", bench::headerLookupJdkBaseline);
            operations.put("storeSetCookie", () -> {
                bench.storeSetCookie();
                return null;
            });
            operations.put("storeSetCookieJdkBaseline", () -> {
                bench.storeSetCookieJdkBaseline();
                return null;
            });
            operations.put("flush", bench::flush);
            // warm-up twice round all operations: on a loaded machine the JIT's threads wait for a core too
            for (int pass = 0; pass < 2; pass++) {
                for (Callable<?> operation : operations.values()) {
                    cpuMicrosPerOp(operation, 500_000_000L);
                }
            }
            Map<String, List<Double>> perRound = new LinkedHashMap<>();
            for (int round = 0; round < rounds; round++) {
                for (Map.Entry<String, Callable<?>> operation : operations.entrySet()) {
                    perRound.computeIfAbsent(operation.getKey(), k -> new ArrayList<>())
                            .add(cpuMicrosPerOp(operation.getValue(), 200_000_000L));
                }
            }
            Map<String, Double> result = new LinkedHashMap<>();
            perRound.forEach((name, values) -> result.put(name, LoaderBenchmark.median(values)));
            return result;
        } finally {
            bench.deleteFile();
        }
    }

    /**
     * Runs {@code operation} until this thread has run {@code cpuNanos} on a CPU; microseconds per call.
     * The time is Linux's {@code /proc/thread-self/schedstat} (nanoseconds on a CPU, this thread only:
     * garbage collection and JIT threads are not counted); elsewhere the process CPU time.
     */
    private static double cpuMicrosPerOp(Callable<?> operation, long cpuNanos) throws Exception {
        long start = cpuNanos();
        long calls = 0;
        long batch = 1;
        long used;
        do {
            for (long i = 0; i < batch; i++) {
                operation.call();
            }
            calls += batch;
            used = cpuNanos() - start;
            if (used < cpuNanos / 50) {
                batch *= 2; // so that reading the clock costs nothing next to the calls
            }
        } while (used < cpuNanos);
        return used / 1000.0 / calls;
    }

    private static long cpuNanos() {
        try {
            return Long.parseLong(Files.readString(SCHEDSTAT).trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException notLinux) {
            return ProcessHandle.current().info().totalCpuDuration().orElseThrow().toNanos();
        }
    }

    public static void main(String[] args) throws Exception {
        int iterations = Integer.getInteger("bench.cookies.iterations", 5);
        int warmups = Integer.getInteger("bench.cookies.warmups", 3);
        Path report = Path.of(System.getProperty("bench.cookies.report", "target/bench/cookie-benchmark.md"));
        Options options = new OptionsBuilder()
                .include(CookieBenchmark.class.getName() + "\\.")
                .warmupIterations(warmups).warmupTime(TimeValue.seconds(1))
                .measurementIterations(iterations).measurementTime(TimeValue.seconds(1))
                .forks(1).jvmArgsAppend("-Xmx1g")
                .build();
        String loadBefore = LoaderBenchmark.loadAverage();
        Collection<RunResult> results = new Runner(options).run();
        String loadAfter = LoaderBenchmark.loadAverage();

        Map<String, Double> cpu = cpuTimes(iterations);
        Map<String, Double> medians = new LinkedHashMap<>();
        Map<String, String> units = new LinkedHashMap<>();
        for (RunResult result : results) {
            String name = result.getParams().getBenchmark().replaceAll(".*\\.", "");
            List<Double> scores = new ArrayList<>();
            for (BenchmarkResult benchmark : result.getBenchmarkResults()) {
                for (IterationResult iteration : benchmark.getIterationResults()) {
                    scores.add(iteration.getPrimaryResult().getScore());
                }
            }
            medians.put(name, LoaderBenchmark.median(scores));
            units.put(name, result.getPrimaryResult().getScoreUnit());
        }

        StringBuilder md = new StringBuilder();
        md.append("# Cookie store benchmark\n\n");
        md.append(String.format(Locale.ROOT, "JMH, %d warm-up + %d measured iterations of 1 s, 1 fork, %d cores, %s %s."
                + " Median of the measured iterations. Load average (1/5/15 min) before: %s, after: %s.%n%n",
                warmups, iterations, Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), loadBefore, loadAfter));
        md.append("| Benchmark | Median | JDK CookieManager baseline | Ratio | CPU per op | JDK CPU per op | CPU ratio"
                + " | Target |\n|---|---:|---:|---:|---:|---:|---:|---|\n");
        for (Map.Entry<String, Double> entry : medians.entrySet()) {
            String name = entry.getKey();
            if (name.endsWith("JdkBaseline")) {
                continue;
            }
            Double baseline = medians.get(name + "JdkBaseline");
            String unit = units.get(name);
            double scale = unit.startsWith("ms") ? 1000 : 1;
            Double cpuBaseline = cpu.get(name + "JdkBaseline");
            md.append(String.format(Locale.ROOT, "| %s | %.3f %s | %s | %s | %.3f %s | %s | %s | %s |%n", name,
                    entry.getValue(), unit,
                    baseline == null ? "" : String.format(Locale.ROOT, "%.3f %s", baseline, unit),
                    baseline == null ? "" : String.format(Locale.ROOT, "%.3f", entry.getValue() / baseline),
                    cpu.get(name) / scale, unit,
                    cpuBaseline == null ? "" : String.format(Locale.ROOT, "%.3f %s", cpuBaseline / scale, unit),
                    cpuBaseline == null ? "" : String.format(Locale.ROOT, "%.3f", cpu.get(name) / cpuBaseline),
                    TARGETS.getOrDefault(name, "")));
        }
        md.append("""

                *Median* is JMH's wall-clock time per operation. *CPU per op* is the time the benchmark
                thread spent on a CPU per operation (Linux schedstat; GC and JIT threads not counted),
                measured in this JVM after JMH (2 x 0.5 s of warm-up per benchmark, then the median of
                %d rounds of 0.2 s, the benchmarks taking turns): on a shared machine whose load average exceeds its cores it
                shows the cost of the code itself, while wall-clock time also counts waiting for a core.
                """.formatted(iterations));
        Files.createDirectories(report.toAbsolutePath().getParent());
        Files.writeString(report, md);
        System.out.println(md);
        System.out.println("report: " + report.toAbsolutePath());
        results(medians, units, cpu).write();
    }

    /** Each operation's JMH median and CPU per operation beside the JDK's, for {@link BenchReport}. */
    private static BenchResults results(Map<String, Double> medians, Map<String, String> units, Map<String, Double> cpu) {
        BenchResults results = BenchResults.of("cookie",
                "Cookie store with 3300 cookies on 500 domains against java.net.CookieManager holding the same (JMH)");
        medians.forEach((name, median) -> {
            if (name.endsWith("JdkBaseline")) {
                return;
            }
            String unit = units.get(name);
            String target = TARGETS.containsKey(name) ? "absolute target " + TARGETS.get(name) : null;
            Double baseline = medians.get(name + "JdkBaseline");
            double scale = unit.startsWith("ms") ? 1000 : 1;
            if (baseline == null) {
                results.add(BenchResults.alone(name + ", wall clock", median, unit).note(target));
                results.add(BenchResults.alone(name + ", CPU of the benchmark thread", cpu.get(name) / scale, unit));
            } else {
                results.add(BenchResults.row(name + ", wall clock", median, unit, baseline, "JDK CookieManager")
                        .note(target));
                results.add(BenchResults.row(name + ", CPU of the benchmark thread", cpu.get(name) / scale, unit,
                        cpu.get(name + "JdkBaseline") / scale, "JDK CookieManager"));
            }
        });
        return results;
    }
}
