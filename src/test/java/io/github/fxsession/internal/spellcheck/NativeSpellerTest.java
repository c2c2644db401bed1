package io.github.fxsession.internal.spellcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dumonts.hunspell.Hunspell;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The check handle with a reused native buffer answers exactly as the binding's own {@code Hunspell.spell}:
 * the licence texts' words and a sample of the dictionary's stems of each bundled language, in lower and upper
 * case and misspelled, words longer than the buffer (it grows) and words the dictionary's charset cannot encode.
 */
class NativeSpellerTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"en-US", "en-GB", "fr", "es"})
    void answersExactlyAsTheBindingsSpell(String language) throws Exception {
        Path aff = WordFormsTest.copyBundled(language, ".aff", dir);
        Path dic = WordFormsTest.copyBundled(language, ".dic", dir);
        Set<String> words = new LinkedHashSet<>();
        Matcher m = WordFormsTest.WORD.matcher(WordFormsTest.resource("/fxsession-dictionaries/" + language + "/COPYRIGHT"));
        while (m.find()) {
            words.add(m.group());
            words.add(m.group().toUpperCase(Locale.ROOT));
        }
        List<String> entries = Files.readAllLines(dic, StandardCharsets.UTF_8); // all four are SET UTF-8
        for (int i = 1; i < entries.size(); i += 50) {
            String stem = entries.get(i).split("[/\\t ]", 2)[0];
            words.add(stem);
            words.add(stem.toUpperCase(Locale.ROOT));
            words.add(stem + "q");
        }
        words.addAll(List.of("électricité", "日本語", "naïve", "x".repeat(129), "ab".repeat(300), "incomprehensibilities".repeat(20)));
        try (Hunspell hunspell = new Hunspell(dic, aff); NativeSpeller speller = new NativeSpeller(aff, dic)) {
            List<String> differ = new ArrayList<>();
            int accepted = 0;
            for (String word : words) {
                boolean expected = hunspell.spell(word);
                accepted += expected ? 1 : 0;
                if (speller.spell(word) != expected) {
                    differ.add(word);
                }
            }
            assertThat(differ).as("words answered differently").isEmpty();
            assertThat(accepted).as("the list has correct words").isGreaterThan(1000);
            assertThat(words.size() - accepted).as("the list has misspelled words").isGreaterThan(1000);
        }
    }

    @Test
    void spellAfterCloseThrowsInsteadOfCallingFreedMemory() throws Exception {
        NativeSpeller speller = new NativeSpeller(WordFormsTest.copyBundled("en-US", ".aff", dir), WordFormsTest.copyBundled("en-US", ".dic", dir));
        assertThat(speller.spell("house")).isTrue();
        speller.close();
        speller.close();

        assertThatThrownBy(() -> speller.spell("house")).isInstanceOf(IllegalStateException.class).hasMessage("spell after close");
    }
}
