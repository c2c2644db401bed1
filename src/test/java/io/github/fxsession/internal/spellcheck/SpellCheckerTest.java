package io.github.fxsession.internal.spellcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpellCheckerTest {

    private static final OkHttpClient CLIENT = new OkHttpClient();

    @Test
    void customWordsSurviveRestartOfPersistentPartition(@TempDir Path partition) throws Exception {
        SpellChecker before = new SpellChecker("restart", partition, () -> CLIENT);
        before.setLanguages(List.of("en-US"));
        assertTrue(before.addWord("Zorblax"));
        before.close();

        SpellChecker after = new SpellChecker("restart", partition, () -> CLIENT);
        after.setLanguages(List.of("en-US"));
        assertEquals(List.of("Zorblax"), after.listWords());
        assertFalse(after.isMisspelled("Zorblax"));
        assertEquals("Zorblax\n", Files.readString(partition.resolve("Custom Dictionary.txt")));
        after.close();
    }

    @Test
    void defaultLanguageIsTheOsLocaleWhenAvailableElseEnUs() {
        assertEquals("fr", Dictionaries.defaultLanguage(Locale.FRANCE));
        assertEquals("en-GB", Dictionaries.defaultLanguage(Locale.UK));
        assertEquals("de-DE", Dictionaries.defaultLanguage(Locale.GERMANY));
        assertEquals("en-US", Dictionaries.defaultLanguage(Locale.JAPAN));
    }
}
