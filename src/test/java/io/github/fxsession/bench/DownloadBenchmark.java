package io.github.fxsession.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Download throughput: a 1 GiB file from a loopback server, through fxsession's download path
 * ({@code Session.downloadURL}: the session's chain, OkHttp, a part file, fsync, atomic publication) in a
 * child JVM with a small heap, against {@code curl} on the same server, alternating, in one run. Not a
 * test: {@code ./mvnw -Pbench} (see {@code docs/performance.md}).
 *
 * <p>System properties: {@code bench.download.rounds} (default 3), {@code bench.download.mib} (file size,
 * default 1024), {@code bench.download.heap} (the child's {@code -Xmx}, default {@code 128m}),
 * {@code bench.download.jvmArgs} (extra child JVM arguments, space-separated), {@code bench.report} (a file for the Markdown result, appended), {@code bench.classpath}.
 */
public final class DownloadBenchmark {

    private DownloadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.getInteger("bench.download.rounds", 3);
        long size = Long.getLong("bench.download.mib", 1024) * 1024 * 1024;
        String heap = System.getProperty("bench.download.heap", "128m");
        String classpath = System.getProperty("bench.classpath", System.getProperty("java.class.path"));
        Path work = Files.createDirectories(Path.of("target", "bench", "download"));
        boolean curl = hasCurl();
        System.out.printf(Locale.ROOT, "download benchmark: %d rounds, %d MiB, child -Xmx%s, curl %s, %d cores%n",
                rounds, size >> 20, heap, curl ? "found" : "NOT FOUND", Runtime.getRuntime().availableProcessors());
        List<Double> fx = new ArrayList<>();
        List<Double> curlOnly = new ArrayList<>();
        List<Double> curlSynced = new ArrayList<>();
        List<Long> heaps = new ArrayList<>();
        List<Double> curlCpu = new ArrayList<>();
        List<Double> fxCpu = new ArrayList<>();
        try (FileServer server = new FileServer(size)) {
            String url = "http://127.0.0.1:" + server.port() + "/file.bin";
            for (int round = 1; round <= rounds; round++) {
                if (curl) {
                    Path out = work.resolve("curl.bin");
                    long start = System.nanoTime();
                    // bash's times builtin reports the CPU time of its children: curl's
                    Process p = new ProcessBuilder("bash", "-c", "curl -s -S -f -o \"$0\" \"$1\" && times",
                            out.toString(), url).redirectErrorStream(true).start();
                    String times = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                    if (p.waitFor() != 0) {
                        throw new IllegalStateException("curl failed: " + p.exitValue() + " " + times);
                    }
                    double plain = (System.nanoTime() - start) / 1e9;
                    curlCpu.add(childrenCpu(times));
                    try (FileChannel channel = FileChannel.open(out, StandardOpenOption.WRITE)) {
                        channel.force(true);
                    }
                    double synced = (System.nanoTime() - start) / 1e9;
                    check(out, size);
                    Files.delete(out);
                    curlOnly.add(plain);
                    curlSynced.add(synced);
                    System.out.printf(Locale.ROOT, "round %d curl: %.2f s (%.0f MiB/s), with fsync %.2f s%n",
                            round, plain, (size >> 20) / plain, synced);
                }
                Path folder = Files.createDirectories(work.resolve("fx"));
                deleteFiles(folder); // a killed run's part file would make this download "file (1).bin"
                List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx" + heap, "-Dglass.platform=Headless", "-Dprism.order=sw",
                        "--enable-native-access=ALL-UNNAMED", "-Dfxsession.userDataPath=" + work.resolve("user-data")));
                String extra = System.getProperty("bench.download.jvmArgs", "").trim();
                if (!extra.isEmpty()) {
                    command.addAll(List.of(extra.split("\\s+")));
                }
                command.addAll(List.of("-cp", classpath, DownloadBenchmarkChild.class.getName(), url, folder.toString()));
                Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
                String result = null;
                try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = in.readLine()) != null; ) {
                        if (line.startsWith("RESULT ")) {
                            result = line;
                        } else {
                            System.out.println("  child: " + line);
                        }
                    }
                }
                if (child.waitFor() != 0 || result == null) {
                    throw new IllegalStateException("the download child failed: " + child.exitValue());
                }
                String[] parts = result.split(" ");
                double seconds = Double.parseDouble(parts[1]);
                long maxHeap = Long.parseLong(parts[2]);
                fxCpu.add(Double.parseDouble(parts[3]));
                Path file = folder.resolve("file.bin");
                check(file, size);
                Files.delete(file);
                fx.add(seconds);
                heaps.add(maxHeap);
                System.out.printf(Locale.ROOT, "round %d fxsession: %.2f s (%.0f MiB/s), max heap used %d MiB%n",
                        round, seconds, (size >> 20) / seconds, maxHeap >> 20);
            }
        }
        StringBuilder report = new StringBuilder();
        report.append(String.format(Locale.ROOT, "%n## Download benchmark%n%n%d rounds, %d MiB file, child -Xmx%s, %d cores.%n%n",
                rounds, size >> 20, heap, Runtime.getRuntime().availableProcessors()));
        report.append("| Round | fxsession (s) | curl (s) | curl + fsync (s) | fxsession CPU (s) | curl CPU (s) | fxsession max heap used (MiB) |\n|---|---:|---:|---:|---:|---:|---:|\n");
        for (int i = 0; i < fx.size(); i++) {
            report.append(String.format(Locale.ROOT, "| %d | %.2f | %s | %s | %.2f | %s | %d |%n", i + 1, fx.get(i),
                    curl ? String.format(Locale.ROOT, "%.2f", curlOnly.get(i)) : "-",
                    curl ? String.format(Locale.ROOT, "%.2f", curlSynced.get(i)) : "-", fxCpu.get(i),
                    curl ? String.format(Locale.ROOT, "%.2f", curlCpu.get(i)) : "-", heaps.get(i) >> 20));
        }
        if (curl) {
            double fxMedian = median(fx);
            report.append(String.format(Locale.ROOT, "%nThroughput fxsession / curl (medians): **%.2f**; fxsession / (curl + fsync): **%.2f**.%n",
                    median(curlOnly) / fxMedian, median(curlSynced) / fxMedian));
            report.append(String.format(Locale.ROOT, "CPU time curl / fxsession (medians): **%.2f**.%n", median(curlCpu) / median(fxCpu)));
        }
        System.out.print(report);
        results(size, fx, curl ? curlOnly : null, curlSynced, fxCpu, curlCpu, heaps, heap).write();
        String target = System.getProperty("bench.report");
        if (target != null && !target.isBlank()) {
            Path reportFile = Path.of(target);
            Files.createDirectories(reportFile.toAbsolutePath().getParent());
            Files.writeString(reportFile, report, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    /** Throughput and CPU of fxsession beside curl's (medians), for {@link BenchReport}; {@code curl} null without curl. */
    private static BenchResults results(long size, List<Double> fx, List<Double> curl, List<Double> curlSynced,
            List<Double> fxCpu, List<Double> curlCpu, List<Long> heaps, String heap) {
        BenchResults results = BenchResults.of("download",
                "Download of " + (size >> 20) + " MiB from a loopback server through Session.downloadURL against curl");
        double mib = size >> 20;
        double fxRate = mib / median(fx);
        if (curl == null) {
            results.add(BenchResults.alone("throughput fxsession (curl not found: no baseline)", fxRate, "MiB/s"));
        } else {
            results.add(BenchResults.row("throughput fxsession / curl", fxRate, "MiB/s", mib / median(curl), "curl")
                    .higherIsBetter().target(0.85));
            results.add(BenchResults.row("throughput fxsession / (curl + fsync of its file)", fxRate, "MiB/s",
                    mib / median(curlSynced), "curl + fsync").higherIsBetter());
            results.add(BenchResults.row("CPU time fxsession / curl", median(fxCpu), "s", median(curlCpu), "curl"));
        }
        results.add(BenchResults.alone("max heap used by the downloading JVM", heaps.stream().mapToLong(h -> h).max()
                .orElse(0) / 1048576.0, "MiB").note("-Xmx" + heap + "; should stay flat"));
        return results;
    }

    private static void deleteFiles(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** The children's user + system seconds from bash's {@code times} output (its second line). */
    private static double childrenCpu(String times) {
        String[] lines = times.strip().split("\\R");
        double total = 0;
        for (String field : lines[lines.length - 1].trim().split("\\s+")) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)m([0-9.]+)s").matcher(field);
            if (m.matches()) {
                total += Integer.parseInt(m.group(1)) * 60 + Double.parseDouble(m.group(2));
            }
        }
        return total;
    }

    private static boolean hasCurl() {
        try {
            return new ProcessBuilder("curl", "--version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static void check(Path file, long size) throws IOException {
        if (Files.size(file) != size) {
            throw new IllegalStateException(file + " has " + Files.size(file) + " bytes, not " + size);
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /**
     * A minimal HTTP/1.1 server on 127.0.0.1: {@code /file.bin} is {@code size} bytes (a 1 MiB random
     * block repeated), any other path the 1 MiB block, with Content-Length; then the connection closes. Plain sockets, so the server costs
     * little CPU and the clients compete only with each other.
     */
    static final class FileServer implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final byte[] block = new byte[1 << 20];
        private final long size;

        FileServer(long size) throws IOException {
            this.size = size;
            new Random(1).nextBytes(block);
            Thread accept = new Thread(this::serve, "download-bench-server");
            accept.setDaemon(true);
            accept.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        private void serve() {
            while (!socket.isClosed()) {
                try {
                    Socket client = socket.accept();
                    Thread t = new Thread(() -> answer(client), "download-bench-connection");
                    t.setDaemon(true);
                    t.start();
                } catch (IOException e) {
                    return;
                }
            }
        }

        private void answer(Socket client) {
            try (client; InputStream in = client.getInputStream(); OutputStream out = client.getOutputStream()) {
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1));
                String requestLine = reader.readLine();
                String line;
                while ((line = reader.readLine()) != null && !line.isEmpty()) {
                    // headers are not needed
                }
                long size = requestLine != null && requestLine.contains("/file.bin") ? this.size : block.length;
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: " + size
                        + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                for (long sent = 0; sent < size; sent += block.length) {
                    out.write(block, 0, (int) Math.min(block.length, size - sent));
                }
                out.flush();
            } catch (IOException e) {
                // the client went away
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
