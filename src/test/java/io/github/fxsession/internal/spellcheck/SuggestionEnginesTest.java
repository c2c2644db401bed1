package io.github.fxsession.internal.spellcheck;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.fxsession.testing.Misspellings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fast suggestion engine (Lucene's Hunspell) offers what native Hunspell offers: over misspellings made
 * from real dictionary words (a swapped, dropped, added or replaced letter), the intended word is among the
 * first five as often, the first suggestion is mostly the same, and no single-word suggestion is one the
 * checker rejects. When the engine runs past its budget, native Hunspell's answer is returned unchanged, and
 * a language that keeps running past it stops being asked (one within it keeps being asked).
 */
class SuggestionEnginesTest {

    private static final int TYPOS = 30;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"en-US", "en-GB", "es"})
    void fastEngineOffersTheIntendedWordAsOftenAsNativeHunspell(String language) throws Exception {
        try (HunspellDictionary dictionary = load(language)) {
            dictionary.fastEngineReady().join();
            int nativeTop5 = 0;
            int fastTop5 = 0;
            int sameFirst = 0;
            List<String> rejected = new ArrayList<>();
            List<Misspellings.Pair> typos = typos(dictionary, language, TYPOS);
            for (Misspellings.Pair typo : typos) {
                List<String> expected = dictionary.suggestNative(typo.misspelling());
                List<String> actual = dictionary.suggest(typo.misspelling());
                nativeTop5 += expected.subList(0, Math.min(5, expected.size())).contains(typo.intended()) ? 1 : 0;
                fastTop5 += actual.subList(0, Math.min(5, actual.size())).contains(typo.intended()) ? 1 : 0;
                sameFirst += !actual.isEmpty() && !expected.isEmpty() && actual.get(0).equals(expected.get(0)) ? 1 : 0;
                for (String s : actual) {
                    if (s.indexOf(' ') < 0 && !dictionary.spell(s)) {
                        rejected.add(typo.misspelling() + " -> " + s);
                    }
                }
            }
            assertThat(nativeTop5).as("native Hunspell finds most intended words").isGreaterThan(TYPOS * 3 / 4);
            assertThat(fastTop5).as("intended word in the first five (native: %d of %d)", nativeTop5, TYPOS)
                    .isGreaterThanOrEqualTo(nativeTop5 - 2);
            assertThat(sameFirst).as("same first suggestion as native Hunspell").isGreaterThanOrEqualTo(TYPOS * 4 / 5);
            assertThat(rejected).as("suggestions the checker itself rejects").isEmpty();
        }
    }

    @Test
    void engineOverItsBudgetLeavesNativeHunspellsAnswerAndStopsBeingAsked() throws Exception {
        try (HunspellDictionary dictionary = load("en-US")) {
            FastSuggester built = FastSuggester.build(dictionary.affFile(), dictionary.dicFile(), 10_000);
            for (int i = 0; i < 20; i++) {
                assertThat(built.suggest("speling")).contains("spelling");
            }
            assertThat(built.worthAsking()).as("an engine within its budget keeps being asked").isTrue();

            FastSuggester engine = built.withBudget(0);
            dictionary.useFastEngine(engine);
            for (Misspellings.Pair typo : typos(dictionary, "en-US", 3)) {
                assertThat(engine.suggest(typo.misspelling())).as("an engine with no budget never answers").isNull();
                assertThat(dictionary.suggest(typo.misspelling())).isEqualTo(dictionary.suggestNative(typo.misspelling())).isNotEmpty();
            }
            for (int i = 0; i < 16; i++) {
                engine.suggest("speling");
            }
            int asked = 0;
            for (int i = 0; i < 64; i++) {
                asked += engine.worthAsking() ? 1 : 0;
            }
            assertThat(asked).as("after 16 calls over budget: probed once in 32 calls").isEqualTo(2);
        }
    }

    private HunspellDictionary load(String language) throws IOException {
        Path aff = copy("/fxsession-dictionaries/" + language + "/" + language + ".aff", dir.resolve(language + ".aff"));
        Path dic = copy("/fxsession-dictionaries/" + language + "/" + language + ".dic", dir.resolve(language + ".dic"));
        return HunspellDictionary.load(language, aff, dic);
    }

    private static List<Misspellings.Pair> typos(HunspellDictionary dictionary, String language, int count) throws IOException {
        return Misspellings.fromDictionary(dictionary.dicFile(), count, language.hashCode(), dictionary::spell);
    }

    private static Path copy(String resource, Path to) throws IOException {
        try (InputStream in = SuggestionEnginesTest.class.getResourceAsStream(resource)) {
            Files.copy(in, to);
        }
        return to;
    }
}
