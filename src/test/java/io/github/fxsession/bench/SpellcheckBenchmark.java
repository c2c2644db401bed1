package io.github.fxsession.bench;

import static io.github.fxsession.testing.FxToolkit.onFx;
import static io.github.fxsession.testing.FxToolkit.runFx;

import dumonts.hunspell.Hunspell;
import io.github.fxsession.Session;
import io.github.fxsession.internal.spellcheck.SpellChecker;
import io.github.fxsession.testing.FxToolkit;
import io.github.fxsession.testing.Pages;
import io.github.fxsession.testing.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Scene;
import javafx.scene.web.WebView;
import javafx.stage.Stage;
import okhttp3.OkHttpClient;

/**
 * Spellcheck costs (issue #9, point 6), each beside a baseline measured in the same run: raw Hunspell
 * calls through the JNA binding ({@code dumonts.hunspell.Hunspell}) on the same en-US dictionary.
 * Not a test: run from {@code ./mvnw -Pbench}.
 *
 * <ol>
 *   <li>checking throughput on real prose (the SCOWL/libreoffice licence texts shipped in
 *       {@code dictionaries/}, about 27,000 words): raw, the spellchecker without its result cache, with it;
 *   <li>suggestion latency p50/p95 for 300 misspellings (adjacent letters swapped): raw, first request,
 *       repeated request (suggestion cache); then both suggestion engines (native Hunspell, and what
 *       {@code getWordSuggestions} uses: Lucene's Hunspell with native behind it) on misspellings of every
 *       bundled language and on codespell's common misspellings: intended word first / in the top five, p50;
 *   <li>re-marking a 10,000-word textarea in a WebView after an edit: from the {@code input} event to the
 *       overlay redrawn, minus the 150 ms typing debounce; baseline: raw Hunspell checking those 10,000 words.
 * </ol>
 * Properties: {@code bench.seconds} (per throughput round, default 2), {@code bench.report} (Markdown file),
 * {@code bench.parts} (comma-separated subset of {@code throughput,suggestions,remark}).
 */
public final class SpellcheckBenchmark {

    private static final Pattern WORD = Pattern.compile("\\p{L}+(?:['\u2019]\\p{L}+)*");
    private static final int EDITS = 15;

    private SpellcheckBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        double seconds = Double.parseDouble(System.getProperty("bench.seconds", "2"));
        Session.setUserDataPath(Files.createTempDirectory("fxsession-spellbench"));
        String prose = resource("/fxsession-dictionaries/en-GB/COPYRIGHT") + "\n" + resource("/fxsession-dictionaries/en-US/COPYRIGHT");
        String[] words = words(prose);
        Path dir = Files.createTempDirectory("fxsession-spellbench-dict");
        Path aff = copy("/fxsession-dictionaries/en-US/en-US.aff", dir.resolve("en-US.aff"));
        Path dic = copy("/fxsession-dictionaries/en-US/en-US.dic", dir.resolve("en-US.dic"));
        StringBuilder report = new StringBuilder("# Spellcheck benchmark (issue #9)\n\n");
        report.append(String.format(Locale.ROOT, "%d cores; %d words of prose (%d distinct); en-US.%n%n",
                Runtime.getRuntime().availableProcessors(), words.length, new LinkedHashSet<>(Arrays.asList(words)).size()));
        try (Hunspell raw = new Hunspell(dic, aff)) {
            SpellChecker checker = new SpellChecker("bench", null, OkHttpClient::new);
            checker.setLanguages(List.of("en-US"));
            long a = System.nanoTime();
            checker.formsReady().get(15, java.util.concurrent.TimeUnit.MINUTES);
            report.append(String.format(Locale.ROOT, "Compiled en-US word forms ready after %.1f s (read from the cache folder when"
                    + " an earlier run compiled them).%n%n", (System.nanoTime() - a) / 1e9));
            String parts = System.getProperty("bench.parts", "throughput,suggestions,remark");
            if (parts.contains("throughput")) {
                throughput(report, words, seconds, raw, checker);
            }
            if (parts.contains("suggestions")) {
                suggestions(report, words, raw, checker);
            }
            if (parts.contains("remark")) {
                remark(report, words, raw);
            }
            checker.close();
        }
        System.out.println(report);
        String file = System.getProperty("bench.report");
        if (file != null && !file.isBlank()) {
            Path path = Path.of(file);
            Files.createDirectories(path.toAbsolutePath().getParent());
            Files.writeString(path, report);
        }
        // the machine-readable result for BenchReport (issue #13): its tables' rows against their baseline rows
        BenchResults.of("spellcheck", "Spellcheck against raw Hunspell through JNA").addMarkdownTables(report.toString()).write();
        System.exit(0);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = SpellcheckBenchmark.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Path copy(String name, Path to) throws IOException {
        try (InputStream in = SpellcheckBenchmark.class.getResourceAsStream(name)) {
            Files.copy(in, to);
        }
        return to;
    }

    private static String[] words(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out.toArray(String[]::new);
    }

    /** Words per second over the prose, best of 3 rounds of {@code seconds}. */
    private static double rate(String[] words, double seconds, Predicate<String> check) {
        double best = 0;
        for (int round = 0; round < 4; round++) { // round 0 warms up
            long count = 0;
            long sink = 0;
            long start = System.nanoTime();
            long end = start + (long) (seconds * 1e9);
            long now;
            do {
                for (String w : words) {
                    sink += check.test(w) ? 1 : 0;
                }
                count += words.length;
                now = System.nanoTime();
            } while (now < end);
            if (sink < 0) {
                throw new AssertionError();
            }
            if (round > 0) {
                best = Math.max(best, count / ((now - start) / 1e9));
            }
        }
        return best;
    }

    private static void throughput(StringBuilder report, String[] words, double seconds, Hunspell raw, SpellChecker checker) {
        double rawRate = rate(words, seconds, raw::spell);
        double uncached = rate(words, seconds, checker::checkUncached);
        double cached = rate(words, seconds, checker::isMisspelled);
        report.append("## Checking throughput (words/s, one thread, best of 3)\n\n| | words/s | vs raw |\n|---|---|---|\n");
        report.append(row("raw Hunspell through JNA (baseline)", rawRate, rawRate));
        report.append(row("SpellChecker, result cache bypassed (compiled word forms, Hunspell for the rest)", uncached, rawRate));
        report.append(row("SpellChecker (isWordMisspelled), result cache", cached, rawRate));
        report.append('\n');
    }

    private static String row(String name, double rate, double baseline) {
        return String.format(Locale.ROOT, "| %s | %,.0f | %.2fx |%n", name, rate, rate / baseline);
    }

    private static void suggestions(StringBuilder report, String[] words, Hunspell raw, SpellChecker checker) throws InterruptedException, IOException {
        LinkedHashSet<String> typos = new LinkedHashSet<>();
        for (String w : words) {
            if (w.length() >= 5 && w.chars().allMatch(Character::isLowerCase) && typos.size() < 300) {
                int i = w.length() / 2;
                typos.add(w.substring(0, i - 1) + w.charAt(i) + w.charAt(i - 1) + w.substring(i + 1));
            }
        }
        checker.suggestionEnginesReady().join(); // built in the background on first use; native answers until then
        for (int i = 0; i < 20; i++) { // warm-up on other words
            raw.suggest("wramup" + (char) ('a' + i));
            checker.suggestions("wramupz" + (char) ('a' + i)).join();
        }
        long[] rawTimes = new long[typos.size()];
        long[] first = new long[typos.size()];
        long[] repeat = new long[typos.size()];
        int i = 0;
        for (String t : typos) {
            long a = System.nanoTime();
            raw.suggest(t);
            rawTimes[i] = System.nanoTime() - a;
            a = System.nanoTime();
            checker.suggestions(t).join();
            first[i] = System.nanoTime() - a;
            a = System.nanoTime();
            checker.suggestions(t).join();
            repeat[i++] = System.nanoTime() - a;
        }
        // what a user meets: the page marked the word (its check prefetches the suggestions), then the
        // user right-clicks it; 150 ms between the two is faster than any person
        List<String> marked = new ArrayList<>();
        for (String t : typos) {
            if (marked.size() < 100) {
                marked.add(t.charAt(t.length() - 1) + t.substring(0, t.length() - 1)); // other misspellings
            }
        }
        long[] onMark = new long[marked.size()];
        for (int k = 0; k < marked.size(); k++) {
            String t = marked.get(k);
            if (checker.isMisspelled(t)) {
                checker.prefetchSuggestions(List.of(t));
            }
            Thread.sleep(150);
            long a = System.nanoTime();
            checker.suggestions(t).join();
            onMark[k] = System.nanoTime() - a;
        }
        report.append(String.format(Locale.ROOT, "## Suggestion latency (%d misspellings, en-US)%n%n| | p50 | p95 |%n|---|---|---|%n", typos.size()));
        report.append(latency("raw Hunspell suggest through JNA (baseline)", rawTimes));
        report.append(latency("getWordSuggestions, word never seen before (fast engine: Lucene's Hunspell, native past 40 ms)", first));
        report.append(latency("getWordSuggestions, repeated word (cache)", repeat));
        report.append(latency("menu of a marked word: right-click 150 ms after the page marked it (" + marked.size() + " words)", onMark));
        report.append('\n');
        engines(report);
    }

    /**
     * Both suggestion engines on misspellings of real words of every bundled language (a swapped, dropped,
     * added or replaced letter in a dictionary word), and on the en-US pairs of codespell's list of common
     * misspellings when the Debian package {@code codespell} is installed: how often the intended word is
     * first and among the first five, and how long a call takes.
     */
    private static void engines(StringBuilder report) throws IOException {
        report.append("## Suggestion engines: native Hunspell (baseline) against what getWordSuggestions uses\n\n"
                + "Intended word first / among the first five, and latency; misspellings made from 100 dictionary words"
                + " per language (swap, drop, add, replace one letter), plus codespell's common misspellings for en-US.\n\n"
                + "| corpus | words | native: first / top 5 | fxsession: first / top 5 | native p50 | fxsession p50 | p50 ratio |\n"
                + "|---|---|---|---|---|---|---|\n");
        Path dir = Files.createTempDirectory("fxsession-spellbench-engines");
        Path codespell = Path.of("/usr/lib/python3/dist-packages/codespell_lib/data/dictionary.txt");
        for (String language : List.of("en-US", "en-GB", "fr", "es")) {
            Path aff = copy("/fxsession-dictionaries/" + language + "/" + language + ".aff", dir.resolve(language + ".aff"));
            Path dic = copy("/fxsession-dictionaries/" + language + "/" + language + ".dic", dir.resolve(language + ".dic"));
            SpellChecker checker = new SpellChecker("bench-" + language, null, OkHttpClient::new);
            checker.setLanguages(List.of(language));
            checker.suggestionEnginesReady().join();
            try (Hunspell raw = new Hunspell(dic, aff)) {
                for (int i = 0; i < 10; i++) {
                    raw.suggest("wramup" + (char) ('a' + i));
                    checker.suggestions("wramupz" + (char) ('a' + i)).join();
                }
                engineRow(report, language + ", made misspellings", made(dic, raw, language), raw, checker);
                if (language.equals("en-US") && Files.exists(codespell)) {
                    engineRow(report, "en-US, codespell's common misspellings", common(codespell, raw), raw, checker);
                }
            }
            checker.close();
        }
        report.append('\n');
    }

    private static void engineRow(StringBuilder report, String corpus, List<String[]> pairs, Hunspell raw, SpellChecker checker) {
        long[] rawTimes = new long[pairs.size()];
        long[] times = new long[pairs.size()];
        int[] hits = new int[4];
        for (int i = 0; i < pairs.size(); i++) {
            String typo = pairs.get(i)[0];
            String intended = pairs.get(i)[1];
            long a = System.nanoTime();
            List<String> expected = Arrays.asList(raw.suggest(typo));
            rawTimes[i] = System.nanoTime() - a;
            a = System.nanoTime();
            List<String> actual = checker.suggestions(typo).join();
            times[i] = System.nanoTime() - a;
            hits[0] += !expected.isEmpty() && expected.get(0).equals(intended) ? 1 : 0;
            hits[1] += expected.subList(0, Math.min(5, expected.size())).contains(intended) ? 1 : 0;
            hits[2] += !actual.isEmpty() && actual.get(0).equals(intended) ? 1 : 0;
            hits[3] += actual.subList(0, Math.min(5, actual.size())).contains(intended) ? 1 : 0;
        }
        Arrays.sort(rawTimes);
        Arrays.sort(times);
        double rawP50 = rawTimes[rawTimes.length / 2] / 1e6;
        double p50 = times[times.length / 2] / 1e6;
        report.append(String.format(Locale.ROOT, "| %s | %d | %d%% / %d%% | %d%% / %d%% | %.1f ms | %.1f ms | %.2f |%n", corpus, pairs.size(),
                hits[0] * 100 / pairs.size(), hits[1] * 100 / pairs.size(), hits[2] * 100 / pairs.size(), hits[3] * 100 / pairs.size(),
                rawP50, p50, p50 / rawP50));
    }

    private static List<String[]> made(Path dic, Hunspell raw, String language) throws IOException {
        return io.github.fxsession.testing.Misspellings.fromDictionary(dic, 100, language.hashCode() * 31L, raw::spell).stream()
                .map(p -> new String[] {p.misspelling(), p.intended()}).toList();
    }

    /** codespell's "misspelling->correction" lines with one lower-case correction Hunspell accepts (300). */
    private static List<String[]> common(Path codespell, Hunspell raw) throws IOException {
        List<String[]> out = new ArrayList<>();
        for (String line : Files.readAllLines(codespell, StandardCharsets.UTF_8)) {
            String[] pair = line.split("->", 2);
            if (out.size() < 300 && pair.length == 2 && !pair[1].contains(",") && pair[0].length() >= 3
                    && pair[0].chars().allMatch(Character::isLowerCase) && !raw.spell(pair[0]) && raw.spell(pair[1].strip())) {
                out.add(new String[] {pair[0], pair[1].strip()});
            }
        }
        return out;
    }

    private static String latency(String name, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "| %s | %.3f ms | %.3f ms |%n", name, sorted[sorted.length / 2] / 1e6,
                sorted[(int) (sorted.length * 0.95)] / 1e6);
    }

    private static void remark(StringBuilder report, String[] prose, Hunspell raw) throws Exception {
        String[] text = new String[10_000];
        for (int i = 0; i < text.length; i++) {
            String w = prose[i % prose.length];
            text[i] = i % 97 == 13 ? w + "x" : w; // about 100 misspellings
        }
        String value = String.join(" ", text);
        long a = System.nanoTime();
        int bad = 0;
        for (String w : text) {
            bad += raw.spell(w) ? 0 : 1;
        }
        double baselineMs = (System.nanoTime() - a) / 1e6;

        FxToolkit.start();
        TestServer server = TestServer.start();
        server.route("/big.html", "text/html", "<!DOCTYPE html><html><body><textarea id='t' style='width:700px;height:500px;"
                + "font:14px sans-serif'></textarea></body></html>");
        Session session = Session.fromPartition("spell-bench");
        session.setSpellCheckerLanguages(List.of("en-US"));
        WebView view = Pages.open(session, server.url("/big.html"));
        runFx(() -> {
            Stage stage = new Stage();
            stage.setScene(new Scene(view, 760, 560));
            stage.show();
        });
        String json = new tools.jackson.databind.json.JsonMapper().writeValueAsString(value);
        Pages.eval(view, "var t=document.getElementById('t');t.value=" + json + ";t.focus();");
        Thread.sleep(1500);
        Pages.eval(view, "window.__obs=new MutationObserver(function(){if(window.__t0&&!window.__t1){window.__t1=performance.now()}});"
                + "window.__obs.observe(document.querySelector('fxsession-spellcheck').shadowRoot,{childList:true});");
        double[] times = new double[EDITS];
        for (int e = 0; e < EDITS; e++) {
            Pages.eval(view, "window.__t1=0;var t=document.getElementById('t');var p=" + (100 + e * 311)
                    + ";t.setRangeText('helo ',p,p);window.__t0=performance.now();"
                    + "t.dispatchEvent(new InputEvent('input',{bubbles:true,inputType:'insertText',data:'helo '}));");
            long deadline = System.nanoTime() + 10_000_000_000L;
            Object t1;
            while (((t1 = Pages.eval(view, "window.__t1")) instanceof Number n ? n.doubleValue() : 0) == 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the overlay was not redrawn");
                }
                Thread.sleep(2);
            }
            double t0 = ((Number) Pages.eval(view, "window.__t0")).doubleValue();
            times[e] = ((Number) t1).doubleValue() - t0 - 150;
        }
        Object marks = Pages.eval(view, "document.querySelector('fxsession-spellcheck').shadowRoot.childNodes.length");
        Arrays.sort(times);
        report.append(String.format(Locale.ROOT, "## Re-marking a 10,000-word textarea after an edit (%d edits)%n%n", EDITS));
        report.append("| | p50 | max |\n|---|---|---|\n");
        report.append(String.format(Locale.ROOT, "| raw Hunspell checking the 10,000 words (baseline; %d misspelled) | %.1f ms | |%n", bad, baselineMs));
        report.append(String.format(Locale.ROOT, "| input event to overlay redrawn, minus the 150 ms debounce (%s underline boxes) | %.1f ms | %.1f ms |%n%n",
                marks, times[EDITS / 2], times[EDITS - 1]));
        onFx(() -> null);
        server.close();
    }
}
