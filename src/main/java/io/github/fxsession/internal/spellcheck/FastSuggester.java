package io.github.fxsession.internal.spellcheck;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.lucene.analysis.hunspell.Dictionary;
import org.apache.lucene.analysis.hunspell.NGramFragmentChecker;
import org.apache.lucene.analysis.hunspell.SortingStrategy;
import org.apache.lucene.analysis.hunspell.Suggester;
import org.apache.lucene.analysis.hunspell.SuggestionTimeoutException;

/**
 * The suggestion engine asked first: Lucene's pure-Java implementation of Hunspell's suggestion algorithm
 * (<a href="https://lucene.apache.org/core/">lucene-analysis-common</a>, the same edit, REP/MAP/KEY/TRY
 * and n-gram passes, tested by Lucene against Hunspell's own test suite), built from the same
 * {@code .aff}/{@code .dic} files as the native handle. It is three to four times faster than native
 * Hunspell's {@code suggest} on en-US, en-GB and es (which spends most of its time scanning every
 * dictionary root for its n-gram pass), and offers the intended word as often (measured by
 * {@code SuggestionEnginesTest} and the spellcheck benchmark).
 *
 * <p>Each call has a budget of {@value #BUDGET_MS} ms; when Lucene runs past it ({@link #suggest} answers
 * {@code null}) the caller asks native Hunspell, so a word never goes without suggestions. A language whose
 * calls keep running past the budget (French, whose 25 MAP classes make Lucene's candidate enumeration
 * explode) stops being asked: see {@link #worthAsking()}.
 *
 * <p>Threading: any thread; calls are serialised (Lucene's suggester keeps per-call state).
 */
final class FastSuggester {

    /** Lucene's time limit per call, in milliseconds. */
    static final long BUDGET_MS = 40;
    /** Calls over which the share of calls past the budget is judged. */
    private static final int WINDOW = 16;
    /** While the engine is not asked, it is still tried on one call in this many (the load may have passed). */
    private static final int PROBE_EVERY = 32;

    private final Suggester suggester;
    private final long budgetMs;
    private final ReentrantLock lock = new ReentrantLock();
    private final boolean[] overBudget = new boolean[WINDOW];
    private int calls;
    private int skipped;

    private FastSuggester(Suggester suggester, long budgetMs) {
        this.suggester = suggester;
        this.budgetMs = budgetMs;
    }

    /**
     * Reads the dictionary into Lucene's structures and builds its speed-ups (an entry cache and the
     * dictionary's 2-grams, which let the suggester skip candidates no word can contain). Takes about a
     * second for en-US, a few for fr; callers build it in the background.
     *
     * @throws IOException when the files cannot be read or Lucene cannot parse them
     */
    static FastSuggester build(Path aff, Path dic) throws IOException {
        return build(aff, dic, BUDGET_MS);
    }

    /** {@link #build(Path, Path)} with another budget per call (tests). */
    static FastSuggester build(Path aff, Path dic, long budgetMs) throws IOException {
        try (InputStream affix = Files.newInputStream(aff); InputStream words = Files.newInputStream(dic)) {
            Dictionary dictionary = new Dictionary(affix, List.of(words), false, SortingStrategy.inMemory());
            Suggester suggester = new Suggester(dictionary)
                    .withSuggestibleEntryCache()
                    .withFragmentChecker(NGramFragmentChecker.fromAllSimpleWords(2, dictionary, () -> { }));
            return new FastSuggester(suggester, budgetMs);
        } catch (ParseException | RuntimeException e) {
            throw new IOException("Lucene's Hunspell cannot read " + aff + " / " + dic + ": " + e.getMessage(), e);
        }
    }

    /** The same engine (sharing its built structures) with another budget per call and fresh statistics (tests). */
    FastSuggester withBudget(long budgetMs) {
        return new FastSuggester(suggester, budgetMs);
    }

    /**
     * Whether this call should ask the engine: yes unless more than half of the last {@value #WINDOW}
     * calls ran past the budget; even then one call in {@value #PROBE_EVERY} asks, so a language that was
     * only slow under a passing load comes back.
     */
    boolean worthAsking() {
        lock.lock();
        try {
            int over = 0;
            for (boolean b : overBudget) {
                over += b ? 1 : 0;
            }
            if (calls < WINDOW || over * 2 <= WINDOW) {
                return true;
            }
            return ++skipped % PROBE_EVERY == 0;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Suggestions for {@code word}, best first, or {@code null} when the engine ran past
     * {@value #BUDGET_MS} ms (the caller then asks native Hunspell).
     */
    List<String> suggest(String word) {
        lock.lock();
        try {
            List<String> result;
            try {
                result = suggester.suggestWithTimeout(word, budgetMs, () -> { });
            } catch (SuggestionTimeoutException e) {
                result = null;
            }
            overBudget[calls++ % WINDOW] = result == null;
            return result;
        } finally {
            lock.unlock();
        }
    }
}
