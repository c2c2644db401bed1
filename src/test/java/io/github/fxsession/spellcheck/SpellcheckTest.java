package io.github.fxsession.spellcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fxsession.Session;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SpellcheckTest {

    @Test
    void spellcheckerIsEnabledByDefault() {
        Session session = Session.fromPartition("spell-default-enabled");
        assertTrue(session.isSpellCheckerEnabled());
        assertTrue(session.spellCheckerEnabled());
    }

    @Test
    void unknownLanguageCodeIsRejected() {
        Session session = Session.fromPartition("spell-unknown-code");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> session.setSpellCheckerLanguages(List.of("en-US", "xx")));
        assertEquals("Invalid language code provided: \"xx\"", e.getMessage());
        assertEquals(1, session.getSpellCheckerLanguages().size());
    }

    @Test
    void emptyLanguageListIsAcceptedAndMarksNothing() {
        Session session = Session.fromPartition("spell-empty-languages");
        session.setSpellCheckerLanguages(List.of());
        assertEquals(List.of(), session.getSpellCheckerLanguages());
        assertFalse(session.isWordMisspelled("qwzxtrv"));
    }

    @Test
    void availableLanguagesListBundledAndDownloadableOnes() {
        List<String> available = Session.fromPartition("spell-available").availableSpellCheckerLanguages();
        assertTrue(available.containsAll(List.of("en-US", "en-GB", "fr", "es", "de-DE", "it")), available.toString());
    }

    @Test
    void wordIsMisspelledOnlyWhenNoEnabledLanguageAcceptsIt() {
        Session session = Session.fromPartition("spell-any-language");
        session.setSpellCheckerLanguages(List.of("en-US"));
        assertTrue(session.isWordMisspelled("bonjour"));
        assertFalse(session.isWordMisspelled("hello"));
        session.setSpellCheckerLanguages(List.of("en-US", "fr"));
        assertFalse(session.isWordMisspelled("bonjour"));
        assertFalse(session.isWordMisspelled("hello"));
        assertTrue(session.isWordMisspelled("helllo"));
    }

    @Test
    void britishAndSpanishDictionariesAreBundled() {
        Session session = Session.fromPartition("spell-gb-es");
        session.setSpellCheckerLanguages(List.of("en-GB"));
        assertFalse(session.isWordMisspelled("colour"));
        assertTrue(session.isWordMisspelled("perro"));
        session.setSpellCheckerLanguages(List.of("es"));
        assertFalse(session.isWordMisspelled("perro"));
        assertFalse(session.isWordMisspelled("mañana"));
    }

    @Test
    void suggestionsOfferTheCorrection() throws Exception {
        Session session = Session.fromPartition("spell-suggest");
        session.setSpellCheckerLanguages(List.of("en-US"));
        List<String> suggestions = session.getWordSuggestions("recieve").get(10, TimeUnit.SECONDS);
        assertEquals("receive", suggestions.get(0));
    }

    @Test
    void disabledSpellcheckerMarksNothing() {
        Session session = Session.fromPartition("spell-disabled");
        session.setSpellCheckerLanguages(List.of("en-US"));
        session.setSpellCheckerEnabled(false);
        assertFalse(session.isWordMisspelled("helllo"));
        session.spellCheckerEnabled(true);
        assertTrue(session.isWordMisspelled("helllo"));
    }

    @Test
    void addingEmptyWordReturnsFalse() {
        assertFalse(Session.fromPartition("persist:spell-empty-word").addWordToSpellCheckerDictionary(""));
    }

    @Test
    void addingWordOnInMemoryPartitionReturnsFalse() throws Exception {
        Session session = Session.fromPartition("spell-memory-words");
        assertFalse(session.addWordToSpellCheckerDictionary("fxsession"));
        assertEquals(List.of(), session.listWordsInSpellCheckerDictionary().get(10, TimeUnit.SECONDS));
    }

    @Test
    void removingUnknownWordReturnsFalse() {
        assertFalse(Session.fromPartition("persist:spell-remove-unknown").removeWordFromSpellCheckerDictionary("nowhere"));
    }

    @Test
    void customWordIsCorrectUntilRemoved() throws Exception {
        Session session = Session.fromPartition("persist:spell-custom");
        session.setSpellCheckerLanguages(List.of("en-US"));
        session.removeWordFromSpellCheckerDictionary("fxsessionish"); // left by an earlier run of the suite
        assertTrue(session.isWordMisspelled("fxsessionish"));
        assertTrue(session.addWordToSpellCheckerDictionary("fxsessionish"));
        assertFalse(session.addWordToSpellCheckerDictionary("fxsessionish"));
        assertFalse(session.isWordMisspelled("fxsessionish"));
        assertEquals(List.of("fxsessionish"), session.listWordsInSpellCheckerDictionary().get(10, TimeUnit.SECONDS));
        assertTrue(session.removeWordFromSpellCheckerDictionary("fxsessionish"));
        assertTrue(session.isWordMisspelled("fxsessionish"));
    }

    @Test
    void customWordsNeverLeakToAnotherPartition() {
        Session one = Session.fromPartition("persist:spell-leak-one");
        Session two = Session.fromPartition("persist:spell-leak-two");
        one.setSpellCheckerLanguages(List.of("en-US"));
        two.setSpellCheckerLanguages(List.of("en-US"));
        one.removeWordFromSpellCheckerDictionary("leakyword"); // left by an earlier run of the suite
        assertTrue(one.addWordToSpellCheckerDictionary("leakyword"));
        assertFalse(one.isWordMisspelled("leakyword"));
        assertTrue(two.isWordMisspelled("leakyword"));
    }

    @Test
    void invalidDownloadUrlIsRejected() {
        Session session = Session.fromPartition("spell-bad-url");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> session.setSpellCheckerDictionaryDownloadURL("not a url"));
        assertEquals("The URL you provided to setSpellCheckerDictionaryDownloadURL is not a valid URL: \"not a url\"",
                e.getMessage());
    }
}
