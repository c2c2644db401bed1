package io.github.fxsession.samples;

import static io.github.fxsession.testing.FxToolkit.onFx;
import static io.github.fxsession.testing.Snapshots.distinctColours;
import static io.github.fxsession.testing.Snapshots.toBufferedImage;
import static io.github.fxsession.testing.FxToolkit.runFx;
import static io.github.fxsession.testing.FxToolkit.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.fxsession.Session;
import io.github.fxsession.SessionWebView;
import io.github.fxsession.samples.browser.DemoBrowser;
import io.github.fxsession.testing.FxToolkit;
import io.github.fxsession.testing.TestServer;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.concurrent.Worker;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.Tab;
import javafx.scene.control.TextField;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The demo browser, built into one headless stage: two tabs on two partitions load a loopback page that
 * echoes the User-Agent it was requested with.
 */
@ExtendWith(FxToolkit.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoBrowserSmokeTest {

    private static final String ECHO = """
            <!doctype html>
            <html><head><title>Echo</title></head>
            <body style="font-family: sans-serif"><h1>Hello from 127.0.0.1</h1>
            <p>Requested with User-Agent:</p><p id="agent">%s</p></body></html>
            """;
    private static final Path SCREENSHOT = Path.of("target", "screenshots", "demo-browser.png");

    private TestServer server;
    private DemoBrowser browser;
    private Stage stage;
    private Tab work;
    private Tab temporary;

    @BeforeAll
    void openTwoPartitionsOnTheLoopbackPage() throws Exception {
        server = new TestServer()
                .route("/echo.html", r -> TestServer.ok("text/html", ECHO.formatted(escape(r.getHeaders().get("User-Agent")))))
                .route("/second.html", "text/html", "<!doctype html><title>Second</title><p>second page</p>");
        browser = new DemoBrowser();
        stage = onFx(() -> {
            Stage window = new Stage();
            browser.start(window);
            return window;
        });
        String url = server.url("/echo.html");
        work = onFx(() -> browser.openTab("persist:work", url));
        temporary = onFx(() -> browser.openTemporaryTab(url));
        waitUntilLoaded(work, url);
        waitUntilLoaded(temporary, url);
    }

    @AfterAll
    void closeWindow() {
        if (stage != null) {
            runFx(stage::close);
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void tabsOnTwoPartitionsBothShowTheLoopbackPage() {
        for (Tab tab : new Tab[] {work, temporary}) {
            SessionWebView view = view(tab);
            assertThat(onFx(() -> view.getEngine().getLoadWorker().getState())).isEqualTo(Worker.State.SUCCEEDED);
            assertThat(onFx(() -> view.getEngine().executeScript("document.querySelector('h1').textContent")))
                    .isEqualTo("Hello from 127.0.0.1");
            assertThat(onFx(() -> view.getEngine().executeScript("document.getElementById('agent').textContent")))
                    .isEqualTo(view.getWebContents().getUserAgent());
        }
    }

    @Test
    void tabTextsNameTheirPartitions() {
        assertThat(onFx(work::getText)).isEqualTo("[persist:work] Echo");
        assertThat(onFx(temporary::getText)).matches("\\[temp-\\d+] Echo");
    }

    @Test
    void tabsOnTwoPartitionsBelongToTwoSessions() {
        Session workSession = onFx(() -> view(work).getWebContents().getSession());
        Session temporarySession = onFx(() -> view(temporary).getWebContents().getSession());

        assertThat(workSession).isSameAs(Session.fromPartition("persist:work")).isNotSameAs(temporarySession);
        assertThat(workSession.isPersistent()).isTrue();
        assertThat(temporarySession.isPersistent()).isFalse();
    }

    @Test
    void tabOpenedWithoutUrlShowsTheStartPage() {
        Tab tab = onFx(() -> browser.openTab("persist:personal", null));
        waitUntil(() -> "start page title, tab text is " + onFx(tab::getText),
                () -> onFx(tab::getText).equals("[persist:personal] fxsession demo"));
        assertThat(onFx(() -> view(tab).getEngine().executeScript("document.querySelector('.partition code').textContent")))
                .isEqualTo("persist:personal");
        runFx(() -> browser.getTabPane().getTabs().remove(tab));
    }

    @Test
    void temporaryTabsGetFreshInMemoryPartitions() {
        Tab first = onFx(() -> browser.openTemporaryTab(null));
        Tab second = onFx(() -> browser.openTemporaryTab(null));
        Session firstSession = onFx(() -> view(first).getSession());
        Session secondSession = onFx(() -> view(second).getSession());

        assertThat(firstSession.getPartition()).startsWith("temp-").isNotEqualTo(secondSession.getPartition());
        assertThat(firstSession.isPersistent()).isFalse();
        assertThat(secondSession.isPersistent()).isFalse();
        runFx(() -> browser.getTabPane().getTabs().removeAll(first, second));
    }

    @Test
    void closeTabRemovesTheSelectedTab() {
        Tab tab = onFx(() -> browser.openTab("persist:work", null));
        int before = onFx(() -> browser.getTabPane().getTabs().size());

        runFx(browser::closeSelectedTab);

        assertThat(onFx(() -> browser.getTabPane().getTabs())).hasSize(before - 1).doesNotContain(tab);
    }

    @Test
    void enterInTheAddressBarLoadsTheTypedUrl() {
        Tab tab = onFx(() -> browser.openTab("persist:work", null));
        String url = server.url("/second.html");
        runFx(() -> {
            TextField address = (TextField) tab.getContent().lookup("#address");
            address.setText(url);
            address.fireEvent(new ActionEvent());
        });
        waitUntilLoaded(tab, url);
        assertThat(onFx(tab::getText)).isEqualTo("[persist:work] Second");
        runFx(() -> browser.getTabPane().getTabs().remove(tab));
    }

    @Test
    void backButtonReturnsToThePreviousPage() {
        String first = server.url("/echo.html");
        String second = server.url("/second.html");
        Tab tab = onFx(() -> browser.openTab("persist:work", first));
        waitUntilLoaded(tab, first);
        runFx(() -> view(tab).getWebContents().loadURL(second));
        waitUntilLoaded(tab, second);

        runFx(() -> tab.getContent().lookupAll(".button").stream().map(Button.class::cast)
                .filter(b -> b.getTooltip().getText().equals("Back")).findFirst().orElseThrow().fire());

        waitUntilLoaded(tab, first);
        runFx(() -> browser.getTabPane().getTabs().remove(tab));
    }

    @Test
    void startingTheSameBrowserTwiceIsRejected() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> runFx(() -> browser.start(new Stage())));
        assertThat(e).hasMessageStartingWith("this DemoBrowser was started already, in ");
    }

    @Test
    void windowScreenshotIsSavedAsNonBlankPng() throws Exception {
        runFx(() -> browser.getTabPane().getSelectionModel().select(work));
        // a WebView that just became visible paints its page on a later pulse
        waitUntil("the selected tab's page is painted",
                () -> distinctColours(onFx(() -> view(work).snapshot(null, null))) > 10);
        WritableImage snapshot = onFx(() -> stage.getScene().snapshot(null));
        Files.createDirectories(SCREENSHOT.getParent());
        ImageIO.write(toBufferedImage(snapshot), "png", SCREENSHOT.toFile());

        BufferedImage saved = ImageIO.read(SCREENSHOT.toFile());
        assertThat(saved.getWidth()).isEqualTo((int) snapshot.getWidth());
        assertThat(saved.getHeight()).isEqualTo((int) snapshot.getHeight());
        assertThat(distinctColours(snapshot)).as("distinct colours in the screenshot").isGreaterThan(10);
    }

    private static SessionWebView view(Tab tab) {
        return (SessionWebView) tab.getContent().lookup("." + SessionWebView.DEFAULT_STYLE_CLASS);
    }

    /** Waits until {@code tab} shows {@code url} and its load finished, and fails if it did not succeed. */
    private static void waitUntilLoaded(Tab tab, String url) {
        waitUntil(() -> "tab loaded " + url + ": " + onFx(() -> describe(tab)), () -> onFx(() -> {
            var engine = view(tab).getEngine();
            Worker.State state = engine.getLoadWorker().getState();
            return url.equals(engine.getLocation()) && (state == Worker.State.SUCCEEDED
                    || state == Worker.State.FAILED || state == Worker.State.CANCELLED);
        }));
        assertThat(onFx(() -> describe(tab))).endsWith(" SUCCEEDED");
    }

    private static String describe(Tab tab) {
        var engine = view(tab).getEngine();
        return engine.getLocation() + " " + engine.getLoadWorker().getState();
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
