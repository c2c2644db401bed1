package io.github.fxsession;

import static io.github.fxsession.testing.FxToolkit.onFx;
import static io.github.fxsession.testing.FxToolkit.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.fxsession.testing.FxToolkit;
import io.github.fxsession.testing.Pages;
import io.github.fxsession.testing.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javafx.scene.web.WebEngine;
import javafx.scene.web.WebView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An attached WebView the application dropped is garbage collected while its session stays open, and
 * with it WebKit's native "LocalStorage" thread of the partition (one per user-data directory).
 */
@ExtendWith(FxToolkit.class)
class EngineLifetimeTest {

    static final TestServer SERVER = TestServer.start()
            .route("/ls", "text/html", "<html><body><script>localStorage.setItem('k', 'v');</script></body></html>");

    @Test
    void droppedWebViewIsCollectedWhileItsSessionStaysOpen() {
        Session session = Session.fromPartition("lifetime-collected");
        WeakReference<WebEngine> engine = new WeakReference<>(Pages.open(session, SERVER.url("/ls")).getEngine());
        waitUntil("the dropped engine is collected", () -> collected(engine));
        assertThat(session.isClosed()).isFalse();
    }

    @Test
    void droppedWebViewEndsItsPartitionsLocalStorageThread() {
        Set<String> before = localStorageThreads();
        WebView view = Pages.open(Session.fromPartition("lifetime-thread"), SERVER.url("/ls"));
        Set<String> started = new HashSet<>(localStorageThreads());
        started.removeAll(before);
        assertThat(started).hasSize(1);
        WeakReference<WebEngine> engine = new WeakReference<>(view.getEngine());
        view = null;
        waitUntil("the dropped engine is collected", () -> collected(engine));
        waitUntil("the partition's LocalStorage thread ends", () -> !localStorageThreads().containsAll(started));
    }

    private static boolean collected(WeakReference<WebEngine> engine) {
        System.gc();
        onFx(() -> null);
        return engine.get() == null;
    }

    /** Ids of the native threads named "LocalStorage" (WebKit names them; the JVM lists them as "Thread-N"). */
    private static Set<String> localStorageThreads() {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            return tasks.filter(task -> {
                try {
                    return Files.readString(task.resolve("comm")).trim().equals("LocalStorage");
                } catch (IOException gone) {
                    return false;
                }
            }).map(task -> task.getFileName().toString()).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
