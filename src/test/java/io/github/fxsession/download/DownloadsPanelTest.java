package io.github.fxsession.download;

import static io.github.fxsession.testing.FxToolkit.onFx;
import static io.github.fxsession.testing.FxToolkit.runFx;
import static io.github.fxsession.testing.FxToolkit.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.fxsession.Session;
import io.github.fxsession.testing.FxToolkit;
import io.github.fxsession.testing.TestServer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** The downloads panel, driven with TestFX on the headless platform. */
@ExtendWith(FxToolkit.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DownloadsPanelTest {

    static final byte[] DATA = DownloadFixtures.bytes(600_000, 31);

    static {
        // TestFX drives the headless platform's own (glass) robot; AWT has no display here
        System.setProperty("testfx.robot", "glass");
    }

    @RegisterExtension
    final TestServer server = TestServer.start()
            // slow enough (40 KB/s) that the robot's clicks land mid-download even on a loaded machine; the
            // resumed (Range) request is served at full speed
            .route("/slow.bin", r -> DownloadFixtures.file(r, DATA, "\"p1\"", true,
                    r.getHeaders().get("Range") == null ? 4 * 1024 : 0));

    @TempDir
    static Path folder;

    private final FxRobot robot = new FxRobot();
    private final List<Path> opened = new CopyOnWriteArrayList<>();
    private Stage stage;
    private DownloadsPanel panel;
    private Session session;

    @BeforeAll
    void showPanel() {
        session = Session.fromPartition("download-panel");
        session.setDownloadPath(folder);
        runFx(() -> {
            panel = new DownloadsPanel();
            panel.track(session);
            panel.setOpenHandler(opened::add);
            stage = new Stage();
            stage.setScene(new Scene(panel, 520, 300));
            stage.show();
        });
    }

    @AfterAll
    void closeWindow() {
        if (stage != null) {
            runFx(stage::close);
        }
    }

    @Test
    void panelShowsProgressAndPausesResumesAndOpensTheFinishedFile() {
        session.downloadURL(server.url("/slow.bin"));
        waitUntil("the panel lists the download", () -> onFx(() -> panel.getItems().size()) == 1);
        DownloadItem item = onFx(() -> panel.getItems().getFirst());
        waitUntil("progress shows: " + item, () -> onFx(() -> robot.lookup(".download-progress").queryAs(ProgressBar.class).getProgress()) > 0.02);
        assertThat(onFx(() -> robot.lookup(".download-name").queryAs(Label.class).getText())).isEqualTo("slow.bin");
        assertThat(onFx(() -> robot.lookup(".download-status").queryAs(Label.class).getText()))
                .matches("[0-9.]+ (KB|MB) of 585\\.9 KB(, [0-9.]+ (B|KB|MB)/s(, .+ left)?)?");

        robot.clickOn(".download-pause");
        waitUntil(() -> "paused: " + item, item::isPaused);
        assertThat(onFx(() -> robot.lookup(".download-pause").queryButton().getText())).isEqualTo("Resume");
        assertThat(onFx(() -> robot.lookup(".download-status").queryAs(Label.class).getText())).startsWith("Paused, ");

        robot.clickOn(".download-pause");
        waitUntil("completed: " + item, () -> item.getState() == DownloadState.COMPLETED);
        waitUntil("the row shows completion",
                () -> onFx(() -> robot.lookup(".download-status").queryAs(Label.class).getText()).equals("Completed, 585.9 KB"));
        assertThat(onFx(() -> robot.lookup(".download-progress").queryAs(ProgressBar.class).getProgress())).isEqualTo(1.0);

        robot.clickOn(".download-open");
        robot.clickOn(".download-folder");
        waitUntil("both handlers ran", () -> opened.size() == 2);
        assertThat(opened).containsExactly(folder.resolve("slow.bin"), folder);
        assertThat(DownloadFixtures.sha256(folder.resolve("slow.bin"))).isEqualTo(DownloadFixtures.sha256(DATA));
        assertThat(onFx(() -> robot.lookup(".download-pause").queryAs(Button.class).isDisabled())).isTrue();
    }
}
