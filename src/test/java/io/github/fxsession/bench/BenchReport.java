package io.github.fxsession.bench;

import io.github.fxsession.testing.FxToolkit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javafx.application.Platform;
import tools.jackson.databind.JsonNode;

/**
 * The one benchmark report: reads the {@code <benchmark>.json} files the harnesses of
 * {@code ./mvnw -Pbench} wrote through {@link BenchResults} and writes {@code report.md} (one table,
 * ratios first, with the machine's facts) and {@code report.png} (the ratios as a chart, {@link BenchChart})
 * into the same folder. Not a test.
 *
 * <p>Arguments: {@code --reset} (run first: deletes the previous run's JSON files and notes the start of
 * the run), then the names of the benchmarks expected, in the order of the table: one that wrote no file
 * is reported as not run. System property {@code bench.results} (the folder, default
 * {@code target/benchmarks}).
 *
 * <p>Threading: main thread; the chart is drawn on the FX thread.
 */
public final class BenchReport {

    static final String MARKDOWN = "report.md";
    static final String CHART = "report.png";
    private static final String RUN_START = "run-started";

    /** One harness's file: its facts and rows. */
    record Result(String benchmark, String title, boolean quick, Instant startedAt, double seconds, int cores,
            String loadAverage, String jdk, List<BenchResults.Row> rows) {
    }

    private BenchReport() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = BenchResults.folder();
        if (args.length > 0 && args[0].equals("--reset")) {
            reset(folder);
            return;
        }
        FxToolkit.start();
        try {
            Path md = write(folder, List.of(args));
            System.out.println(Files.readString(md));
            System.out.println("report: " + md.toAbsolutePath() + ", chart: " + folder.resolve(CHART).toAbsolutePath());
        } finally {
            Platform.exit();
        }
    }

    /** Deletes the previous run's results and notes when this run began. */
    static void reset(Path folder) throws IOException {
        Files.createDirectories(folder);
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".json") || name.equals(MARKDOWN) || name.equals(CHART)) {
                    Files.delete(file);
                }
            }
        }
        Files.writeString(folder.resolve(RUN_START), Instant.now().toString());
    }

    /**
     * Writes {@code report.md} and {@code report.png} into {@code folder} from its JSON files; the
     * benchmarks of {@code expected} come first, in that order, and those without a file are listed as not
     * run. Returns the Markdown file. Call from any thread but the FX thread (the toolkit must run).
     */
    static Path write(Path folder, List<String> expected) throws IOException {
        Map<String, Result> results = new LinkedHashMap<>();
        expected.forEach(name -> results.put(name, null));
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                Result result = read(file);
                results.put(result.benchmark(), result);
            }
        }
        Instant runStart = Files.exists(folder.resolve(RUN_START))
                ? Instant.parse(Files.readString(folder.resolve(RUN_START)).trim())
                : results.values().stream().filter(r -> r != null).map(Result::startedAt).min(Instant::compareTo)
                        .orElse(Instant.now());
        List<BenchChart.Bar> bars = new ArrayList<>();
        String markdown = markdown(results, runStart, Instant.now(), bars);
        Path md = folder.resolve(MARKDOWN);
        Files.writeString(md, markdown);
        BenchChart.write(bars, folder.resolve(CHART));
        return md;
    }

    static Result read(Path file) throws IOException {
        JsonNode root = BenchResults.JSON.readTree(Files.readString(file));
        return new Result(root.path("benchmark").asString(), root.path("title").asString(),
                root.path("quick").asBoolean(), Instant.parse(root.path("startedAt").asString()),
                root.path("seconds").asDouble(), root.path("cores").asInt(), root.path("loadAverage").asString(),
                root.path("jdk").asString(), BenchResults.readRows(root));
    }

    static String markdown(Map<String, Result> results, Instant runStart, Instant now, List<BenchChart.Bar> bars) {
        List<Result> ran = results.values().stream().filter(r -> r != null).toList();
        boolean quick = ran.stream().anyMatch(Result::quick);
        StringBuilder md = new StringBuilder("# fxsession benchmark report\n\n");
        md.append(String.format(Locale.ROOT, "`./mvnw -Pbench%s` on %s UTC%s. Machine: %d cores, %s %s; JDK %s;"
                + " JavaFX %s; load average (1/5/15 min) at the end: %s. Total run time: %s (from the first"
                + " benchmark to this report).%n%n",
                quick ? " -Dbench.quick=true" : "", DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(now.atOffset(ZoneOffset.UTC)),
                quick ? " (quick mode: few iterations, for a rough picture)" : "",
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"), System.getProperty("os.arch"),
                ran.isEmpty() ? System.getProperty("java.runtime.version") : ran.get(0).jdk(),
                System.getProperty("javafx.runtime.version", "?"), LoaderBenchmark.loadAverage(),
                duration(Duration.between(runStart, now))));
        md.append("Ratio = figure / baseline, both measured in the same run, so that the machine's load weighs on"
                + " both alike. *Better* says which side of 1.0 is good for that figure; a target is a bound on the"
                + " ratio. Each harness also prints and writes its own detailed Markdown under `target/bench/`.\n\n");
        md.append("| Benchmark | Ratio | Figure | Baseline (same run) | Better | Target |\n");
        md.append("|---|---:|---:|---:|---|---|\n");
        for (Map.Entry<String, Result> entry : results.entrySet()) {
            Result result = entry.getValue();
            if (result == null) {
                md.append("| **").append(entry.getKey()).append("**: not run (no result file) | | | | | |\n");
                continue;
            }
            for (BenchResults.Row row : result.rows()) {
                String name = result.benchmark() + ": " + row.name();
                Double ratio = row.ratio();
                md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n", cell(name),
                        ratio == null ? "" : "**" + number(ratio) + "**", number(row.value()) + " " + row.unit(),
                        row.baseline() == null ? "" : number(row.baseline()) + " " + row.baselineUnit() + " ("
                                + cell(row.baselineName()) + ")",
                        row.betterIs() == BenchResults.BetterIs.LOWER ? "lower" : "higher", target(row)));
                if (ratio != null && ratio > 0) {
                    bars.add(new BenchChart.Bar(name, ratio, row.target(), row.betterIs(), row.met()));
                }
            }
        }
        md.append("\n| Harness | Took | Load average at its end | Title |\n|---|---:|---|---|\n");
        for (Result result : ran) {
            md.append(String.format(Locale.ROOT, "| %s | %.0f s | %s | %s |%n", result.benchmark(), result.seconds(),
                    result.loadAverage(), cell(result.title())));
        }
        md.append("\nChart: [").append(CHART).append("](").append(CHART).append(") (ratios on a log scale).\n");
        return md.toString();
    }

    private static String target(BenchResults.Row row) {
        String note = row.note() == null ? "" : cell(row.note());
        if (row.target() == null) {
            return note;
        }
        String bound = (row.betterIs() == BenchResults.BetterIs.LOWER ? "<= " : ">= ") + number(row.target());
        return bound + ": " + (Boolean.TRUE.equals(row.met()) ? "met" : "**missed**") + (note.isEmpty() ? "" : "; " + note);
    }

    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }

    /** Three significant digits, no exponent. */
    static String number(double value) {
        double abs = Math.abs(value);
        if (abs >= 100 || abs == 0) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        int decimals = Math.min(6, 2 - (int) Math.floor(Math.log10(abs)));
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    private static String duration(Duration d) {
        return d.toMinutes() > 0 ? String.format(Locale.ROOT, "%d min %02d s", d.toMinutes(), d.toSecondsPart())
                : d.toSeconds() + " s";
    }
}
