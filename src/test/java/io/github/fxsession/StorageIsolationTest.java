package io.github.fxsession;

import static io.github.fxsession.testing.FxToolkit.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.fxsession.testing.FxToolkit;
import io.github.fxsession.testing.Pages;
import io.github.fxsession.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javafx.scene.web.WebView;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Attaching gives the engine its partition's user-data directory: DOM storage follows the partition. */
@ExtendWith(FxToolkit.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StorageIsolationTest {

    @RegisterExtension
    final TestServer server = TestServer.start();

    @BeforeAll
    void routes() {
        server.route("/store.html", "text/html", "<html><body>store</body></html>");
    }

    private WebView open(Session session) {
        return Pages.open(session, server.url("/store.html"));
    }

    @Test
    void localStorageOfOnePartitionIsInvisibleToAnother() {
        WebView a = open(Session.fromPartition("storage-a"));
        WebView b = open(Session.fromPartition("storage-b"));
        onFx(() -> a.getEngine().executeScript("localStorage.setItem('secret', 'from-a')"));
        assertThat(onFx(() -> a.getEngine().executeScript("localStorage.getItem('secret')"))).isEqualTo("from-a");
        assertThat(onFx(() -> b.getEngine().executeScript("String(localStorage.getItem('secret'))"))).isEqualTo("null");
    }

    @Test
    void enginesOfOnePartitionShareItsLocalStorage() {
        Session session = Session.fromPartition("storage-shared");
        WebView first = open(session);
        WebView second = open(session);
        onFx(() -> first.getEngine().executeScript("localStorage.setItem('k', 'v')"));
        assertThat(onFx(() -> second.getEngine().executeScript("localStorage.getItem('k')"))).isEqualTo("v");
    }

    @Test
    void persistentPartitionKeepsItsLocalStorageUnderItsStoragePath() throws Exception {
        Session session = Session.fromPartition("persist:storage-disk");
        WebView view = open(session);
        onFx(() -> view.getEngine().executeScript("localStorage.setItem('kept', 'yes')"));
        Path storage = session.getStoragePath();
        FxToolkit.waitUntil("a localstorage file under " + storage, () -> {
            try (Stream<Path> files = Files.walk(storage)) {
                return files.anyMatch(p -> p.toString().contains("localstorage") && p.toString().endsWith(".localstorage"));
            } catch (Exception e) {
                return false;
            }
        });
    }
}
