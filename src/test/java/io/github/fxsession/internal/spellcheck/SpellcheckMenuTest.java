package io.github.fxsession.internal.spellcheck;

import static io.github.fxsession.testing.FxToolkit.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.fxsession.testing.FxToolkit;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.MenuItem;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The spellcheck menu's labels come from the resource bundle of the JVM's default locale. */
@ExtendWith(FxToolkit.class)
class SpellcheckMenuTest {

    private static final SpellChecker CHECKER = new SpellChecker("menu-labels", null, OkHttpClient::new);

    private static List<String> labels(List<String> suggestions, Locale locale) {
        return onFx(() -> SpellcheckBridge.build(null, "k", 1, "wrod", suggestions, CHECKER, locale).getItems().stream()
                .map(MenuItem::getText).toList());
    }

    @Test
    void menuIsInFrenchForAFrenchLocale() {
        assertThat(labels(List.of(), Locale.CANADA_FRENCH)).containsExactly("Aucune suggestion", null,
                "Ajouter au dictionnaire", null, "Couper", "Copier", "Coller", "Tout sélectionner");
    }

    @Test
    void menuIsInEnglishForAnEnglishLocale() {
        assertThat(labels(List.of("word"), Locale.UK)).containsExactly("word", null, "Add to dictionary", null, "Cut",
                "Copy", "Paste", "Select all");
    }
}
