package io.github.fxsession.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The machine-readable result of one benchmark harness: each harness adds its figures, each beside the
 * baseline it measured in the same run, and {@link #write()} stores them as
 * {@code target/benchmarks/<benchmark>.json} for {@link BenchReport}, which turns all of them into one
 * table and chart.
 *
 * <pre>{@code
 * BenchResults.of("proxy", "Proxy resolution with a PAC script")
 *         .add(BenchResults.row("resolveProxy, cached", 3.0, "us", 1.5, "JDK ProxySelector").lowerIsBetter())
 *         .write();
 * }</pre>
 *
 * <p>The JSON (written with Jackson's tree model, so no reflection into this package is needed):
 * {@code {benchmark, title, quick, startedAt, finishedAt, seconds, cores, loadAverage, jdk, rows: [{name,
 * value, unit, baseline, baselineUnit, baselineName, ratio, target, betterIs, note}]}}; {@code ratio} is
 * {@code value / baseline}; {@code target} is a bound on the ratio ({@code betterIs} says which side is
 * good), {@code baseline}, {@code ratio}, {@code target} and {@code note} may be null.
 *
 * <p>System properties: {@code bench.results} (the folder, default {@code target/benchmarks}),
 * {@code bench.quick} (recorded: the run used the quick settings of {@code -Dbench.quick=true}).
 *
 * <p>Threading: not thread-safe; one harness thread fills and writes it.
 */
public final class BenchResults {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** Which way is better for a figure (and so for its ratio to the baseline). */
    public enum BetterIs {
        LOWER("lower"), HIGHER("higher");

        final String json;

        BetterIs(String json) {
            this.json = json;
        }

        static BetterIs of(String json) {
            for (BetterIs b : values()) {
                if (b.json.equals(json)) {
                    return b;
                }
            }
            throw new IllegalArgumentException("betterIs must be lower or higher: '" + json + "'");
        }
    }

    /** One figure beside its same-run baseline. */
    public record Row(String name, double value, String unit, Double baseline, String baselineUnit,
            String baselineName, Double target, BetterIs betterIs, String note) {

        public Row {
            Objects.requireNonNull(name, "name == null");
            Objects.requireNonNull(unit, "unit == null");
            Objects.requireNonNull(betterIs, "betterIs == null");
        }

        /** {@code value / baseline}, or null without a baseline. */
        public Double ratio() {
            return baseline == null || baseline == 0 ? null : value / baseline;
        }

        /** Whether the ratio meets the target; null without a target or ratio. */
        public Boolean met() {
            Double ratio = ratio();
            if (target == null || ratio == null) {
                return null;
            }
            return betterIs == BetterIs.LOWER ? ratio <= target : ratio >= target;
        }

        public Row lowerIsBetter() {
            return new Row(name, value, unit, baseline, baselineUnit, baselineName, target, BetterIs.LOWER, note);
        }

        public Row higherIsBetter() {
            return new Row(name, value, unit, baseline, baselineUnit, baselineName, target, BetterIs.HIGHER, note);
        }

        public Row target(double ratioTarget) {
            return new Row(name, value, unit, baseline, baselineUnit, baselineName, ratioTarget, betterIs, note);
        }

        public Row note(String text) {
            return new Row(name, value, unit, baseline, baselineUnit, baselineName, target, betterIs, text);
        }
    }

    private final String benchmark;
    private final String title;
    private final List<Row> rows = new ArrayList<>();

    private BenchResults(String benchmark, String title) {
        if (!benchmark.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("benchmark must be lower-case letters, digits and '-': '" + benchmark + "'");
        }
        this.benchmark = benchmark;
        this.title = Objects.requireNonNull(title, "title == null");
    }

    /** Results of the harness {@code benchmark} (the file name), described by {@code title}. */
    public static BenchResults of(String benchmark, String title) {
        return new BenchResults(Objects.requireNonNull(benchmark, "benchmark == null"), title);
    }

    /** A figure beside a baseline in the same unit; lower is better until {@link Row#higherIsBetter()}. */
    public static Row row(String name, double value, String unit, double baseline, String baselineName) {
        return new Row(name, value, unit, baseline, unit, baselineName, null, BetterIs.LOWER, null);
    }

    /** A figure without a baseline (shown in the table, not in the chart). */
    public static Row alone(String name, double value, String unit) {
        return new Row(name, value, unit, null, null, null, null, BetterIs.LOWER, null);
    }

    public BenchResults add(Row row) {
        rows.add(Objects.requireNonNull(row, "row == null"));
        return this;
    }

    public List<Row> rows() {
        return List.copyOf(rows);
    }

    /** Whether {@code -Dbench.quick=true} asked for the quick settings. */
    public static boolean quick() {
        return Boolean.getBoolean("bench.quick");
    }

    /** The folder of the JSON files: {@code bench.results}, default {@code target/benchmarks}. */
    public static Path folder() {
        return Path.of(System.getProperty("bench.results", "target/benchmarks"));
    }

    /** Writes {@code <folder()>/<benchmark>.json} (temporary file, then atomic rename); returns it. */
    public Path write() throws IOException {
        return write(folder());
    }

    Path write(Path folder) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        Instant started = ProcessHandle.current().info().startInstant().orElse(Instant.now());
        Instant finished = Instant.now();
        root.put("benchmark", benchmark);
        root.put("title", title);
        root.put("quick", quick());
        root.put("startedAt", started.toString());
        root.put("finishedAt", finished.toString());
        root.put("seconds", (finished.toEpochMilli() - started.toEpochMilli()) / 1000.0);
        root.put("cores", Runtime.getRuntime().availableProcessors());
        root.put("loadAverage", LoaderBenchmark.loadAverage());
        root.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        ArrayNode array = root.putArray("rows");
        for (Row row : rows) {
            ObjectNode node = array.addObject();
            node.put("name", row.name());
            node.put("value", row.value());
            node.put("unit", row.unit());
            node.put("baseline", row.baseline());
            node.put("baselineUnit", row.baselineUnit());
            node.put("baselineName", row.baselineName());
            node.put("ratio", row.ratio());
            node.put("target", row.target());
            node.put("betterIs", row.betterIs().json);
            node.put("note", row.note());
        }
        Files.createDirectories(folder);
        Path file = folder.resolve(benchmark + ".json");
        Path temp = folder.resolve(benchmark + ".json.tmp");
        Files.writeString(temp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.out.println("results: " + file.toAbsolutePath());
        return file;
    }

    /** The rows of a file written by {@link #write()}. */
    static List<Row> readRows(JsonNode root) {
        List<Row> out = new ArrayList<>();
        for (JsonNode node : root.path("rows")) {
            out.add(new Row(node.path("name").asString(), node.path("value").asDouble(), node.path("unit").asString(),
                    number(node, "baseline"), text(node, "baselineUnit"), text(node, "baselineName"),
                    number(node, "target"), BetterIs.of(node.path("betterIs").asString()), text(node, "note")));
        }
        return out;
    }

    private static Double number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asDouble();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    // ---- Markdown tables, for a harness that only prints them --------------------------------------------

    private static final Pattern NUMBER = Pattern.compile("(-?[0-9][0-9,]*(?:\\.[0-9]+)?)\\s*([a-zA-Zµ/%]*)");

    /**
     * Adds a row for each figure of each Markdown table of {@code markdown} that has a baseline row (a
     * row whose first cell contains "baseline"): every other row's first numeric cell against the
     * baseline's, in the unit of the cell (else of its column header). Times (s, ms, us, ns) are better
     * lower, everything else (rates) higher. The name is the section heading, then the row's first cell.
     */
    public BenchResults addMarkdownTables(String markdown) {
        String section = "";
        List<String[]> table = new ArrayList<>();
        for (String line : (markdown + "\n").split("\\R", -1)) {
            if (line.startsWith("#")) {
                section = line.replaceFirst("^#+\\s*", "").replaceFirst("\\s*\\(.*\\)\\s*$", "");
            }
            if (line.startsWith("|")) {
                table.add(cells(line));
            } else if (!table.isEmpty()) {
                addTable(section, table);
                table.clear();
            }
        }
        return this;
    }

    private static String[] cells(String line) {
        String[] raw = line.trim().replaceFirst("^\\|", "").replaceFirst("\\|$", "").split("\\|", -1);
        for (int i = 0; i < raw.length; i++) {
            raw[i] = raw[i].trim();
        }
        return raw;
    }

    private void addTable(String section, List<String[]> table) {
        if (table.size() < 3) {
            return;
        }
        String[] header = table.get(0);
        List<String[]> body = table.subList(2, table.size());
        String[] baseline = body.stream().filter(r -> r[0].toLowerCase(Locale.ROOT).contains("baseline")).findFirst()
                .orElse(null);
        if (baseline == null) {
            return;
        }
        int column = -1;
        for (int i = 1; i < baseline.length && column < 0; i++) {
            if (NUMBER.matcher(baseline[i]).matches()) {
                column = i;
            }
        }
        if (column < 0) {
            return;
        }
        String unit = unit(baseline[column], column < header.length ? header[column] : "");
        double base = parse(baseline[column]);
        String baseName = baseline[0].replaceFirst("\\s*\\(baseline[^)]*\\)", "").trim();
        for (String[] r : body) {
            if (r == baseline || column >= r.length || !NUMBER.matcher(r[column]).matches()) {
                continue;
            }
            String name = (section.isEmpty() ? "" : section + ": ") + r[0]
                    + (column < header.length && !header[column].isBlank() ? " (" + header[column] + ")" : "");
            Row row = row(name, parse(r[column]), unit, base, baseName);
            add(unit.matches("s|ms|us|µs|ns") ? row : row.higherIsBetter());
        }
    }

    private static double parse(String cell) {
        Matcher m = NUMBER.matcher(cell);
        m.matches();
        return Double.parseDouble(m.group(1).replace(",", ""));
    }

    private static String unit(String cell, String header) {
        Matcher m = NUMBER.matcher(cell);
        m.matches();
        return m.group(2).isEmpty() ? header.replaceAll("[^a-zA-Zµ/%]", "") : m.group(2);
    }
}
