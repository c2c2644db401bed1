package io.github.fxsession.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fxsession.testing.FxToolkit;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@link BenchReport} on sample result files: the benchmarks themselves never run in the test suite. */
@ExtendWith(FxToolkit.class)
class BenchReportTest {

    @TempDir
    Path folder;

    private void sampleResults() throws Exception {
        BenchResults.of("loader", "Page load through three loaders")
                .add(BenchResults.row("chain / stock JavaFX", 113.4, "ms", 158.9, "stock JavaFX").target(0.8))
                .add(BenchResults.row("chain / bare handler", 113.4, "ms", 96.1, "bare handler").target(1.1))
                .write(folder);
        BenchResults.of("download", "1 GiB download against curl")
                .add(BenchResults.row("throughput", 200, "MiB/s", 100, "curl").higherIsBetter().target(0.85))
                .add(BenchResults.alone("max heap used", 16, "MiB").note("flat"))
                .write(folder);
    }

    @Test
    void reportTableListsEachFigureWithItsRatioFirstThenItsSameRunBaseline() throws Exception {
        sampleResults();
        String md = Files.readString(BenchReport.write(folder, List.of("loader", "cookie", "download")));
        assertTrue(md.contains("| Benchmark | Ratio | Figure | Baseline (same run) | Better | Target |\n"), md);
        assertTrue(md.contains("| loader: chain / stock JavaFX | **0.714** | 113 ms | 159 ms (stock JavaFX) | lower | <= 0.800: met |\n"), md);
        assertTrue(md.contains("| loader: chain / bare handler | **1.18** | 113 ms | 96.1 ms (bare handler) | lower | <= 1.10: **missed** |\n"), md);
        assertTrue(md.contains("| download: throughput | **2.00** | 200 MiB/s | 100 MiB/s (curl) | higher | >= 0.850: met |\n"), md);
        assertTrue(md.contains("| download: max heap used |  | 16.0 MiB |  | lower | flat |\n"), md);
        assertTrue(md.contains("| **cookie**: not run (no result file) | | | | | |\n"), md);
        assertTrue(md.contains(Runtime.getRuntime().availableProcessors() + " cores"), md);
        assertTrue(md.contains("load average (1/5/15 min) at the end: "), md);
    }

    @Test
    void reportChartIsAPngWithOneRowPerRatio() throws Exception {
        sampleResults();
        BenchReport.write(folder, List.of("loader", "download"));
        BufferedImage png = ImageIO.read(folder.resolve(BenchReport.CHART).toFile());
        assertNotNull(png, "report.png is not an image ImageIO can read");
        assertEquals(BenchChart.WIDTH, png.getWidth());
        assertEquals(BenchChart.height(3), png.getHeight());
    }

    @Test
    void markdownTableWithABaselineRowBecomesRowsAgainstThatBaseline() {
        String md = """
                ## Checking throughput (words/s, one thread)

                | | words/s | vs raw |
                |---|---|---|
                | raw Hunspell (baseline) | 1,000,000 | 1.00x |
                | SpellChecker, cache | 4,000,000 | 4.00x |

                ## Suggestion latency (300 misspellings)

                | | p50 | p95 |
                |---|---|---|
                | raw suggest (baseline) | 2.000 ms | 3.000 ms |
                | first request | 3.000 ms | 4.000 ms |
                """;
        List<BenchResults.Row> rows = BenchResults.of("spellcheck", "Spellcheck").addMarkdownTables(md).rows();
        assertEquals(2, rows.size(), rows.toString());
        assertEquals(new BenchResults.Row("Checking throughput: SpellChecker, cache (words/s)", 4_000_000, "words/s",
                1_000_000.0, "words/s", "raw Hunspell", null, BenchResults.BetterIs.HIGHER, null), rows.get(0));
        assertEquals(new BenchResults.Row("Suggestion latency: first request (p50)", 3, "ms", 2.0, "ms", "raw suggest",
                null, BenchResults.BetterIs.LOWER, null), rows.get(1));
    }
}
