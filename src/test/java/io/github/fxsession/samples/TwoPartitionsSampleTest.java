package io.github.fxsession.samples;

import static io.github.fxsession.testing.FxToolkit.onFx;
import static io.github.fxsession.testing.FxToolkit.runFx;
import static io.github.fxsession.testing.FxToolkit.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.fxsession.SessionWebView;
import io.github.fxsession.samples.scenebuilder.TwoPartitionsSample;
import io.github.fxsession.testing.ChildJvm;
import io.github.fxsession.testing.FxToolkit;
import io.github.fxsession.testing.TestServer;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.spi.ToolProvider;
import javafx.concurrent.Worker;
import javafx.scene.Scene;
import javafx.stage.Stage;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Scene Builder sample, {@code TwoPartitions.fxml}: loaded by {@code FXMLLoader} in this JVM, and with the
 * library jar on a plain class path in a child JVM, explored the way Scene Builder imports a jar.
 */
@ExtendWith(FxToolkit.class)
class TwoPartitionsSampleTest {

    @RegisterExtension
    final TestServer server = TestServer.start()
            .route("/login", r -> TestServer.okBuilder("text/html", "<title>in</title>logged in")
                    .addHeader("Set-Cookie", "sample=left; Path=/").build())
            .route("/page", "text/html", "<title>page</title>a page");

    @Test
    void viewsOfTheFxmlSampleLoadOnIsolatedPartitions() {
        TwoPartitionsSample.Views views = onFx(TwoPartitionsSample::load);
        SessionWebView left = views.left();
        SessionWebView right = views.right();
        Stage stage = onFx(() -> {
            Stage window = new Stage();
            window.setScene(new Scene(views.root()));
            window.show();
            return window;
        });
        try {
            load(left, server.url("/login"));
            load(left, server.url("/page"));
            load(right, server.url("/page"));

            List<RecordedRequest> pages = server.requests("/page");
            assertThat(pages).hasSize(2);
            assertThat(pages.get(0).getHeaders().get("Cookie")).isEqualTo("sample=left");
            assertThat(pages.get(1).getHeaders().get("Cookie")).isNull();
            assertThat(onFx(() -> left.getSession().getPartition())).isEqualTo(TwoPartitionsSample.LEFT);
            assertThat(onFx(() -> right.getSession().getPartition())).isEqualTo(TwoPartitionsSample.RIGHT);
        } finally {
            runFx(() -> {
                left.getEngine().load("about:blank");
                right.getEngine().load("about:blank");
                stage.close();
            });
        }
    }

    @Test
    void libraryJarOnAPlainClassPathIsImportedAsSceneBuilderDoesAndLoadsTheSample(@TempDir Path folder) throws Exception {
        Path jar = folder.resolve("fxsession.jar");
        ToolProvider tool = ToolProvider.findFirst("jar").orElseThrow();
        assertThat(tool.run(System.out, System.err, "--create", "--file", jar.toString(),
                "-C", Path.of("target", "classes").toString(), ".")).isZero();
        List<String> classPath = new ArrayList<>(Arrays.asList(ChildJvm.classPath().split(File.pathSeparator)));
        Path classes = Path.of("target", "classes").toAbsolutePath();
        classPath.removeIf(entry -> Path.of(entry).toAbsolutePath().normalize().equals(classes));
        classPath.add(1, jar.toString());

        Process child = ChildJvm.start(String.join(File.pathSeparator, classPath), SceneBuilderImportCheck.class,
                List.of("-Dglass.platform=Headless", "-Dprism.order=sw", "--enable-native-access=ALL-UNNAMED",
                        "-Dfxsession.userDataPath=" + folder.resolve("user-data")), jar.toString());
        try {
            String result = ChildJvm.awaitLine(child, "result ", 120);

            assertThat(result).isEqualTo("result SessionWebView OK, sample left=persist:scenebuilder-left"
                    + " right=scenebuilder-right zoom=0.9 named=false from=" + jar);
        } finally {
            ChildJvm.kill(child);
        }
    }

    private static void load(SessionWebView view, String url) {
        runFx(() -> view.setLocation(url));
        waitUntil(() -> "loaded " + url, () -> onFx(() -> url.equals(view.getEngine().getLocation())
                && view.getEngine().getLoadWorker().getState() == Worker.State.SUCCEEDED));
    }
}
