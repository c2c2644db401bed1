package io.github.fxsession.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Compares page-load time through three loaders: A, stock JavaFX ({@code HTTP2Loader}); B, the fxsession
 * chain; C, a bare pass-through {@code URLStreamHandlerFactory} over the JDK's {@code HttpURLConnection}.
 * Not a test: run it with {@code ./mvnw -Pbench} (see {@code docs/performance.md}).
 *
 * <p>WebKit chooses its loader once per JVM, so every variant runs in its own child JVM
 * ({@link LoaderBenchmarkChild}); the JVMs alternate A B C A B C ... so that drift of the machine
 * (thermal, other load) spreads over all variants alike. This JVM hosts the loopback
 * {@link BenchServer}, so a child's CPU time is the client's alone. The result is the median of all timed
 * loads of a variant, and the ratios B/A, C/A and B/C.
 *
 * <p>System properties: {@code bench.rounds} (default 5), {@code bench.loads} (timed loads per JVM,
 * default 20), {@code bench.warmup} (untimed loads per JVM, default 30), {@code bench.variants}
 * (default {@code ABC}), {@code bench.css}, {@code bench.js}, {@code bench.img} (page composition, default
 * 50, 50, 100), {@code bench.jvmArgs} (extra arguments for the child JVMs, space-separated;
 * {@code {variant}} and {@code {round}} are replaced, e.g. to name a JFR file), {@code bench.classpath}
 * (class path of the child JVMs, default this JVM's), {@code bench.report} (a file for the Markdown
 * result).
 */
public final class LoaderBenchmark {

    private static final Map<String, String> NAMES = Map.of(
            "A", "stock JavaFX (HTTP2Loader)",
            "B", "fxsession chain (default session)",
            "C", "bare pass-through URL handler (JDK HttpURLConnection)");

    private LoaderBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.getInteger("bench.rounds", 5);
        int loads = Integer.getInteger("bench.loads", 20);
        int warmup = Integer.getInteger("bench.warmup", 30);
        int css = Integer.getInteger("bench.css", 50);
        int js = Integer.getInteger("bench.js", 50);
        int img = Integer.getInteger("bench.img", 100);
        String variants = System.getProperty("bench.variants", "ABC").toUpperCase(Locale.ROOT);
        String classpath = System.getProperty("bench.classpath", System.getProperty("java.class.path"));
        String extraJvmArgs = System.getProperty("bench.jvmArgs", "").trim();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");

        Map<String, List<Double>> wall = new LinkedHashMap<>();
        Map<String, List<Double>> cpu = new LinkedHashMap<>();
        Map<String, List<Double>> connections = new LinkedHashMap<>();
        Map<String, List<Double>> jvmMedians = new LinkedHashMap<>();
        for (String v : variants.split("")) {
            if (!NAMES.containsKey(v)) {
                throw new IllegalArgumentException("bench.variants must be letters of ABC: '" + variants + "'");
            }
            wall.put(v, new ArrayList<>());
            cpu.put(v, new ArrayList<>());
            connections.put(v, new ArrayList<>());
            jvmMedians.put(v, new ArrayList<>());
        }
        System.out.printf(Locale.ROOT, "loader benchmark: %d rounds of %s; per JVM %d warm-up + %d timed loads of a"
                + " page with %d css, %d js, %d img; %d cores; %s%n", rounds, String.join(" ", wall.keySet()),
                warmup, loads, css, js, img, Runtime.getRuntime().availableProcessors(), java);

        String versions = "";
        String loadBefore = loadAverage();
        long begin = System.nanoTime();
        try (BenchServer server = new BenchServer()) {
            for (int round = 1; round <= rounds; round++) {
                for (String variant : wall.keySet()) {
                    List<String> command = new ArrayList<>(List.of(java.toString(), "-cp", classpath,
                            "-Dglass.platform=Headless", "-Dprism.order=sw", "--enable-native-access=ALL-UNNAMED",
                            "-Xmx1g", "-Dbench.variant=" + variant, "-Dbench.server=" + server.origin(),
                            "-Dbench.id=r" + round + variant, "-Dbench.loads=" + loads, "-Dbench.warmup=" + warmup,
                            "-Dbench.css=" + css, "-Dbench.js=" + js, "-Dbench.img=" + img));
                    if (!extraJvmArgs.isEmpty()) {
                        command.addAll(Arrays.asList(extraJvmArgs.replace("{variant}", variant)
                                .replace("{round}", String.valueOf(round)).split("\\s+")));
                    }
                    command.add(LoaderBenchmarkChild.class.getName());
                    List<Double> times = new ArrayList<>();
                    versions = runChild(command, variant, times, cpu.get(variant), connections.get(variant));
                    double median = median(times);
                    wall.get(variant).addAll(times);
                    jvmMedians.get(variant).add(median);
                    System.out.printf(Locale.ROOT, "round %d %s: median %6.1f ms (min %.1f, max %.1f)%n", round,
                            variant, median, times.stream().mapToDouble(d -> d).min().orElse(0),
                            times.stream().mapToDouble(d -> d).max().orElse(0));
                }
            }
        }
        String report = report(wall, cpu, connections, jvmMedians, String.format(Locale.ROOT,
                "%d rounds (%s), per JVM %d warm-up + %d timed loads, page of %d css + %d js + %d img; %d cores;"
                + " %s; took %.0f s; load average (1/5/15 min) before: %s, after: %s",
                rounds, String.join(" ", wall.keySet()), warmup, loads, css, js, img,
                Runtime.getRuntime().availableProcessors(),
                versions.replaceFirst("^DONE \\S+ pages=\\d+ routed=\\d+ ", ""),
                (System.nanoTime() - begin) / 1e9, loadBefore, loadAverage()));
        System.out.println();
        System.out.println(report);
        String reportFile = System.getProperty("bench.report", "");
        if (!reportFile.isBlank()) {
            Path file = Path.of(reportFile);
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, report);
        }
        results(wall).write();
    }

    /** The ratios of the report's medians, for {@link BenchReport}. */
    private static BenchResults results(Map<String, List<Double>> wall) {
        BenchResults results = BenchResults.of("loader",
                "Page of 201 requests through three loaders, each in its own JVMs, median of all timed loads");
        String[][] pairs = {{"B", "A", "0.8"}, {"C", "A", ""}, {"B", "C", "1.1"}};
        for (String[] pair : pairs) {
            if (wall.containsKey(pair[0]) && wall.containsKey(pair[1])) {
                BenchResults.Row row = BenchResults.row("page load, " + pair[0] + " / " + pair[1] + ": "
                        + NAMES.get(pair[0]).replaceFirst(" \\(.*", "") + " / " + NAMES.get(pair[1]).replaceFirst(" \\(.*", ""),
                        median(wall.get(pair[0])), "ms", median(wall.get(pair[1])), pair[1] + ": " + NAMES.get(pair[1]));
                results.add(pair[2].isEmpty() ? row : row.target(Double.parseDouble(pair[2])));
            }
        }
        return results;
    }

    /** Runs one child JVM; adds its load times, CPU times and new connections to the lists; returns its DONE line. */
    private static String runChild(List<String> command, String variant, List<Double> times, List<Double> cpu,
            List<Double> connections) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String done = null;
        String prefix = "LOAD " + variant + " ";
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null;) {
                if (line.startsWith(prefix)) {
                    String[] fields = line.split(" ");
                    times.add(Double.parseDouble(fields[2]));
                    cpu.add(Double.parseDouble(fields[3]));
                    connections.add(Double.parseDouble(fields[4]));
                } else if (line.startsWith("DONE ")) {
                    done = line;
                } else {
                    System.out.println("  [" + variant + "] " + line);
                }
            }
        }
        int exit = process.waitFor();
        if (exit != 0 || done == null || times.isEmpty()) {
            throw new IllegalStateException("child JVM for variant " + variant + " failed (exit " + exit + ", "
                    + times.size() + " loads): " + String.join(" ", command));
        }
        return done;
    }

    private static String report(Map<String, List<Double>> wall, Map<String, List<Double>> cpu,
            Map<String, List<Double>> connections, Map<String, List<Double>> jvmMedians, String setup) {
        StringBuilder md = new StringBuilder(setup).append("\n\n");
        md.append("| Variant | Timed loads | Median load (ms) | Median per JVM, by round (ms) | CPU per load, median (ms)"
                + " | New connections per load, median |\n");
        md.append("|---|---:|---:|---|---:|---:|\n");
        Map<String, Double> medians = new LinkedHashMap<>();
        for (String v : wall.keySet()) {
            double median = median(wall.get(v));
            medians.put(v, median);
            md.append(String.format(Locale.ROOT, "| %s: %s | %d | %.1f | %s | %.0f | %.0f |%n", v, NAMES.get(v),
                    wall.get(v).size(), median, join(jvmMedians.get(v), "%.1f"), median(cpu.get(v)),
                    median(connections.get(v))));
        }
        md.append('\n');
        md.append("| Ratio | Of medians | Of CPU medians | By round | Target |\n");
        md.append("|---|---:|---:|---|---|\n");
        ratio(md, medians, cpu, jvmMedians, "B", "A", 0.8);
        ratio(md, medians, cpu, jvmMedians, "C", "A", Double.NaN);
        ratio(md, medians, cpu, jvmMedians, "B", "C", 1.1);
        return md.toString();
    }

    private static void ratio(StringBuilder md, Map<String, Double> medians, Map<String, List<Double>> cpu,
            Map<String, List<Double>> jvmMedians, String top, String bottom, double target) {
        if (!medians.containsKey(top) || !medians.containsKey(bottom)) {
            return;
        }
        double value = medians.get(top) / medians.get(bottom);
        double cpuValue = median(cpu.get(top)) / median(cpu.get(bottom));
        List<Double> t = jvmMedians.get(top);
        List<Double> b = jvmMedians.get(bottom);
        List<Double> byRound = new ArrayList<>();
        for (int i = 0; i < Math.min(t.size(), b.size()); i++) {
            byRound.add(t.get(i) / b.get(i));
        }
        String verdict = Double.isNaN(target) ? ""
                : String.format(Locale.ROOT, "<= %.2f: %s", target, value <= target ? "met" : "missed");
        md.append(String.format(Locale.ROOT, "| %s/%s | %.2f | %.2f | %s | %s |%n", top, bottom, value, cpuValue,
                join(byRound, "%.2f"), verdict));
    }

    private static String join(List<Double> values, String format) {
        List<String> out = new ArrayList<>();
        values.forEach(v -> out.add(String.format(Locale.ROOT, format, v)));
        return String.join(", ", out);
    }

    /** The 1, 5 and 15 minute load averages (Linux), or "n/a": other work on the machine skews the numbers. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(d -> d).sorted().toArray();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
