package io.github.fxsession.permission;

import static io.github.fxsession.testing.FxToolkit.onFx;
import static io.github.fxsession.testing.FxToolkit.runFx;
import static io.github.fxsession.testing.FxToolkit.waitUntil;
import static io.github.fxsession.testing.Pages.eval;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.fxsession.Session;
import io.github.fxsession.WebContents;
import io.github.fxsession.testing.FxToolkit;
import io.github.fxsession.testing.TestServer;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.web.WebView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;

/**
 * What permissions show in windows: the default prompt (driven by TestFX), notification popups, and full
 * screen. Each test shows its WebView in its own stage.
 */
@ExtendWith(FxToolkit.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PermissionWindowsTest {

    private static final AtomicInteger PARTITIONS = new AtomicInteger();
    private static final String REQUEST = "window.result = null;"
            + " Notification.requestPermission().then(function (p) { window.result = p; })";

    @RegisterExtension
    final TestServer server = TestServer.start();
    private FxRobot robot;
    private Stage stage;

    @BeforeAll
    void routes() {
        System.setProperty("testfx.robot", "glass");
        robot = new FxRobot();
        server.route("/page.html", "text/html", "<!doctype html><html><head><title>p</title></head>"
                + "<body><div id=box style='color: red'>box</div></body></html>");
    }

    @AfterEach
    void closeWindows() {
        runFx(() -> {
            for (Window window : java.util.List.copyOf(Window.getWindows())) {
                if (window != stage && window.getScene() != null && (isPrompt(window) || isNotification(window))) {
                    window.hide();
                }
            }
            if (stage != null) {
                stage.close();
            }
        });
    }

    /** A stage showing a WebView attached to a new partition, on the test page. */
    private WebView show(Session session) {
        WebView view = onFx(() -> {
            WebView v = new WebView();
            stage = new Stage();
            // As large as the screen: the Headless platform fails to blit a window whose size changes
            // when it enters or leaves full screen (IndexOutOfBoundsException in HeadlessWindow.blit).
            javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getBounds();
            stage.setScene(new Scene(v, screen.getWidth(), screen.getHeight()));
            stage.show();
            return v;
        });
        WebContents contents = onFx(() -> session.attach(view));
        FxToolkit.loadAndWait(view.getEngine(), () -> contents.loadURL(server.url("/page.html")));
        return view;
    }

    private static Session newSession() {
        return Session.fromPartition("permission-windows-" + PARTITIONS.incrementAndGet());
    }

    private static boolean isPrompt(Window window) {
        Parent root = window.getScene().getRoot();
        return root != null && root.getStyleClass().contains("fxsession-permission-prompt");
    }

    private static boolean isNotification(Window window) {
        Parent root = window.getScene().getRoot();
        return root != null && root.getStyleClass().contains("fxsession-notification");
    }

    private static Optional<Window> find(java.util.function.Predicate<Window> kind) {
        return onFx(() -> Window.getWindows().stream()
                .filter(w -> w.isShowing() && w.getScene() != null && kind.test(w)).findFirst());
    }

    private Window awaitPrompt() {
        waitUntil("the permission prompt shows", () -> find(PermissionWindowsTest::isPrompt).isPresent());
        return find(PermissionWindowsTest::isPrompt).orElseThrow();
    }

    private static String text(Window window, String id) {
        return onFx(() -> ((Label) window.getScene().getRoot().lookup("#" + id)).getText());
    }

    @Test
    void clickingAllowInTheDefaultPromptGrantsThePage() {
        WebView view = show(newSession());
        eval(view, REQUEST);
        Window prompt = awaitPrompt();
        assertThat(onFx(() -> ((javafx.scene.control.DialogPane) prompt.getScene().getRoot()).getHeaderText()))
                .isEqualTo(server.url("/").replaceAll("/$", "") + " wants to show notifications.");

        robot.clickOn("Allow");

        waitUntil("the page has its answer", () -> eval(view, "window.result") != null);
        assertThat(eval(view, "window.result")).isEqualTo("granted");
    }

    @Test
    void clickingBlockInTheDefaultPromptDeniesThePage() {
        WebView view = show(newSession());
        eval(view, REQUEST);
        awaitPrompt();

        robot.clickOn("Block");

        waitUntil("the page has its answer", () -> eval(view, "window.result") != null);
        assertThat(eval(view, "window.result")).isEqualTo("denied");
    }

    @Test
    void rememberForThisSiteKeepsTheDecisionAndDoesNotAskAgain() {
        Session session = newSession();
        WebView view = show(session);
        eval(view, REQUEST);
        awaitPrompt();

        robot.clickOn("#remember");
        robot.clickOn("Block");
        waitUntil("the page has its answer", () -> eval(view, "window.result") != null);

        String origin = server.url("/").replaceAll("/$", "");
        assertThat(session.permissionDecisions().get(origin, Permission.NOTIFICATIONS)).contains(false);
        eval(view, REQUEST);
        waitUntil("the page has its second answer", () -> eval(view, "window.result") != null);
        assertThat(eval(view, "window.result")).isEqualTo("denied");
        assertThat(find(PermissionWindowsTest::isPrompt)).isEmpty();
    }

    @Test
    void notificationShowsAsAPopupAndAClickReachesThePage() {
        Session session = newSession();
        session.setPermissionCheckHandler((contents, permission, origin, details) -> permission == Permission.NOTIFICATIONS);
        WebView view = show(session);

        eval(view, "window.events = []; var n = new Notification('Hello', { body: 'from the page' });"
                + " n.onshow = function () { window.events.push('show'); };"
                + " n.onclick = function () { window.events.push('click'); };"
                + " n.addEventListener('close', function () { window.events.push('close'); });");
        waitUntil("the popup shows", () -> find(PermissionWindowsTest::isNotification).isPresent());
        Window popup = find(PermissionWindowsTest::isNotification).orElseThrow();
        assertThat(text(popup, "title")).isEqualTo("Hello");
        assertThat(text(popup, "body")).isEqualTo("from the page");
        assertThat(onFx(() -> ((Stage) popup).getOwner())).isSameAs(stage);

        Node root = onFx(() -> popup.getScene().getRoot());
        robot.clickOn(root);

        waitUntil(() -> "click and close reach the page, events: " + eval(view, "window.events.join()"),
                () -> "show,click,close".equals(eval(view, "window.events.join()")));
        assertThat(onFx(popup::isShowing)).isFalse();
    }

    @Test
    void notificationIsNotShownWithoutPermission() {
        Session session = newSession();
        session.setPermissionCheckHandler((contents, permission, origin, details) -> false);
        WebView view = show(session);

        eval(view, "window.events = []; var n = new Notification('Hello');"
                + " n.onerror = function () { window.events.push('error'); };");

        waitUntil("the page hears the error", () -> "error".equals(eval(view, "window.events.join()")));
        assertThat(find(PermissionWindowsTest::isNotification)).isEmpty();
    }

    @Test
    void requestFullscreenPutsTheStageInFullScreenAndLeavingItTellsThePage() {
        Session session = newSession();
        session.setPermissionRequestHandler((contents, permission, callback, details) ->
                callback.grant(permission == Permission.FULLSCREEN));
        WebView view = show(session);

        eval(view, "window.changes = 0; document.addEventListener('fullscreenchange', function () { window.changes++; });"
                + " window.result = null; document.getElementById('box').requestFullscreen()"
                + ".then(function () { window.result = document.fullscreenElement.id; });");
        waitUntil("the page is in full screen", () -> "box".equals(eval(view, "window.result")));
        assertThat(onFx(stage::isFullScreen)).isTrue();

        runFx(() -> stage.setFullScreen(false));

        waitUntil("the page left full screen", () -> eval(view, "document.fullscreenElement") == null);
        assertThat(eval(view, "window.changes")).isEqualTo(2);
        assertThat(eval(view, "document.getElementById('box').getAttribute('style')")).isEqualTo("color: red");
    }

    @Test
    void exitFullscreenFromThePageLeavesTheStagesFullScreen() {
        Session session = newSession();
        session.setPermissionRequestHandler((contents, permission, callback, details) -> callback.grant(true));
        WebView view = show(session);
        eval(view, "window.result = null; document.body.requestFullscreen().then(function () { window.result = 'in'; });");
        waitUntil("the page is in full screen", () -> "in".equals(eval(view, "window.result")));

        eval(view, "document.exitFullscreen()");

        waitUntil("the stage left full screen", () -> !onFx(stage::isFullScreen));
        assertThat(eval(view, "document.fullscreenElement")).isNull();
    }

    @Test
    void navigatingAwayLeavesFullScreen() {
        Session session = newSession();
        session.setPermissionRequestHandler((contents, permission, callback, details) -> callback.grant(true));
        WebView view = show(session);
        eval(view, "window.result = null; document.body.requestFullscreen().then(function () { window.result = 'in'; });");
        waitUntil("the page is in full screen", () -> "in".equals(eval(view, "window.result")));

        FxToolkit.loadAndWait(view.getEngine(), () -> view.getEngine().load(server.url("/page.html") + "?next"));

        assertThat(onFx(stage::isFullScreen)).isFalse();
    }

    @Test
    void deniedFullscreenRejectsWithTypeErrorAndLeavesTheStage() {
        Session session = newSession();
        session.setPermissionRequestHandler((contents, permission, callback, details) -> callback.grant(false));
        WebView view = show(session);

        eval(view, "window.result = null; document.body.requestFullscreen().then(function () { window.result = 'in'; },"
                + " function (e) { window.result = e.name + ': ' + e.message; });");

        waitUntil("the page has its answer", () -> eval(view, "window.result") != null);
        assertThat(eval(view, "window.result")).isEqualTo("TypeError: Permissions check failed");
        assertThat(onFx(stage::isFullScreen)).isFalse();
    }
}
