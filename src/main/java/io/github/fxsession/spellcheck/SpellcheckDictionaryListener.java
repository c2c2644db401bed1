package io.github.fxsession.spellcheck;

/**
 * Receives one kind of a session's spellcheck dictionary events: {@code 'spellcheck-dictionary-initialized'},
 * {@code -download-begin}, {@code -download-success} or {@code -download-failure}.
 *
 * <pre>{@code
 * session.onSpellcheckDictionaryDownloadFailure(code -> log.warning("no dictionary for " + code));
 * }</pre>
 *
 * <p>Electron equivalent: the listener of {@code ses.on('spellcheck-dictionary-…', (event, languageCode) => …)}.
 *
 * <p>Threading: called on the session's spellcheck thread (a daemon thread); must be fast, must not
 * throw, must not touch the scene graph (use {@code Platform.runLater}).
 *
 * @since 0.2
 */
@FunctionalInterface
public interface SpellcheckDictionaryListener {

    /**
     * The event happened for one language.
     *
     * @param languageCode the language, as given to {@code setSpellCheckerLanguages} (e.g. {@code "en-US"})
     */
    void dictionaryEvent(String languageCode);
}
