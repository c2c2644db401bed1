package io.github.fxsession.bench;

import io.github.fxsession.internal.proxy.SessionProxy;
import io.github.fxsession.proxy.ProxyConfig;
import java.net.ProxySelector;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Measures proxy resolution with a PAC script, per call: {@code resolveProxy} (the public future) and
 * the partition's {@code ProxySelector} path (what each new connection pays), cached (the URL was seen)
 * and uncached (a new URL: one evaluation on the PAC thread), against a baseline measured in the same
 * run: the JDK's {@code ProxySelector.getDefault().select(uri)}. Not a test: run it with
 * {@code ./mvnw -Pbench} (see {@code docs/performance.md}).
 *
 * <p>System properties: {@code bench.proxy.samples} (timed samples per case, default 201),
 * {@code bench.proxy.batch} (calls per sample, default 200; short batches, so that most fit between two preemptions on a busy machine), {@code bench.proxy.report} (a file for the
 * Markdown result).
 */
public final class ProxyResolveBenchmark {

    /** A typical corporate PAC script: plain names and intranet direct, a few domains through proxies. */
    static final String PAC = """
            function FindProxyForURL(url, host) {
                if (isPlainHostName(host) || dnsDomainIs(host, '.intranet.example')) return 'DIRECT';
                if (shExpMatch(host, '*.video.example') || shExpMatch(url, 'http://*/stream/*')) return 'PROXY media.example:8080';
                if (dnsDomainIs(host, '.partner.example') || localHostOrDomainIs(host, 'www.partner.example')) return 'SOCKS5 gate.example:1080';
                if (url.substring(0, 6) == 'https:') return 'HTTPS secure.example:443; PROXY web.example:3128; DIRECT';
                if (dnsDomainLevels(host) > 4) return 'DIRECT';
                return 'PROXY web.example:3128; DIRECT';
            }
            """;

    private static final String JDK = "JDK ProxySelector.getDefault().select(uri)";

    private ProxyResolveBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int samples = Integer.getInteger("bench.proxy.samples", 201);
        int batch = Integer.getInteger("bench.proxy.batch", 200);
        String report = System.getProperty("bench.proxy.report");

        SessionProxy proxy = new SessionProxy("bench");
        String data = "data:application/x-ns-proxy-autoconfig;base64,"
                + Base64.getEncoder().encodeToString(PAC.getBytes(StandardCharsets.UTF_8));
        proxy.setProxy(ProxyConfig.builder().pacScript(data).build()).join();
        List<URI> hot = new ArrayList<>();
        for (int i = 0; i < 256; i++) {
            hot.add(URI.create((i % 3 == 0 ? "https" : "http") + "://host" + i + (i % 5 == 0 ? ".video.example" : ".example.com") + "/page/" + i));
        }
        ProxySelector jdk = ProxySelector.getDefault();
        int[] fresh = {0};

        // warm-up: JIT, Nashorn's compiled script, the cache
        for (int round = 0; round < 3; round++) {
            for (URI uri : hot) {
                proxy.proxiesFor(uri);
                proxy.resolve(uri.toString()).join();
                jdk.select(uri);
            }
            for (int i = 0; i < 2000; i++) {
                proxy.proxiesFor(URI.create("http://warm" + (fresh[0]++) + ".example.org/"));
            }
        }

        List<String> rows = new ArrayList<>();
        double baseline = median(samples, batch, i -> jdk.select(hot.get(i & 255)));
        double cachedSelector = median(samples, batch, i -> proxy.proxiesFor(hot.get(i & 255)));
        double cachedFuture = median(samples, batch, i -> proxy.resolve(hot.get(i & 255).toString()).join());
        double uncachedSelector = median(samples, Math.max(1, batch / 10), i -> proxy.proxiesFor(URI.create("http://new" + (fresh[0]++) + ".example.net/x")));
        double uncachedFuture = median(samples, Math.max(1, batch / 10), i -> proxy.resolve("http://new" + (fresh[0]++) + ".example.net/y").join());

        rows.add(row("JDK `ProxySelector.getDefault().select(uri)` (baseline)", baseline, baseline));
        rows.add(row("partition's ProxySelector, PAC, cached", cachedSelector, baseline));
        rows.add(row("`resolveProxy(url).join()`, PAC, cached", cachedFuture, baseline));
        rows.add(row("partition's ProxySelector, PAC, uncached (new URL)", uncachedSelector, baseline));
        rows.add(row("`resolveProxy(url).join()`, PAC, uncached (new URL)", uncachedFuture, baseline));

        StringBuilder markdown = new StringBuilder();
        markdown.append(String.format(Locale.ROOT, "Proxy resolution with a PAC script: median of %d samples of %d calls (uncached: %d), %s %s, %d cores%n%n",
                samples, batch, Math.max(1, batch / 10), System.getProperty("java.vm.name"), System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors()));
        markdown.append("| Case | per call | vs baseline |\n|---|---:|---:|\n");
        rows.forEach(line -> markdown.append(line).append('\n'));
        System.out.print(markdown);
        if (report != null && !report.isBlank()) {
            Path file = Path.of(report);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, markdown.toString());
        }
        BenchResults.of("proxy", "Proxy resolution with a seven-rule PAC script, median per call")
                .add(BenchResults.row("partition's ProxySelector, PAC, cached", cachedSelector, "us", baseline, JDK))
                .add(BenchResults.row("resolveProxy(url).join(), PAC, cached", cachedFuture, "us", baseline, JDK))
                .add(BenchResults.row("partition's ProxySelector, PAC, uncached", uncachedSelector, "us", baseline, JDK))
                .add(BenchResults.row("resolveProxy(url).join(), PAC, uncached", uncachedFuture, "us", baseline, JDK))
                .write();
        System.exit(0);
    }

    private interface Call {
        void run(int index) throws Exception;
    }

    /** The median time per call, in microseconds, over {@code samples} timed batches. */
    private static double median(int samples, int batch, Call call) throws Exception {
        List<Double> perCall = new ArrayList<>();
        int index = 0;
        for (int sample = 0; sample < samples; sample++) {
            long start = System.nanoTime();
            for (int i = 0; i < batch; i++) {
                call.run(index++);
            }
            perCall.add((System.nanoTime() - start) / 1000.0 / batch);
        }
        Collections.sort(perCall);
        int middle = perCall.size() / 2;
        return perCall.size() % 2 == 1 ? perCall.get(middle) : (perCall.get(middle - 1) + perCall.get(middle)) / 2;
    }

    private static String row(String name, double micros, double baseline) {
        return String.format(Locale.ROOT, "| %s | %.2f us | %.1fx |", name, micros, micros / baseline);
    }
}
