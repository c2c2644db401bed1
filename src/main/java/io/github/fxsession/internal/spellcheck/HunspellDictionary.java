package io.github.fxsession.internal.spellcheck;

import dumonts.hunspell.Hunspell;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One language: a native Hunspell handle for checks, a {@link FastSuggester} (Lucene's Hunspell) for
 * suggestions with a second native handle behind it (Hunspell's suggest takes tens of milliseconds and must
 * not hold checks up), and, once compiled, the {@link WordForms} that answer
 * most checks without a native call (Hunspell still answers every word not in that set, so results are
 * Hunspell's). Hunspell handles are not thread-safe: every call holds that handle's lock. {@link #close()}
 * frees the native memory; calls after it answer "correct" and "no suggestions".
 *
 * <p>Threading: any thread (calls on one handle are serialised).
 */
final class HunspellDictionary implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(HunspellDictionary.class.getName());
    /** One low-priority thread per JVM compiles word forms, one language after the other. */
    private static final java.util.concurrent.ExecutorService COMPILER = background("fxsession-spellcheck-forms");
    /**
     * Another builds the fast suggestion engines, so a first suggestion never waits behind a long forms
     * compile (fr: minutes).
     */
    private static final java.util.concurrent.ExecutorService ENGINES = background("fxsession-spellcheck-engines");

    private static java.util.concurrent.ExecutorService background(String name) {
        return java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });
    }

    private final String language;
    private final Path aff;
    private final Path dic;
    private final ReentrantLock lock = new ReentrantLock();
    private final ReentrantLock suggestLock = new ReentrantLock();
    private final java.util.concurrent.CompletableFuture<WordForms> compiled = new java.util.concurrent.CompletableFuture<>();
    private NativeSpeller hunspell;
    private Hunspell suggester;
    private volatile WordForms forms;
    private volatile boolean closed;

    private HunspellDictionary(String language, NativeSpeller hunspell, Path aff, Path dic) {
        this.language = language;
        this.hunspell = hunspell;
        this.aff = aff;
        this.dic = dic;
    }

    /**
     * Reads this language's verified word forms from {@code cacheDir} in the background if an earlier run
     * compiled them; otherwise they are compiled once the language has answered {@value #COMPILE_AFTER}
     * checks with Hunspell (a page's text, not a few API calls), or when {@link #compileForms} asks.
     */
    void useCachedForms(Path cacheDir) {
        this.cacheDir = cacheDir;
        if (compiled.isDone()) {
            return;
        }
        COMPILER.execute(() -> {
            try {
                Path file = formsFile();
                if (Files.exists(file) && !closed) {
                    synchronized (compiled) {
                        if (compiling) {
                            return;
                        }
                        compiling = true;
                    }
                    install(WordForms.read(file));
                }
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot read the word forms of " + language, e);
                synchronized (compiled) {
                    compiling = false; // compiled when the language is used enough
                }
            }
        });
    }

    private Path formsFile() throws IOException {
        return (cacheDir != null ? cacheDir : Dictionaries.formsCache()).resolve(language + "-" + WordForms.key(aff, dic) + ".forms");
    }

    private void install(WordForms result) {
        forms = closed ? null : result;
        compiled.complete(result);
    }

    /**
     * Compiles (or reads from the cache folder) this language's verified word forms in the background, with
     * a Hunspell handle of its own; checks use them once ready.
     *
     * @return completes when the forms are in use (exceptionally if they cannot be built; checks then
     *         keep asking Hunspell)
     */
    java.util.concurrent.CompletableFuture<WordForms> compileForms() {
        synchronized (compiled) {
            if (compiled.isDone() || compiling) {
                return compiled;
            }
            compiling = true;
        }
        COMPILER.execute(() -> {
            try {
                Path file = formsFile();
                WordForms result;
                if (Files.exists(file)) {
                    result = WordForms.read(file);
                } else {
                    try (NativeSpeller builder = new NativeSpeller(aff, dic)) {
                        result = WordForms.compile(aff, dic, w -> !closed && builder.spell(w));
                    }
                    if (closed) {
                        throw new IOException("closed while compiling");
                    }
                    result.save(file);
                }
                install(result);
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "no compiled word forms for " + language + "; Hunspell answers every check", e);
                compiled.completeExceptionally(e);
            }
        });
        return compiled;
    }

    /** Native checks after which the word forms are compiled. */
    static final int COMPILE_AFTER = 2_000;
    private volatile Path cacheDir;
    private int nativeChecks;
    private boolean compiling;

    /**
     * Loads {@code aff} + {@code dic} and checks that they work: the first word the {@code .dic} lists
     * must be accepted.
     *
     * @throws IOException when the files are missing, malformed, or Hunspell rejects them
     */
    static HunspellDictionary load(String language, Path aff, Path dic) throws IOException {
        String probe = firstWord(dic);
        if (Files.size(aff) == 0) {
            throw new IOException("empty affix file " + aff);
        }
        NativeSpeller h;
        try {
            h = new NativeSpeller(aff, dic);
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            throw new IOException("Hunspell cannot load " + dic + ": " + e.getMessage(), e);
        }
        if (!h.spell(probe)) {
            h.close();
            throw new IOException("Hunspell does not accept the first word of " + dic + ": \"" + probe + "\"");
        }
        return new HunspellDictionary(language, h, aff, dic);
    }

    /** The first entry of a .dic file: its first line is the entry count, then "word[/flags]". */
    private static String firstWord(Path dic) throws IOException {
        try (var lines = Files.newBufferedReader(dic, StandardCharsets.ISO_8859_1)) {
            String count = lines.readLine();
            if (count == null || !count.strip().replace("\uFEFF", "").replace("ï»¿", "").matches("\\d+")) {
                throw new IOException("not a Hunspell .dic file (no entry count on its first line): " + dic);
            }
            String line;
            while ((line = lines.readLine()) != null) {
                String word = line.split("[/\t ]", 2)[0].strip();
                if (!word.isEmpty() && word.chars().allMatch(c -> c < 128) && !word.startsWith("#")) {
                    return word;
                }
            }
        }
        throw new IOException("no ASCII entry in " + dic);
    }

    String language() {
        return language;
    }

    boolean spell(String word) {
        WordForms known = forms;
        if (known != null && known.contains(word)) {
            return true;
        }
        return spellNative(word);
    }

    /** Whether the compiled forms know {@code word} (false: not compiled yet or not there). */
    boolean knownForm(String word) {
        WordForms known = forms;
        return known != null && known.contains(word);
    }

    /** Hunspell's own answer, without the compiled forms. */
    boolean spellNative(String word) {
        lock.lock();
        try {
            if (++nativeChecks == COMPILE_AFTER) {
                compileForms();
            }
            return hunspell == null || hunspell.spell(word);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Suggestions for {@code word}, best first: from the {@link FastSuggester} when it is built and answers
     * within its budget (single-word suggestions this language's checks would reject are dropped, so a
     * suggestion is never itself underlined), otherwise from native Hunspell. The first call starts
     * building the fast engine in the background; native Hunspell answers until it is ready.
     */
    List<String> suggest(String word) {
        FastSuggester engine = fastEngine();
        if (engine != null && engine.worthAsking()) {
            List<String> fast = engine.suggest(word);
            if (fast != null) {
                List<String> checked = new java.util.ArrayList<>(fast.size());
                for (String s : fast) {
                    if (s.indexOf(' ') >= 0 || spell(s)) {
                        checked.add(s);
                    }
                }
                return List.copyOf(checked);
            }
        }
        return suggestNative(word);
    }

    /** Native Hunspell's own suggestions (tens of milliseconds: it scans every root for its n-gram pass). */
    List<String> suggestNative(String word) {
        suggestLock.lock();
        try {
            if (closed) {
                return List.of();
            }
            if (suggester == null) {
                suggester = new Hunspell(dic, aff);
            }
            return List.of(suggester.suggest(word));
        } finally {
            suggestLock.unlock();
        }
    }

    /**
     * The fast suggestion engine if it is built; otherwise starts building it on the background engines
     * thread (once) and answers {@code null}.
     */
    FastSuggester fastEngine() {
        if (fast.isDone()) {
            return fast.isCompletedExceptionally() || closed ? null : fast.join();
        }
        synchronized (fast) {
            if (!buildingFast) {
                buildingFast = true;
                ENGINES.execute(() -> {
                    try {
                        fast.complete(closed ? null : FastSuggester.build(aff, dic));
                    } catch (IOException | RuntimeException e) {
                        LOG.log(System.Logger.Level.WARNING, "no fast suggestion engine for " + language + "; native Hunspell suggests", e);
                        fast.completeExceptionally(e);
                    }
                });
            }
        }
        return null;
    }

    /** Uses {@code engine} for suggestions instead of building one (tests). */
    void useFastEngine(FastSuggester engine) {
        synchronized (fast) {
            buildingFast = true;
        }
        fast.complete(engine);
    }

    Path affFile() {
        return aff;
    }

    Path dicFile() {
        return dic;
    }

    /** Completes when the fast suggestion engine is built (starting the build if needed). */
    java.util.concurrent.CompletableFuture<FastSuggester> fastEngineReady() {
        fastEngine();
        return fast;
    }

    private final java.util.concurrent.CompletableFuture<FastSuggester> fast = new java.util.concurrent.CompletableFuture<>();
    private boolean buildingFast;

    @Override
    public void close() {
        closed = true;
        forms = null;
        lock.lock();
        try {
            if (hunspell != null) {
                hunspell.close();
                hunspell = null;
            }
        } finally {
            lock.unlock();
        }
        suggestLock.lock();
        try {
            if (suggester != null) {
                suggester.close();
                suggester = null;
            }
        } finally {
            suggestLock.unlock();
        }
    }
}
