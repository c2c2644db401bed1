package io.github.fxsession.internal.spellcheck;

import static org.assertj.core.api.Assertions.assertThat;

import dumonts.hunspell.Hunspell;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The compiled word forms change only the speed of a check, never its answer: over a real word list of each
 * bundled language (dictionary forms, their capitalised and upper-case variants, misspellings of them in lower and
 * upper case, and the words of the licence texts shipped beside the dictionaries), the fast path answers exactly
 * as Hunspell; an all-capitals word counts as known only when Hunspell accepted that very variant.
 */
class WordFormsTest {

    static final Pattern WORD = Pattern.compile("\\p{L}+(?:['\u2019]\\p{L}+)*");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"en-US", "en-GB", "fr", "es"})
    void compiledFormsAnswerExactlyAsHunspell(String language) throws Exception {
        Path aff = copyBundled(language, ".aff", dir);
        Path dic = copyBundled(language, ".dic", dir);
        int every = language.startsWith("en") ? 25 : 400; // a sample of the stems keeps the test short
        try (Hunspell hunspell = new Hunspell(dic, aff)) {
            WordForms forms = WordForms.compile(aff, dic, every, hunspell::spell);
            Path saved = dir.resolve(language + ".forms");
            forms.save(saved);
            WordForms read = WordForms.read(saved);
            assertThat(read.size()).isEqualTo(forms.size());

            List<String> words = wordList(saved, language);
            int hits = 0;
            int accepted = 0;
            int upperHits = 0;
            int upperAccepted = 0;
            List<String> differ = new ArrayList<>();
            for (String word : words) {
                boolean expected = hunspell.spell(word);
                boolean fast = read.contains(word) || hunspell.spell(word);
                if (fast != expected || read.contains(word) && !expected) {
                    differ.add(word);
                }
                hits += read.contains(word) ? 1 : 0;
                accepted += expected ? 1 : 0;
                if (word.length() > 1 && word.equals(word.toUpperCase(Locale.ROOT))) {
                    upperHits += read.contains(word) ? 1 : 0;
                    upperAccepted += expected ? 1 : 0;
                }
            }
            assertThat(differ).as("words answered differently").isEmpty();
            assertThat(accepted).as("the list has correct words").isGreaterThan(1000);
            assertThat(words.size() - accepted).as("the list has misspelled words").isGreaterThan(1000);
            assertThat(hits).as("the set answers most correct words of the list").isGreaterThan(accepted / 4);
            assertThat(upperHits).as("the set answers most all-capitals words Hunspell accepts").isGreaterThan(upperAccepted / 2);
        }
    }

    @Test
    void allCapitalsWordIsKnownOnlyWhenHunspellAcceptsThatVariant() throws Exception {
        Path aff = Files.writeString(dir.resolve("t.aff"), "SET UTF-8\nKEEPCASE K\n");
        Path dic = Files.writeString(dir.resolve("t.dic"), "2\nfoo/K\nbar\n");
        try (Hunspell hunspell = new Hunspell(dic, aff)) {
            WordForms forms = WordForms.compile(aff, dic, hunspell::spell);
            Path saved = dir.resolve("t.forms");
            forms.save(saved);
            WordForms read = WordForms.read(saved);

            assertThat(List.of(hunspell.spell("foo"), hunspell.spell("FOO"), hunspell.spell("BAR"))).containsExactly(true, false, true);
            assertThat(List.of(read.contains("foo"), read.contains("FOO"), read.contains("BAR"), read.contains("BAr")))
                    .containsExactly(true, false, true, false);
        }
    }

    /** Forms from the saved set, variants and misspellings of them, and the shipped licence texts' words. */
    private static List<String> wordList(Path saved, String language) throws IOException {
        Set<String> words = new LinkedHashSet<>();
        List<String> forms = Files.readAllLines(saved, StandardCharsets.UTF_8);
        for (int i = 0; i < forms.size(); i += 7) {
            String form = forms.get(i).split("\t")[0]; // a tab marks a form whose upper case is verified too
            words.add(form);
            words.add(form.toUpperCase(Locale.ROOT));
            words.add(form.toLowerCase(Locale.ROOT));
            int middle = form.length() / 2;
            String inserted = form.substring(0, middle) + "q" + form.substring(middle); // an inserted letter
            words.add(inserted);
            words.add(inserted.toUpperCase(Locale.ROOT));
            if (form.length() > 3) {
                String swapped = form.substring(0, middle - 1) + form.charAt(middle) + form.charAt(middle - 1) + form.substring(middle + 1);
                words.add(swapped);
                words.add(swapped.toUpperCase(Locale.ROOT));
            }
        }
        String prose = resource("/fxsession-dictionaries/" + language + "/COPYRIGHT");
        Matcher m = WORD.matcher(prose);
        while (m.find()) {
            words.add(m.group());
        }
        return List.copyOf(words);
    }

    static String resource(String name) throws IOException {
        try (InputStream in = WordFormsTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A bundled language's {@code .aff} or {@code .dic} ({@code extension}), copied into {@code dir}. */
    static Path copyBundled(String language, String extension, Path dir) throws IOException {
        return copy("/fxsession-dictionaries/" + language + "/" + language + extension, dir.resolve(language + extension));
    }

    private static Path copy(String name, Path to) throws IOException {
        try (InputStream in = WordFormsTest.class.getResourceAsStream(name)) {
            Files.copy(in, to);
        }
        return to;
    }
}
