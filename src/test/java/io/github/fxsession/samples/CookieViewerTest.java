package io.github.fxsession.samples;

import static io.github.fxsession.testing.FxToolkit.onFx;
import static io.github.fxsession.testing.FxToolkit.runFx;
import static io.github.fxsession.testing.FxToolkit.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.fxsession.Session;
import io.github.fxsession.SessionWebView;
import io.github.fxsession.cookies.Cookie;
import io.github.fxsession.cookies.CookieDetails;
import io.github.fxsession.cookies.CookieFilter;
import io.github.fxsession.samples.browser.CookieViewer;
import io.github.fxsession.samples.browser.DemoBrowser;
import io.github.fxsession.testing.FxToolkit;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Tab;
import javafx.stage.Stage;
import javafx.util.Subscription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The demo browser's cookie viewer ({@code View > Cookies}) in a real headless window, over the
 * partitions of its tabs (in memory, a fresh one per test).
 */
@ExtendWith(FxToolkit.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CookieViewerTest {

    private DemoBrowser browser;
    private Stage stage;
    private Tab first;
    private Session firstSession;
    private CookieViewer viewer;

    @BeforeAll
    void openABrowserWithTheViewer() {
        browser = new DemoBrowser();
        stage = onFx(() -> {
            Stage window = new Stage();
            browser.start(window);
            return window;
        });
        runFx(browser::toggleCookieViewer);
        viewer = browser.getCookieViewer();
    }

    @BeforeEach
    void openATabOnAFreshPartition(TestInfo test) {
        String partition = "cookie-viewer-" + test.getTestMethod().orElseThrow().getName();
        first = onFx(() -> browser.openTab(partition, null));
        firstSession = Session.fromPartition(partition);
    }

    @AfterEach
    void closeTheTab() {
        runFx(() -> browser.getTabPane().getTabs().remove(first));
    }

    @AfterAll
    void closeWindow() {
        if (stage != null) {
            runFx(stage::close);
        }
    }

    @Test
    void theViewerShowsTheSelectedTabsPartition() {
        assertThat(onFx(viewer::getSession)).isSameAs(firstSession);
        assertThat(onFx(() -> stage.getScene().getRoot().lookup("#delete-cookies"))).isNotNull();
    }

    @Test
    void aCookieSetThroughTheApiAppearsInTheViewer() {
        firstSession.cookies().set(CookieDetails.builder("https://www.example.com/app").name("sid").value("42")
                .domain("example.com").path("/app").secure(true).httpOnly(true)
                .expirationDate(Instant.now().plus(Duration.ofDays(1))).build()).join();

        waitUntil("the cookie is shown", () -> onFx(() -> viewer.getCookies().size()) == 1);
        Cookie shown = onFx(() -> viewer.getCookies().getFirst());
        assertThat(shown.name()).isEqualTo("sid");
        assertThat(shown.value()).isEqualTo("42");
        assertThat(shown.domain()).isEqualTo(".example.com");
        assertThat(shown.session()).isFalse();
        assertThat(onFx(() -> viewer.getTable().getColumns().stream()
                .map(column -> (Object) column.getCellData(0)).toList()))
                .startsWith((Object) "sid", "42", ".example.com", "/app", "\u2713", "\u2713", "lax");
    }

    @Test
    void theDeleteButtonRemovesTheSelectedCookieFromTheStore() {
        firstSession.cookies().set(CookieDetails.builder("https://www.example.com/app").name("sid").value("42")
                .domain("example.com").path("/app").secure(true).build()).join();
        firstSession.cookies().set(CookieDetails.builder("http://example.org/").name("other").value("1").build()).join();
        waitUntil("both cookies are shown", () -> onFx(() -> viewer.getCookies().size()) == 2);

        runFx(() -> {
            viewer.getTable().getSelectionModel().select(
                    viewer.getCookies().stream().filter(c -> c.name().equals("sid")).findFirst().orElseThrow());
            ((Button) stage.getScene().getRoot().lookup("#delete-cookies")).fire();
        });

        waitUntil("the store lost the cookie", () -> names(firstSession).equals(List.of("other")));
        waitUntil("the viewer lost the cookie", () -> onFx(() -> viewer.getCookies().stream().map(Cookie::name).toList())
                .equals(List.of("other")));
    }

    @Test
    void aCookieRemovedThroughTheApiLeavesTheViewer() {
        firstSession.cookies().set(CookieDetails.builder("https://example.com/").name("a").value("1").build()).join();
        waitUntil("the cookie is shown", () -> onFx(() -> viewer.getCookies().size()) == 1);

        firstSession.cookies().remove("https://example.com/", "a").join();

        waitUntil("the cookie is gone", () -> onFx(() -> viewer.getCookies().isEmpty()));
    }

    @Test
    void selectingATabOfAnotherPartitionShowsItsCookiesAndNoLongerFollowsTheFirst() throws InterruptedException {
        firstSession.cookies().set(CookieDetails.builder("https://example.com/").name("first").value("1").build()).join();
        Tab second = onFx(() -> browser.openTemporaryTab(null));
        Session secondSession = onFx(() -> ((SessionWebView) second.getUserData()).getSession());
        secondSession.cookies().set(CookieDetails.builder("https://example.com/").name("second").value("2").build()).join();

        waitUntil("the second partition's cookie is shown", () -> onFx(() -> viewer.getCookies().stream()
                .map(Cookie::name).toList()).equals(List.of("second")));
        assertThat(onFx(viewer::getSession)).isSameAs(secondSession);
        changeAndWaitForItsEvent(firstSession, "late");
        assertThat(onFx(() -> viewer.getCookies().stream().map(Cookie::name).toList())).containsExactly("second");
        runFx(() -> browser.getTabPane().getTabs().remove(second));
    }

    @Test
    void hidingTheViewerStopsFollowingThePartition() throws InterruptedException {
        runFx(browser::toggleCookieViewer);
        try {
            assertThat(onFx(viewer::getSession)).isNull();
            changeAndWaitForItsEvent(firstSession, "unseen");
            assertThat(onFx(viewer::getCookies)).isEmpty();
            assertThat(onFx(() -> stage.getScene().getRoot().lookup("#delete-cookies"))).isNull();
        } finally {
            runFx(browser::toggleCookieViewer);
        }
    }

    /**
     * Sets a cookie in {@code session} and waits until a listener subscribed now got its event and the FX
     * thread ran what was queued before: a viewer still subscribed would have shown the cookie by then.
     */
    private static void changeAndWaitForItsEvent(Session session, String name) throws InterruptedException {
        CountDownLatch delivered = new CountDownLatch(1);
        Subscription probe = session.cookies().onChanged(event -> delivered.countDown());
        try {
            session.cookies().set(CookieDetails.builder("https://example.com/").name(name).value("x").build()).join();
            assertThat(delivered.await(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            probe.unsubscribe();
        }
        runFx(() -> { });
    }

    private static List<String> names(Session session) {
        return session.cookies().get(CookieFilter.all()).join().stream().map(Cookie::name).toList();
    }
}
