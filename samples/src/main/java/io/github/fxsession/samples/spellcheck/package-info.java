/** Spellcheck demo: a form page with misspelled words and a menu for the session's spellchecker. */
package io.github.fxsession.samples.spellcheck;
