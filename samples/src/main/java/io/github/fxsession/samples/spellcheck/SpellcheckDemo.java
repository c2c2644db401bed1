package io.github.fxsession.samples.spellcheck;

import io.github.fxsession.Session;
import io.github.fxsession.SessionWebView;
import io.github.fxsession.protocol.ProtocolResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;

/**
 * The demo browser's {@code Spellcheck} menu: opens a built-in form (a text input, a textarea, a
 * contenteditable and a {@code spellcheck="false"} textarea, all holding misspelled words) and turns the
 * selected tab's spellchecker on or off and chooses its languages among
 * {@link Session#availableSpellCheckerLanguages()}.
 *
 * <pre>{@code
 * menuBar.getMenus().add(SpellcheckDemo.menu(browser::openTab, browser::getSelectedView));
 * }</pre>
 *
 * <p>The form is served by a custom protocol, {@value #SCHEME}, handled in partition {@value #PARTITION}
 * only: its document goes through that partition's chain like a network page, so the page bridge (and
 * with it the spellcheck underlines) is inserted into it.
 *
 * <p>Threading: FX Application Thread only, except {@link #formUrl()} and {@link #serveForm(Session)}: any
 * thread.
 *
 * @since 0.2
 */
public final class SpellcheckDemo {

    /** The partition the form opens in. */
    public static final String PARTITION = "spellcheck-demo";
    /** The scheme that serves the form in {@value #PARTITION}. */
    public static final String SCHEME = "demo-forms";

    private static final byte[] FORM = readForm();

    private SpellcheckDemo() {
    }

    /**
     * The {@code Spellcheck} menu.
     *
     * @param openTab opens a tab: {@code (partition, url)}
     * @param selected the selected tab's view, or {@code null} when there is none
     * @return the menu: open the form, check spelling on/off, languages
     */
    public static Menu menu(BiConsumer<String, String> openTab, Supplier<SessionWebView> selected) {
        Objects.requireNonNull(openTab, "openTab == null");
        Objects.requireNonNull(selected, "selected == null");
        MenuItem open = new MenuItem("Open spellcheck form");
        open.setOnAction(event -> {
            serveForm(Session.fromPartition(PARTITION));
            openTab.accept(PARTITION, formUrl());
        });
        CheckMenuItem enabled = new CheckMenuItem("Check spelling in this tab's partition");
        enabled.setOnAction(event -> {
            SessionWebView view = selected.get();
            if (view != null) {
                view.getSession().setSpellCheckerEnabled(enabled.isSelected());
                view.getEngine().reload();
            }
        });
        Menu languages = new Menu("Languages of this tab's partition");
        Menu menu = new Menu("Spellcheck", null, open, new SeparatorMenuItem(), enabled, languages);
        menu.setOnShowing(event -> {
            SessionWebView view = selected.get();
            enabled.setDisable(view == null);
            languages.setDisable(view == null);
            if (view != null) {
                enabled.setSelected(view.getSession().isSpellCheckerEnabled());
                languages.getItems().setAll(languageItems(view));
            }
        });
        return menu;
    }

    /** One check item per available language of the view's session, checked when it is in use. */
    private static List<MenuItem> languageItems(SessionWebView view) {
        Session session = view.getSession();
        List<String> chosen = session.getSpellCheckerLanguages();
        List<MenuItem> items = new ArrayList<>();
        for (String code : session.availableSpellCheckerLanguages()) {
            CheckMenuItem item = new CheckMenuItem(code);
            item.setSelected(chosen.contains(code));
            item.setOnAction(event -> {
                setLanguage(session, code, item.isSelected());
                view.getEngine().reload();
            });
            items.add(item);
        }
        return items;
    }

    /**
     * Adds {@code code} to, or removes it from, {@code session}'s spellchecker languages (a language that
     * is not bundled is downloaded from the session's dictionary download URL; without one it fails and the
     * others stay in use).
     *
     * @param session the session
     * @param code a code of {@link Session#availableSpellCheckerLanguages()}
     * @param use whether to check against it
     * @return the languages now in use
     */
    public static List<String> setLanguage(Session session, String code, boolean use) {
        Objects.requireNonNull(session, "session == null");
        Objects.requireNonNull(code, "code == null");
        List<String> languages = new ArrayList<>(session.getSpellCheckerLanguages());
        languages.remove(code);
        if (use) {
            languages.add(code);
        }
        session.setSpellCheckerLanguages(languages);
        return session.getSpellCheckerLanguages();
    }

    /**
     * Lets {@code session} serve the form at {@link #formUrl()} through scheme {@value #SCHEME} (once;
     * later calls do nothing).
     *
     * @param session the session of the tab that shows the form
     */
    public static void serveForm(Session session) {
        Objects.requireNonNull(session, "session == null");
        synchronized (SpellcheckDemo.class) {
            if (!session.protocol().isProtocolHandled(SCHEME)) {
                session.protocol().handle(SCHEME, request -> CompletableFuture.completedFuture(
                        ProtocolResponse.ofBytes(FORM, "text/html; charset=utf-8")));
            }
        }
    }

    /** The form's URL in {@value #PARTITION}. */
    public static String formUrl() {
        return SCHEME + "://forms/spellcheck.html";
    }

    private static byte[] readForm() {
        try (InputStream in = SpellcheckDemo.class.getResourceAsStream("spellcheck-form.html")) {
            if (in == null) {
                throw new IllegalStateException("spellcheck-form.html is missing from the samples");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the spellcheck form", e);
        }
    }
}
