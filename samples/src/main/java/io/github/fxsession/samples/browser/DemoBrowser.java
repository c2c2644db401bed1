package io.github.fxsession.samples.browser;

import io.github.fxsession.Session;
import io.github.fxsession.SessionWebView;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.web.WebEngine;
import javafx.scene.web.WebHistory;
import javafx.stage.Stage;

/**
 * A tabbed browser in which every tab belongs to a partition: the fxsession counterpart of an Electron
 * window whose {@code <webview>}s carry different {@code partition} attributes.
 *
 * <pre>{@code
 * // ./mvnw -Pdemo runs it from the project folder; from code, on the FX thread:
 * DemoBrowser browser = new DemoBrowser();
 * browser.start(new Stage());
 * browser.openTab("persist:work", "https://example.com/");
 * }</pre>
 *
 * <h2>What it shows</h2>
 * <ul>
 *   <li>{@code File > New tab in partition} opens a {@link SessionWebView} on the default session,
 *       on {@code persist:work} or {@code persist:personal} (stored on disk, so their localStorage
 *       survives a restart), or on a fresh in-memory partition ({@code temp-1}, {@code temp-2}...) that is gone
 *       when the JVM exits. Tabs of one partition share localStorage and network identity; tabs of two
 *       partitions do not share localStorage, HTTP client or User-Agent.</li>
 *   <li>Each tab names its partition in its text ({@code [persist:work] Example Domain}) and in its
 *       status line, with a dot whose colour is derived from the partition name.</li>
 *   <li>The address bar adds {@code https://} when the typed text has no scheme; back, forward and
 *       reload use the tab's own {@link WebEngine}.</li>
 *   <li>{@code View > Cookies} shows a {@link CookieViewer} of the selected tab's partition beside the
 *       tabs: its cookies, live, with a button that deletes them.</li>
 *   <li>{@code File > Proxy settings of this tab's partition} sets that partition's proxy
 *       ({@link ProxySettingsDialog}); tabs of other partitions keep theirs.</li>
 *   <li>A tab opened without a URL shows a built-in start page through
 *       {@link io.github.fxsession.WebContents#loadContent(String)}.</li>
 *   <li>{@code Permissions > Open permissions demo page} exercises every permission with the default
 *       prompt ({@link io.github.fxsession.samples.permissions.PermissionsDemo}).</li>
 *   <li>{@code Serial > Open serial terminal} talks to a serial port through {@code navigator.serial}
 *       ({@link io.github.fxsession.samples.serial.SerialTerminal}).</li>
 *   <li>{@code Spellcheck} opens a form whose misspelled words are underlined, turns the selected tab's
 *       spellchecker on or off and picks its languages
 *       ({@link io.github.fxsession.samples.spellcheck.SpellcheckDemo}).</li>
 *   <li>{@code Tools > Start net log} records the selected tab's partition into a NetLog JSON file;
 *       {@code Stop net log} shows where it was written
 *       ({@link io.github.fxsession.samples.netlog.NetLogToggle}).</li>
 * </ul>
 *
 * <h2>Embedding</h2>
 * {@link #start(Stage)} builds the window into any stage, so the browser also runs without
 * {@link Application#launch}: create a {@code DemoBrowser}, call {@code start(stage)} on the FX thread,
 * then {@link #openTab(String, String)}. With JavaFX on the class path, launch it through
 * {@link DemoBrowserLauncher}; JavaFX refuses an {@code Application} subclass as the main class there.
 *
 * <h2>Threading</h2>
 * FX Application Thread only, except {@link #toUrl(String)}: any thread.
 *
 * @since 0.1
 */
public final class DemoBrowser extends Application {

    /** The partitions offered by {@code File > New tab in partition}, besides temporary ones. */
    private static final List<Choice> PARTITIONS = List.of(
            new Choice("Default", "", "Shortcut+T"),
            new Choice("persist:work", "persist:work", null),
            new Choice("persist:personal", "persist:personal", null));
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:(?![0-9])");
    /** Shared by every browser of the JVM, so that two windows never share a temporary partition. */
    private static final AtomicInteger TEMPORARY_PARTITIONS = new AtomicInteger();

    /** The start page; {@code %s} are the partition and where it is stored. */
    private static final String START_PAGE = """
            <!doctype html>
            <html><head><meta charset="utf-8"><title>fxsession demo</title>
            <style>
              body { font-family: sans-serif; margin: 2em 3em; color: #222; line-height: 1.45; }
              code { background: #eef; padding: 0 .25em; }
              .partition { font-size: 1.3em; font-weight: bold; }
            </style></head>
            <body>
            <h1>fxsession demo browser</h1>
            <p class="partition">This tab belongs to partition <code>%s</code>.</p>
            <p>%s.</p>
            <p>Every tab is a <code>SessionWebView</code> attached to one partition, as a
            <code>&lt;webview partition="..."&gt;</code> is in Electron. Each partition has its own
            localStorage, its own HTTP client and its own User-Agent; tabs of one partition share them.</p>
            <ul>
              <li><b>File &gt; New tab in partition</b>: the default session, <code>persist:work</code> or
                  <code>persist:personal</code> (on disk, they survive a restart), or a temporary
                  in-memory partition (<code>temp-1</code>, <code>temp-2</code>...).</li>
              <li>Type an address and press Enter; <code>https://</code> is added when no scheme is given.</li>
              <li>Open one site in two partitions and store something in <code>localStorage</code> in one:
                  the other does not see it.</li>
              <li><b>View &gt; Cookies</b> shows the cookies of the selected tab's partition, live, and deletes
                  them.</li>
            </ul>
            </body></html>
            """;

    private final TabPane tabs = new TabPane();
    private final BorderPane root = new BorderPane(tabs);
    private final CookieViewer cookieViewer = new CookieViewer();
    private Stage stage;

    /** Launches the demo; with JavaFX on the class path use {@link DemoBrowserLauncher#main} instead. */
    public static void main(String[] args) {
        launch(DemoBrowser.class, args);
    }

    /**
     * Builds the browser into {@code stage} and shows it, with one tab per URL given on the command line,
     * or one start-page tab on the default session. May be called directly (without
     * {@link Application#launch}), on the FX thread.
     *
     * @throws IllegalStateException if this browser was started already
     */
    @Override
    public void start(Stage stage) {
        Objects.requireNonNull(stage, "stage == null");
        if (this.stage != null) {
            throw new IllegalStateException("this DemoBrowser was started already, in " + this.stage);
        }
        this.stage = stage;
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        tabs.getTabs().addListener((ListChangeListener<Tab>) change -> {
            while (change.next()) {
                change.getRemoved().forEach(DemoBrowser::stop);
            }
        });
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, old, selected) -> {
            stage.titleProperty().unbind();
            if (root.getRight() != null) {
                cookieViewer.setSession(sessionOf(selected));
            }
            if (selected == null) {
                stage.setTitle("fxsession demo browser");
            } else {
                stage.titleProperty().bind(selected.textProperty().concat(" - fxsession demo browser"));
            }
        });
        stage.setTitle("fxsession demo browser");
        root.setTop(menuBar());
        stage.setScene(new Scene(root, 1024, 720));
        io.github.fxsession.samples.downloads.DownloadsWindow.install(tabs);

        List<String> urls = getParameters() == null ? List.of() : getParameters().getUnnamed();
        if (urls.isEmpty()) {
            openTab("", null);
        } else {
            urls.forEach(url -> openTab("", toUrl(url)));
        }
        stage.show();
    }

    /**
     * Opens a tab on {@code partition}, selects it and loads {@code url} in it, or the start page when
     * {@code url} is null.
     *
     * @param partition {@code ""} for the default session, {@code "persist:NAME"} for a persistent one,
     *     any other name for an in-memory one (see {@link Session#fromPartition(String)})
     * @return the new tab; its content holds the tab's {@link SessionWebView} (style class
     *     {@value SessionWebView#DEFAULT_STYLE_CLASS}) and its address field ({@code #address})
     */
    public Tab openTab(String partition, String url) {
        Objects.requireNonNull(partition, "partition == null");
        SessionWebView view = new SessionWebView(partition);
        WebEngine engine = view.getEngine();
        WebHistory history = engine.getHistory();

        TextField address = new TextField();
        address.setId("address");
        address.setPromptText("Type a URL and press Enter");
        address.setOnAction(event -> {
            if (!address.getText().isBlank()) {
                view.getWebContents().loadURL(toUrl(address.getText()));
            }
        });
        engine.locationProperty().addListener((obs, old, now) -> address.setText(now));
        HBox.setHgrow(address, Priority.ALWAYS);

        Button back = button("\u2190", "Back", () -> history.go(-1));
        back.disableProperty().bind(history.currentIndexProperty().lessThanOrEqualTo(0));
        Button forward = button("\u2192", "Forward", () -> history.go(1));
        forward.disableProperty().bind(history.currentIndexProperty()
                .greaterThanOrEqualTo(Bindings.size(history.getEntries()).subtract(1)));
        Button reload = button("\u21bb", "Reload", engine::reload);

        HBox toolbar = new HBox(4, back, forward, reload, address);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.setPadding(new Insets(4));
        Label status = new Label(describe(view.getSession()));
        status.setPadding(new Insets(2, 6, 2, 6));

        Tab tab = new Tab();
        tab.setContent(new BorderPane(view, toolbar, null, status, null));
        tab.setGraphic(new Circle(5, colorOf(partition)));
        tab.textProperty().bind(Bindings.createStringBinding(
                () -> tabText(partition, engine.getTitle(), engine.getLocation()),
                engine.titleProperty(), engine.locationProperty()));
        tab.setUserData(view);
        tabs.getTabs().add(tab);
        tabs.getSelectionModel().select(tab);

        if (url == null) {
            view.getWebContents().loadContent(startPage(view.getSession()));
        } else {
            view.getWebContents().loadURL(url);
        }
        return tab;
    }

    /** Opens a tab on a fresh in-memory partition ({@code temp-1}, {@code temp-2}...) and loads {@code url}. */
    public Tab openTemporaryTab(String url) {
        return openTab("temp-" + TEMPORARY_PARTITIONS.incrementAndGet(), url);
    }

    /** Closes the selected tab, if any. */
    public void closeSelectedTab() {
        Tab selected = tabs.getSelectionModel().getSelectedItem();
        if (selected != null) {
            tabs.getTabs().remove(selected);
        }
    }

    /**
     * Shows the {@link CookieViewer} of the selected tab's partition beside the tabs (it follows the
     * selection), or hides it and stops it following any partition ({@code View > Cookies}).
     */
    public void toggleCookieViewer() {
        boolean show = root.getRight() == null;
        root.setRight(show ? cookieViewer : null);
        cookieViewer.setSession(show ? sessionOf(tabs.getSelectionModel().getSelectedItem()) : null);
    }

    /** The cookie viewer ({@code View > Cookies}); its session is {@code null} while it is hidden. */
    public CookieViewer getCookieViewer() {
        return cookieViewer;
    }

    /** The selected tab's view, or {@code null} when no tab is open. */
    public SessionWebView getSelectedView() {
        Tab selected = tabs.getSelectionModel().getSelectedItem();
        return selected != null && selected.getUserData() instanceof SessionWebView view ? view : null;
    }

    /** The browser's tabs, in display order. */
    public TabPane getTabPane() {
        return tabs;
    }

    /**
     * The URL the address bar loads for {@code typed}: the trimmed text, with {@code https://} in front
     * when it has no scheme ({@code example.com} and {@code localhost:8080} have none,
     * {@code about:blank} and {@code http://example.com} have one).
     *
     * @throws IllegalArgumentException if {@code typed} is blank
     */
    public static String toUrl(String typed) {
        Objects.requireNonNull(typed, "typed == null");
        String text = typed.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("typed must not be blank: '" + typed + "'");
        }
        return SCHEME.matcher(text).find() ? text : "https://" + text;
    }

    /** The text of a tab: its partition in brackets, then the page title (or URL). */
    private static String tabText(String partition, String title, String location) {
        String page = title != null && !title.isBlank() ? title
                : location != null && !location.isBlank() ? location : "New tab";
        return "[" + label(partition) + "] " + page;
    }

    private static String label(String partition) {
        return partition.isEmpty() ? "default" : partition;
    }

    private MenuBar menuBar() {
        Menu newTab = new Menu("New tab in partition");
        for (Choice choice : PARTITIONS) {
            newTab.getItems().add(item(choice.label(), choice.accelerator(), () -> openTab(choice.partition(), null)));
        }
        newTab.getItems().add(item("Temporary (in memory)", "Shortcut+Shift+N", () -> openTemporaryTab(null)));
        Menu file = new Menu("File", null,
                newTab,
                item("Close tab", "Shortcut+W", this::closeSelectedTab),
                item("Proxy settings of this tab's partition\u2026", "Shortcut+Shift+P", this::editProxy),
                new SeparatorMenuItem(),
                item("Quit", "Shortcut+Q", this::quit));
        Menu view = new Menu("View", null, item("Cookies", "Shortcut+Shift+C", this::toggleCookieViewer));
        return new MenuBar(file, view, io.github.fxsession.samples.permissions.PermissionsDemo.menu(this::openTab,
                url -> getHostServices().showDocument(url)), io.github.fxsession.samples.serial.SerialTerminal.menu(this::openTab),
                io.github.fxsession.samples.spellcheck.SpellcheckDemo.menu(this::openTab, this::getSelectedView),
                new io.github.fxsession.samples.netlog.NetLogToggle(this::getSelectedView).menu(stage));
    }

    /** Opens the proxy settings of the selected tab's partition. */
    private void editProxy() {
        Tab selected = tabs.getSelectionModel().getSelectedItem();
        if (selected != null && selected.getUserData() instanceof SessionWebView view) {
            ProxySettingsDialog.edit(stage, view.getSession());
        }
    }

    private void quit() {
        tabs.getTabs().clear();
        if (stage != null) {
            stage.close();
        }
        Platform.exit();
    }

    private static Session sessionOf(Tab tab) {
        return tab != null && tab.getUserData() instanceof SessionWebView view ? view.getSession() : null;
    }

    /** Stops what a closed tab's page is doing (scripts, timers, loads) before it is garbage collected. */
    private static void stop(Tab tab) {
        if (tab.getUserData() instanceof SessionWebView view) {
            view.getEngine().load("about:blank");
        }
    }

    private static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(event -> action.run());
        return item;
    }

    private static Button button(String text, String tooltip, Runnable action) {
        Button button = new Button(text);
        button.setTooltip(new Tooltip(tooltip));
        button.setFocusTraversable(false);
        button.setOnAction(event -> action.run());
        return button;
    }

    private static String describe(Session session) {
        String where = session.isPersistent()
                ? "stored on disk in " + session.getStoragePath()
                : "in memory, gone when the application exits";
        return "Partition " + label(session.getPartition()) + ": " + where;
    }

    /** A stable colour per partition, so that tabs of one partition are easy to spot. */
    private static Color colorOf(String partition) {
        return Color.hsb(Math.floorMod(partition.hashCode(), 360), 0.65, 0.85);
    }

    private static String startPage(Session session) {
        return START_PAGE.formatted(escape(label(session.getPartition())), escape(describe(session)));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** A menu entry of {@code File > New tab in partition}. */
    private record Choice(String label, String partition, String accelerator) {
    }
}
