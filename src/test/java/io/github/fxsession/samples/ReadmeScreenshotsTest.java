package io.github.fxsession.samples;

import static io.github.fxsession.testing.FxToolkit.onFx;
import static io.github.fxsession.testing.Snapshots.argb;
import static io.github.fxsession.testing.Snapshots.distinctColours;
import static io.github.fxsession.testing.Snapshots.toBufferedImage;
import static io.github.fxsession.testing.FxToolkit.runFx;
import static io.github.fxsession.testing.FxToolkit.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.fxsession.Session;
import io.github.fxsession.SessionWebView;
import io.github.fxsession.download.DownloadState;
import io.github.fxsession.download.DownloadsPanel;
import io.github.fxsession.samples.browser.DemoBrowser;
import io.github.fxsession.samples.permissions.PermissionsDemo;
import io.github.fxsession.samples.serial.SerialTerminal;
import io.github.fxsession.samples.spellcheck.SpellcheckDemo;
import io.github.fxsession.testing.FxToolkit;
import io.github.fxsession.testing.TestServer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import javafx.concurrent.Worker;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Tab;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Takes the README's screenshots of the demo browser, headless, and checks them against the ones committed
 * in {@code docs/screenshots}, so the README always shows what the code draws.
 *
 * <p>Rule: the set of PNG files in {@code docs/screenshots} must be exactly the set this test takes, and
 * each committed image must have the same width and height as the new one and look like it: both are cut
 * into a {@value #GRID} x {@value #GRID} grid and the mean luminance (0 to 1) of each cell is compared; the
 * mean difference over the cells must be at most {@value #MEAN_TOLERANCE} and no cell may differ by more
 * than {@value #CELL_TOLERANCE}. Font rendering, a port number or a partition counter change a few pixels
 * and pass; a moved panel, a missing dialog or an empty page do not. Pixel equality is not required: it
 * breaks with every font or JavaFX version.
 *
 * <p>After changing what a screenshot shows, regenerate them all and commit {@code docs/screenshots}:
 * {@code ./mvnw -B verify -Dtest=ReadmeScreenshotsTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dscreenshots.update=true}. Without {@code screenshots.update} the new images go to
 * {@code target/screenshots/readme} for comparison.
 */
@ExtendWith(FxToolkit.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadmeScreenshotsTest {

    static final int GRID = 24;
    static final double MEAN_TOLERANCE = 0.03;
    static final double CELL_TOLERANCE = 0.25;

    private static final Path COMMITTED = Path.of("docs", "screenshots");
    private static final Path TAKEN = Path.of("target", "screenshots", "readme");
    private static final boolean UPDATE = Boolean.getBoolean("screenshots.update");

    private static final String SHOP = """
            <!doctype html><html><head><meta charset="utf-8"><title>%s shop</title></head>
            <body style="font-family: sans-serif; margin: 2em">
            <h1>%s</h1><p>This page set the cookies <code>cart</code> and <code>theme</code> in partition
            <b>%s</b>. Tabs of the other partition do not send them.</p></body></html>
            """;

    private final Map<String, WritableImage> shots = new TreeMap<>();
    private TestServer server;
    private DemoBrowser browser;
    private Stage stage;
    @TempDir
    Path downloads;

    @BeforeAll
    void openTheDemo() throws Exception {
        server = new TestServer()
                .route("/work", r -> page("work", "Work: quarterly report"))
                .route("/personal", r -> page("personal", "Personal: holiday photos"))
                .route("/notify.html", "text/html", "<!doctype html><title>Notifications</title>"
                        + "<body style='font-family:sans-serif'><h1>Notifications</h1>"
                        + "<button id=ask onclick='Notification.requestPermission()'>Ask</button>")
                .route("/report.csv", r -> TestServer.okBuilder("text/csv", "quarter,sales\nQ1,10\nQ2,12\n".repeat(2000))
                        .addHeader("Content-Disposition", "attachment; filename=\"report.csv\"").build());
        browser = new DemoBrowser();
        stage = onFx(() -> {
            Stage window = new Stage();
            browser.start(window);
            return window;
        });
    }

    private static mockwebserver3.MockResponse page(String partition, String title) {
        return TestServer.okBuilder("text/html", SHOP.formatted(title, title, partition))
                .addHeader("Set-Cookie", "cart=" + partition + "-3-items; Path=/")
                .addHeader("Set-Cookie", "theme=dark; Path=/").build();
    }

    @AfterAll
    void closeWindows() {
        runFx(() -> browser.getTabPane().getTabs().clear()); // each closed tab's page is stopped (about:blank)
        runFx(() -> new ArrayList<>(Window.getWindows()).stream()
                .filter(w -> w == stage || "Downloads".equals(w instanceof Stage s ? s.getTitle() : null))
                .forEach(Window::hide));
        if (server != null) {
            server.close();
        }
    }

    @Test
    void readmeScreenshotsMatchTheCommittedOnes() throws IOException {
        takeAll();

        Path target = UPDATE ? COMMITTED : TAKEN;
        Files.createDirectories(target);
        if (UPDATE) {
            try (Stream<Path> old = Files.list(COMMITTED)) {
                for (Path file : old.filter(f -> f.toString().endsWith(".png")).toList()) {
                    Files.delete(file);
                }
            }
        }
        for (Map.Entry<String, WritableImage> shot : shots.entrySet()) {
            ImageIO.write(toBufferedImage(shot.getValue()), "png", target.resolve(shot.getKey()).toFile());
        }
        assertThat(committedNames()).as("PNG files in docs/screenshots; regenerate with -Dscreenshots.update=true")
                .containsExactlyElementsOf(shots.keySet());
        List<String> differences = new ArrayList<>();
        for (String name : shots.keySet()) {
            String difference = compare(ImageIO.read(COMMITTED.resolve(name).toFile()),
                    ImageIO.read(target.resolve(name).toFile()));
            if (difference != null) {
                differences.add(name + ": " + difference);
            }
        }
        assertThat(differences).as("screenshots that no longer match docs/screenshots (new ones in " + TAKEN
                + "); regenerate with -Dscreenshots.update=true").isEmpty();
    }

    /** Takes every screenshot, in the order a user would open them. */
    private void takeAll() {
        Tab work = open("work", server.url("/work"));
        Tab personal = open("personal", server.url("/personal"));
        runFx(() -> browser.getTabPane().getSelectionModel().select(work));
        shots.put("demo-two-partitions.png", sceneOf(stage, work));

        runFx(browser::toggleCookieViewer);
        waitUntil("the cookie viewer lists the work cookies", () -> onFx(() -> browser.getCookieViewer().getCookies().size()) == 2);
        shots.put("cookie-viewer.png", sceneOf(stage, work));
        runFx(browser::toggleCookieViewer);

        Session session = onFx(() -> view(personal).getSession());
        session.setDownloadPath(downloads);
        runFx(() -> browser.getTabPane().getSelectionModel().select(personal));
        session.downloadURL(server.url("/report.csv"));
        Stage downloadsWindow = waitForWindow("the downloads window", w -> w instanceof Stage s && "Downloads".equals(s.getTitle()));
        waitUntil("the download completed", () -> onFx(() -> {
            DownloadsPanel panel = (DownloadsPanel) downloadsWindow.getScene().getRoot();
            return !panel.getItems().isEmpty() && panel.getItems().stream().allMatch(i -> i.getState() == DownloadState.COMPLETED);
        }));
        shots.put("downloads.png", settled(downloadsWindow.getScene().getRoot()));
        runFx(downloadsWindow::hide);

        Tab permissions = open("readme-permissions", server.url("/notify.html"));
        runFx(() -> view(permissions).getEngine().executeScript("document.getElementById('ask').click()"));
        Stage prompt = waitForWindow("the permission prompt", w -> w instanceof Stage s && s.getOwner() == stage
                && w.getScene() != null && w.getScene().getRoot().getStyleClass().contains("fxsession-permission-prompt"));
        shots.put("permission-prompt.png", settled(prompt.getScene().getRoot()));
        runFx(() -> prompt.getScene().getRoot().lookupAll(".button").stream().map(Button.class::cast)
                .filter(Button::isCancelButton).findFirst().orElseThrow().fire());

        SpellcheckDemo.serveForm(Session.fromPartition(SpellcheckDemo.PARTITION));
        Session.fromPartition(SpellcheckDemo.PARTITION).setSpellCheckerLanguages(List.of("en-US"));
        Tab form = open(SpellcheckDemo.PARTITION, SpellcheckDemo.formUrl());
        waitUntil("the form's words are underlined", () -> String.valueOf(onFx(() -> view(form).getEngine().executeScript(
                "(function(){var h=document.querySelector('fxsession-spellcheck');"
                        + "return h ? h.shadowRoot.querySelectorAll('[data-word]').length : 0})()"))).equals("7"));
        shots.put("spellcheck-form.png", sceneOf(stage, form));

        Tab serial = open(SerialTerminal.PARTITION, SerialTerminal.pageUrl());
        shots.put("serial-terminal.png", sceneOf(stage, serial));
    }

    /** Opens a tab through the demo, waits for its page, and returns it. */
    private Tab open(String partition, String url) {
        Tab tab = onFx(() -> browser.openTab(partition, url));
        waitUntil(() -> "loaded " + url, () -> onFx(() -> view(tab).getEngine().getLoadWorker().getState() == Worker.State.SUCCEEDED));
        return tab;
    }

    /** The whole window with {@code tab} selected, once its page is painted. */
    private static WritableImage sceneOf(Stage stage, Tab tab) {
        runFx(() -> tab.getTabPane().getSelectionModel().select(tab));
        waitUntil("the selected tab's page is painted", () -> distinctColours(onFx(() -> view(tab).snapshot(null, null))) > 4);
        return settled(onFx(() -> stage.getScene().getRoot()));
    }

    /** A snapshot of {@code node} once two snapshots in a row are equal (layout and painting are done). */
    private static WritableImage settled(Node node) {
        WritableImage[] last = {onFx(() -> node.getScene().snapshot(null))};
        waitUntil("the window stops changing", () -> {
            WritableImage now = onFx(() -> node.getScene().snapshot(null));
            boolean same = Arrays.equals(argb(now), argb(last[0]));
            last[0] = now;
            return same;
        });
        return last[0];
    }

    private static Stage waitForWindow(String what, java.util.function.Predicate<Window> which) {
        waitUntil(what + " shows", () -> onFx(() -> Window.getWindows().stream().anyMatch(w -> w.isShowing() && which.test(w))));
        return onFx(() -> (Stage) Window.getWindows().stream().filter(w -> w.isShowing() && which.test(w)).findFirst().orElseThrow());
    }

    private static List<String> committedNames() throws IOException {
        if (!Files.isDirectory(COMMITTED)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(COMMITTED)) {
            return new ArrayList<>(files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".png"))
                    .collect(java.util.stream.Collectors.toCollection(TreeSet::new)));
        }
    }

    /**
     * Null when {@code taken} looks like {@code committed} by the class comment's rule, else what differs.
     */
    static String compare(BufferedImage committed, BufferedImage taken) {
        if (committed.getWidth() != taken.getWidth() || committed.getHeight() != taken.getHeight()) {
            return "size " + taken.getWidth() + "x" + taken.getHeight() + ", committed " + committed.getWidth() + "x"
                    + committed.getHeight();
        }
        double[] a = cells(committed);
        double[] b = cells(taken);
        double sum = 0;
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            double d = Math.abs(a[i] - b[i]);
            sum += d;
            max = Math.max(max, d);
        }
        double mean = sum / a.length;
        return mean <= MEAN_TOLERANCE && max <= CELL_TOLERANCE ? null
                : String.format("mean cell difference %.3f (at most %.2f), largest %.3f (at most %.2f)",
                        mean, MEAN_TOLERANCE, max, CELL_TOLERANCE);
    }

    /** The mean luminance of each cell of a GRID x GRID grid over the image. */
    private static double[] cells(BufferedImage image) {
        double[] sums = new double[GRID * GRID];
        int[] counts = new int[GRID * GRID];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                double luminance = (0.2126 * (rgb >> 16 & 0xff) + 0.7152 * (rgb >> 8 & 0xff) + 0.0722 * (rgb & 0xff)) / 255;
                int cell = (y * GRID / image.getHeight()) * GRID + x * GRID / image.getWidth();
                sums[cell] += luminance;
                counts[cell]++;
            }
        }
        for (int i = 0; i < sums.length; i++) {
            sums[i] = counts[i] == 0 ? 0 : sums[i] / counts[i];
        }
        return sums;
    }

    private static SessionWebView view(Tab tab) {
        return (SessionWebView) tab.getContent().lookup("." + SessionWebView.DEFAULT_STYLE_CLASS);
    }
}
