package io.github.fxsession.samples;

import static io.github.fxsession.testing.FxToolkit.onFx;
import static io.github.fxsession.testing.FxToolkit.runFx;
import static io.github.fxsession.testing.FxToolkit.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.fxsession.Session;
import io.github.fxsession.SessionWebView;
import io.github.fxsession.samples.browser.DemoBrowser;
import io.github.fxsession.samples.permissions.PermissionsDemo;
import io.github.fxsession.testing.FxToolkit;
import javafx.concurrent.Worker;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;

/** The demo browser's Permissions menu opens the demo page, whose buttons ask through the default prompt. */
@ExtendWith(FxToolkit.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PermissionsDemoSmokeTest {

    private Stage stage;
    private DemoBrowser browser;
    private FxRobot robot;

    @BeforeAll
    void openTheDemoPage() {
        System.setProperty("testfx.robot", "glass");
        robot = new FxRobot();
        Session.fromPartition(PermissionsDemo.PARTITION).permissionDecisions().clear();
        browser = new DemoBrowser();
        stage = onFx(() -> {
            Stage window = new Stage();
            browser.start(window);
            return window;
        });
    }

    @AfterAll
    void closeWindow() {
        Session.fromPartition(PermissionsDemo.PARTITION).permissionDecisions().clear();
        if (stage != null) {
            runFx(stage::close);
        }
    }

    @Test
    void demoPageAsksThroughThePromptAndShowsTheAnswers() {
        Tab tab = onFx(() -> {
            MenuBar bar = (MenuBar) stage.getScene().getRoot().lookup(".menu-bar");
            MenuItem open = bar.getMenus().stream().filter(m -> m.getText().equals("Permissions")).findFirst().orElseThrow()
                    .getItems().get(0);
            open.fire();
            return browser.getTabPane().getSelectionModel().getSelectedItem();
        });
        SessionWebView view = onFx(() -> (SessionWebView) tab.getContent().lookup("." + SessionWebView.DEFAULT_STYLE_CLASS));
        waitUntil("the demo page loaded", () -> onFx(() -> view.getEngine().getLoadWorker().getState() == Worker.State.SUCCEEDED
                && "Permissions demo".equals(view.getEngine().getTitle())));
        assertThat(onFx(view::getSession).getPartition()).isEqualTo(PermissionsDemo.PARTITION);
        // WebView has no navigator.permissions of its own: the page bridge provides it
        waitUntil(() -> "the page bridge is in the file page: " + onFx(() -> view.getEngine().executeScript(
                        "typeof window.__fxsession + ' ' + location.href")),
                () -> "object".equals(onFx(() -> view.getEngine().executeScript("typeof navigator.permissions"))));

        runFx(() -> view.getEngine().executeScript("document.getElementById('geo').click()"));
        waitUntil(() -> "the prompt shows; log: " + log(view), () -> onFx(() -> Window.getWindows().stream().anyMatch(w -> w.getScene() != null
                && w.getScene().getRoot().getStyleClass().contains("fxsession-permission-prompt"))));
        robot.clickOn("Allow");

        waitUntil(() -> "the log shows the position: " + log(view), () -> log(view).contains("position 48.8584, 2.2945 (+/- 25 m)"));
    }

    private static String log(SessionWebView view) {
        return String.valueOf(onFx(() -> view.getEngine().executeScript("document.getElementById('log').textContent")));
    }
}
