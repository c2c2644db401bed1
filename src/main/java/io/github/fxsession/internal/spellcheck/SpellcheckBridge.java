package io.github.fxsession.internal.spellcheck;

import io.github.fxsession.internal.bridge.BridgeMethod;
import io.github.fxsession.internal.bridge.PageBridge;
import io.github.fxsession.internal.session.EngineBinding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.WeakHashMap;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.web.WebEngine;
import javafx.scene.web.WebView;
import javafx.stage.Window;
import tools.jackson.databind.JsonNode;

/**
 * The Java side of the page's spellcheck module ({@code bridge-modules/spellcheck.js}): checks the words
 * of editable fields, shows the JavaFX {@link ContextMenu} for a marked word (up to 5 suggestions, "Add to
 * dictionary", Cut, Copy, Paste, Select all; labels in the JVM default locale's language, English or French) and hands the chosen action back to the page, which polls for
 * it after a wake-up message. The menu is shown for words of the top document and of frames whose every
 * ancestor frame is same-origin with them (the page adds the frames' offsets to the click's coordinates); in
 * a frame under a cross-origin parent the page cannot learn where the frame is, so the word stays marked
 * but WebView's own menu shows there.
 *
 * <p>Threading: FX Application Thread (bridge calls and menu actions); suggestions are computed on the
 * spellchecker's pool.
 */
public final class SpellcheckBridge {

    static final String WAKE = "__fxsession_spell__";
    private static final String WAKE_SCRIPT = "(function f(x){try{x.postMessage('" + WAKE + "','*')}catch(e){}"
            + "for(var i=0;i<x.frames.length;i++){f(x.frames[i])}})(window)";
    static final int MAX_SUGGESTIONS = 5;
    private static final Map<EngineBinding, Map<String, List<Map<String, Object>>>> PENDING = new WeakHashMap<>();
    private static final Map<WebEngine, ContextMenu> MENUS = new WeakHashMap<>();

    static {
        PageBridge.register("spellcheck.check", SpellcheckBridge::check);
        PageBridge.register("spellcheck.menu", SpellcheckBridge::menu);
        PageBridge.register("spellcheck.poll", SpellcheckBridge::poll);
        PageBridge.register("spellcheck.copy", SpellcheckBridge::copy);
    }

    private SpellcheckBridge() {
    }

    /** Registers the bridge methods (idempotent). */
    public static void install() {
        // the static initializer did it
    }

    private static SpellChecker checker(BridgeMethod.Call call) {
        return call.binding().session().spellChecker();
    }

    /** Answers {@code {g: generation, bad: [misspelled words]}}; the page keeps verdicts for one generation. */
    private static Object check(BridgeMethod.Call call) {
        SpellChecker checker = checker(call);
        long generation = checker.generation();
        List<String> misspelled = new ArrayList<>();
        for (JsonNode word : call.args().path("words")) {
            String w = word.asString("");
            if (checker.isMisspelled(w)) {
                misspelled.add(w);
            }
        }
        checker.prefetchSuggestions(misspelled);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("g", generation);
        answer.put("bad", misspelled);
        return answer;
    }

    private static Object menu(BridgeMethod.Call call) {
        SpellChecker checker = checker(call);
        JsonNode args = call.args();
        String word = args.path("word").asString("");
        WebEngine engine = call.binding().engine();
        WebView view = viewOf(engine);
        if (!checker.isEnabled() || !args.path("top").asBoolean(false) || view == null || word.isEmpty()) {
            return false;
        }
        String key = args.path("key").asString("");
        long id = args.path("id").asLong(0);
        EngineBinding binding = call.binding();
        Point2D screen = view.localToScreen(args.path("x").asDouble(0), args.path("y").asDouble(0));
        boolean defaultMenu = view.isContextMenuEnabled();
        view.setContextMenuEnabled(false); // this right-click shows our menu, not WebView's
        checker.suggestions(word).whenComplete((suggestions, failure) -> Platform.runLater(() -> {
            List<String> shown = suggestions == null ? List.of()
                    : suggestions.subList(0, Math.min(MAX_SUGGESTIONS, suggestions.size()));
            ContextMenu menu = build(binding, key, id, word, shown, checker, Locale.getDefault());
            menu.setOnHidden(e -> view.setContextMenuEnabled(defaultMenu));
            ContextMenu previous = MENUS.put(engine, menu);
            if (previous != null) {
                previous.hide();
            }
            if (screen == null || view.getScene() == null) {
                view.setContextMenuEnabled(defaultMenu);
                return;
            }
            menu.show(view, screen.getX(), screen.getY());
        }));
        return true;
    }

    /**
     * The menu of a marked word; its labels come from {@code messages.properties} in this package (English,
     * French in {@code messages_fr}) for {@code locale}, the JVM's default locale when the menu is shown.
     */
    static ContextMenu build(EngineBinding binding, String key, long id, String word, List<String> suggestions,
            SpellChecker checker, Locale locale) {
        ResourceBundle labels = ResourceBundle.getBundle("io.github.fxsession.internal.spellcheck.messages", locale);
        ContextMenu menu = new ContextMenu();
        menu.getStyleClass().add("fxsession-spellcheck-menu");
        for (String suggestion : suggestions) {
            menu.getItems().add(item(suggestion, () -> post(binding, key, action(id, "replace", suggestion))));
        }
        if (suggestions.isEmpty()) {
            MenuItem none = new MenuItem(labels.getString("noSuggestions"));
            none.setDisable(true);
            menu.getItems().add(none);
        }
        menu.getItems().add(new SeparatorMenuItem());
        MenuItem add = item(labels.getString("addToDictionary"), () -> {
            if (checker.addWord(word)) {
                Map<String, Object> recheck = new LinkedHashMap<>();
                recheck.put("recheck", true);
                post(binding, key, recheck);
            }
        });
        add.setDisable(!checker.canKeepWords());
        menu.getItems().add(add);
        menu.getItems().add(new SeparatorMenuItem());
        menu.getItems().add(item(labels.getString("cut"), () -> post(binding, key, action(id, "command", "cut"))));
        menu.getItems().add(item(labels.getString("copy"), () -> post(binding, key, action(id, "command", "copy"))));
        menu.getItems().add(item(labels.getString("paste"), () -> {
            Map<String, Object> paste = action(id, "command", "paste");
            String text = Clipboard.getSystemClipboard().getString();
            paste.put("text", text == null ? "" : text);
            post(binding, key, paste);
        }));
        menu.getItems().add(item(labels.getString("selectAll"), () -> post(binding, key, action(id, "command", "selectAll"))));
        return menu;
    }

    private static MenuItem item(String text, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setMnemonicParsing(false);
        item.setOnAction(e -> action.run());
        return item;
    }

    private static Map<String, Object> action(long id, String name, String value) {
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("id", id);
        action.put(name, value);
        return action;
    }

    private static void post(EngineBinding binding, String key, Map<String, Object> action) {
        PENDING.computeIfAbsent(binding, b -> new LinkedHashMap<>()).computeIfAbsent(key, k -> new ArrayList<>()).add(action);
        WebEngine engine = binding.engine();
        if (engine != null) {
            engine.executeScript(WAKE_SCRIPT);
        }
    }

    private static Object poll(BridgeMethod.Call call) {
        Map<String, List<Map<String, Object>>> byDocument = PENDING.get(call.binding());
        List<Map<String, Object>> actions = byDocument == null ? null : byDocument.remove(call.args().path("key").asString(""));
        return actions == null ? List.of() : actions;
    }

    private static Object copy(BridgeMethod.Call call) {
        ClipboardContent content = new ClipboardContent();
        content.putString(call.args().path("text").asString(""));
        Clipboard.getSystemClipboard().setContent(content);
        return null;
    }

    /** The showing WebView of {@code engine}: WebEngine has no public link back to its view. */
    private static WebView viewOf(WebEngine engine) {
        for (Window window : Window.getWindows()) {
            Scene scene = window.getScene();
            if (engine != null && scene != null && scene.getRoot() != null) {
                for (Node node : scene.getRoot().lookupAll(".web-view")) {
                    if (node instanceof WebView view && view.getEngine() == engine) {
                        return view;
                    }
                }
            }
        }
        return null;
    }
}
