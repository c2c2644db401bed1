package io.github.fxsession.samples;

import static io.github.fxsession.testing.FxToolkit.loadAndWait;
import static io.github.fxsession.testing.FxToolkit.onFx;
import static io.github.fxsession.testing.FxToolkit.runFx;
import static io.github.fxsession.testing.FxToolkit.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.fxsession.cookies.CookieFilter;
import io.github.fxsession.download.DownloadState;
import io.github.fxsession.samples.kiosk.Kiosk;
import io.github.fxsession.testing.FxToolkit;
import io.github.fxsession.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javafx.concurrent.Worker;
import javafx.event.Event;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Window;
import javafx.util.Subscription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The kiosk sample's locks, each proven on one real WebView against real loopback servers. */
@ExtendWith(FxToolkit.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KioskTest {

    private static final Duration LONG = Duration.ofMinutes(10);

    @RegisterExtension
    final TestServer other = TestServer.start()
            .route("/", "text/html", "<!doctype html><title>Other</title>")
            .route("/pixel.svg", "image/svg+xml", "<svg xmlns='http://www.w3.org/2000/svg' width='5' height='5'/>");

    @RegisterExtension
    final TestServer allowed = TestServer.start()
            .route("/", r -> TestServer.okBuilder("text/html", "<!doctype html><title>Allowed</title>"
                    + "<a id=zip href=/files/brochure.zip>brochure</a>").setHeader("Set-Cookie", "visitor=42; Path=/").build())
            .route("/with-image.html", r -> TestServer.ok("text/html", "<!doctype html><title>Image</title>"
                    + "<img id=img src='" + other.url("/pixel.svg") + "'>"))
            .route("/files/brochure.zip", "application/zip", "PK\u0005\u0006" + "\0".repeat(18));

    @TempDir
    Path downloads;

    private Kiosk kiosk;
    private final AtomicInteger resets = new AtomicInteger();
    private final AtomicInteger exits = new AtomicInteger();

    @BeforeAll
    void startKiosk() throws Exception {
        kiosk = onFx(() -> {
            Kiosk k = Kiosk.builder().partition("persist:kiosk-sample-test").allowOrigin(allowed.url("/"))
                    .idleTimeout(LONG).onExit(exits::incrementAndGet).build();
            k.createScene(800, 600);
            k.onReset(resets::incrementAndGet);
            return k;
        });
        onFx(kiosk::start).get(20, TimeUnit.SECONDS);
        awaitStartPage();
    }

    @AfterEach
    void longIdleTimeout() {
        runFx(() -> kiosk.setIdleTimeout(LONG));
    }

    private Worker.State go(String url) {
        return loadAndWait(kiosk.getView().getEngine(), () -> kiosk.getWebContents().loadURL(url));
    }

    private Object eval(String script) {
        return onFx(() -> kiosk.getView().getEngine().executeScript(script));
    }

    /**
     * The document's title as the page sees it: WebEngine's title property once stayed null after a
     * successful load of a titled page (when other test classes had run before in the same JVM).
     */
    private String title() {
        return (String) eval("document.title || null");
    }

    private void awaitStartPage() {
        waitUntil(() -> "the start page; title " + title(), () -> onFx(() -> kiosk.getView().getEngine().getLoadWorker()
                .getState() == Worker.State.SUCCEEDED) && "Kiosk".equals(title()));
    }

    private String await(String promise) {
        eval("window.outcome = 'pending'; " + promise + ".then(t => window.outcome = String(t), e => window.outcome = 'failed ' + e);");
        waitUntil("the promise", () -> !"pending".equals(eval("window.outcome")));
        return (String) eval("window.outcome");
    }

    private void userInput() {
        runFx(() -> Event.fireEvent(kiosk.getView(), new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.SHIFT,
                true, false, false, false)));
    }

    @Test
    void allowedOriginLoads() {
        assertThat(go(allowed.url("/"))).isEqualTo(Worker.State.SUCCEEDED);
        assertThat(title()).as("title of %s", onFx(() -> kiosk.getView().getEngine().getLocation()))
                .isEqualTo("Allowed");
    }

    @Test
    void navigationToAnotherOriginShowsTheBlockedPageAndNeverReachesItsServer() {
        go(other.url("/"));
        waitUntil(() -> "the blocked page; title " + title(), () -> "Not available here".equals(title()));
        assertThat(eval("document.getElementById('blocked-url').textContent")).isEqualTo(other.url("/"));
        assertThat(other.requests()).isEmpty();
    }

    @Test
    void subresourceOfAnotherOriginIsCancelledUnsent() {
        assertThat(go(allowed.url("/with-image.html"))).isEqualTo(Worker.State.SUCCEEDED);
        assertThat(eval("document.getElementById('img').complete + ' ' + document.getElementById('img').naturalWidth"))
                .isEqualTo("true 0");
        assertThat(other.requests()).isEmpty();
    }

    @Test
    void startPageIsServedFromThePrivilegedKioskSchemeWithLocalStorage() throws Exception {
        onFx(kiosk::reset).get(20, TimeUnit.SECONDS);
        awaitStartPage();
        assertThat(eval("location.origin")).isEqualTo("https://app.kiosk.fxsession.invalid");
        assertThat(eval("localStorage.getItem('visits') + ' ' + document.getElementById('visits').textContent"))
                .isEqualTo("1 1");
        waitUntil("the allowed sites listed", () -> !"".equals(eval("document.getElementById('sites').textContent")));
        assertThat(eval("document.querySelector('#sites a').href")).isEqualTo(allowed.url("/"));
    }

    @Test
    void downloadLinkSavesNothing() throws Exception {
        kiosk.getSession().setDownloadPath(downloads);
        CompletableFuture<DownloadState> done = new CompletableFuture<>();
        Subscription watch = kiosk.getSession().onWillDownload((event, item, contents) -> item.onDone(done::complete));
        try {
            assertThat(go(allowed.url("/"))).isEqualTo(Worker.State.SUCCEEDED);
            eval("document.getElementById('zip').click()");
            assertThat(done.get(20, TimeUnit.SECONDS)).isEqualTo(DownloadState.CANCELLED);
            waitUntil("no part file", () -> list(downloads).length == 0);
            assertThat(list(downloads)).isEmpty();
        } finally {
            watch.unsubscribe();
        }
    }

    private static Path[] list(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.toArray(Path[]::new);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void permissionRequestsAreDeniedWithoutAPrompt() {
        assertThat(go(allowed.url("/"))).isEqualTo(Worker.State.SUCCEEDED);
        assertThat(await("Notification.requestPermission()")).isEqualTo("denied");
        assertThat(await("new Promise(ok => navigator.geolocation.getCurrentPosition(p => ok('granted'), e => ok('error ' + e.code)))"))
                .isEqualTo("error 1");
        assertThat(eval("Notification.permission")).isEqualTo("denied");
        assertThat(onFx(() -> Window.getWindows().stream().filter(w -> w.getScene() != null
                && w.getScene().getRoot().getStyleClass().contains("fxsession-permission-prompt")).count())).isZero();
    }

    @Test
    void idleTimeoutClearsCookiesAndLocalStorageAndReturnsToTheStartPage() throws Exception {
        onFx(kiosk::reset).get(20, TimeUnit.SECONDS);
        awaitStartPage();
        eval("localStorage.setItem('probe', 'left by a visitor')");
        assertThat(go(allowed.url("/"))).isEqualTo(Worker.State.SUCCEEDED);
        assertThat(kiosk.getSession().cookies().get(CookieFilter.all()).get(10, TimeUnit.SECONDS)).hasSize(1);
        int before = resets.get();

        runFx(() -> kiosk.setIdleTimeout(Duration.ofMillis(800)));
        userInput();

        waitUntil("the idle reset", () -> resets.get() > before);
        awaitStartPage();
        assertThat(kiosk.getSession().cookies().get(CookieFilter.all()).get(10, TimeUnit.SECONDS)).isEmpty();
        assertThat(eval("localStorage.getItem('probe') + ' ' + localStorage.getItem('visits')")).isEqualTo("null 1");
    }

    @Test
    void userInputRestartsTheIdleTimer() throws Exception {
        int before = resets.get();
        runFx(() -> kiosk.setIdleTimeout(Duration.ofMillis(1500)));
        long end = System.nanoTime() + Duration.ofMillis(2500).toNanos();
        while (System.nanoTime() < end) {
            userInput();
            Thread.sleep(150);
        }
        assertThat(resets.get()).isEqualTo(before);
        waitUntil("the idle reset once input stops", () -> resets.get() > before);
        awaitStartPage();
    }

    @Test
    void staffShortcutRunsTheExitAction() {
        runFx(() -> Event.fireEvent(kiosk.getView(), new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.Q,
                true, true, false, false)));
        assertThat(exits.get()).isEqualTo(1);
    }

    @Test
    void allowedOriginWithAPathIsRejected() {
        assertThat(assertThrows(IllegalArgumentException.class, () -> Kiosk.builder().allowOrigin("https://example.com/app")))
                .hasMessage("allowed origin must be http(s)://host[:port]: 'https://example.com/app'");
    }
}
