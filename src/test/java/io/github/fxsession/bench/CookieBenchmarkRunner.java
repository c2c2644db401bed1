package io.github.fxsession.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
            "flushSnapshotAsJson", "< 50 ms");

    private CookieBenchmarkRunner() {
    }

    public static void main(String[] args) throws Exception {
        int iterations = Integer.getInteger("bench.cookies.iterations", 5);
        Path report = Path.of(System.getProperty("bench.cookies.report", "target/bench/cookie-benchmark.md"));
        Options options = new OptionsBuilder()
                .include(CookieBenchmark.class.getName() + "\\.")
                .warmupIterations(3).warmupTime(TimeValue.seconds(1))
                .measurementIterations(iterations).measurementTime(TimeValue.seconds(1))
                .forks(1).jvmArgsAppend("-Xmx1g")
                .build();
        String loadBefore = LoaderBenchmark.loadAverage();
        Collection<RunResult> results = new Runner(options).run();
        String loadAfter = LoaderBenchmark.loadAverage();

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
        md.append(String.format(Locale.ROOT, "JMH, 3 warm-up + %d measured iterations of 1 s, 1 fork, %d cores, %s %s."
                + " Median of the measured iterations. Load average (1/5/15 min) before: %s, after: %s.%n%n",
                iterations, Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), loadBefore, loadAfter));
        md.append("| Benchmark | Median | JDK CookieManager baseline | Ratio | Target |\n|---|---:|---:|---:|---|\n");
        for (Map.Entry<String, Double> entry : medians.entrySet()) {
            String name = entry.getKey();
            if (name.endsWith("JdkBaseline")) {
                continue;
            }
            Double baseline = medians.get(name + "JdkBaseline");
            md.append(String.format(Locale.ROOT, "| %s | %.3f %s | %s | %s | %s |%n", name, entry.getValue(),
                    units.get(name), baseline == null ? "" : String.format(Locale.ROOT, "%.3f %s", baseline,
                            units.get(name + "JdkBaseline")),
                    baseline == null ? "" : String.format(Locale.ROOT, "%.3f", entry.getValue() / baseline),
                    TARGETS.getOrDefault(name, "")));
        }
        Files.createDirectories(report.toAbsolutePath().getParent());
        Files.writeString(report, md);
        System.out.println(md);
        System.out.println("report: " + report.toAbsolutePath());
    }
}
