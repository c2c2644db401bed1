/**
 * Spellcheck: the listener type of the session's spellcheck dictionary events. The spellchecker itself is
 * driven through {@link io.github.fxsession.Session} ({@code setSpellCheckerEnabled},
 * {@code setSpellCheckerLanguages}, custom words, {@code isWordMisspelled}, {@code getWordSuggestions}).
 *
 * <p>WebView has no spellchecker: fxsession checks words with native Hunspell (through JNA; the native
 * library ships inside the dependency) and bundles the en-US, en-GB, fr and es dictionaries; other languages
 * are downloaded from the URL given to {@code setSpellCheckerDictionaryDownloadURL}.
 *
 * <p>Threading: see each type.
 *
 * @since 0.2
 */
package io.github.fxsession.spellcheck;
