package io.github.fxsession;

import static io.github.fxsession.testing.Pages.eval;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.fxsession.testing.FxToolkit;
import io.github.fxsession.testing.Pages;
import io.github.fxsession.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.web.WebView;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Preload scripts run in every page and frame of the session, before the page's own scripts. */
@ExtendWith(FxToolkit.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PreloadTest {

    /** The page's first inline script records what the preload set. */
    private static final String FIRST = "<script>window.seenByPage = String(window.preloaded);</script>";

    @RegisterExtension
    final TestServer server = TestServer.start();
    @TempDir
    Path folder;

    @BeforeAll
    void routes() {
        server.route("/page.html", "text/html", "<!doctype html><html><head>" + FIRST + "</head><body>"
                        + "<iframe id=f src='/frame.html'></iframe></body></html>")
                .route("/frame.html", "text/html", "<!doctype html><html><head>" + FIRST + "</head><body>frame</body></html>")
                .route("/csp.html", r -> TestServer.okBuilder("text/html",
                                "<!doctype html><html><head><script src='/first.js'></script>"
                                        + "<script>window.inlineRan = true;</script></head><body></body></html>")
                        .setHeader("Content-Security-Policy", "script-src 'self'").build())
                .route("/first.js", "application/javascript", "window.seenByPage = String(window.preloaded);");
    }

    private Path preload(String name, String source) throws Exception {
        Path file = folder.resolve(name);
        Files.writeString(file, source);
        return file;
    }

    @Test
    void getPreloadsIsEmptyByDefault() {
        assertThat(Session.fromPartition("preload-default").getPreloads()).isEmpty();
    }

    @Test
    void setPreloadsRejectsARelativePathNamingIt() {
        Session session = Session.fromPartition("preload-relative");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> session.setPreloads(List.of(Path.of("scripts/preload.js"))));
        assertThat(e).hasMessage("preload path must be absolute: 'scripts/preload.js'");
        assertThat(session.getPreloads()).isEmpty();
    }

    @Test
    void preloadRunsBeforeThePagesFirstInlineScript() throws Exception {
        Session session = Session.fromPartition("preload-page");
        Path script = preload("a.js", "window.preloaded = 'by preload ' + document.readyState;");
        session.setPreloads(List.of(script));
        assertThat(session.getPreloads()).containsExactly(script);

        WebView view = Pages.open(session, server.url("/page.html"));

        assertThat(eval(view, "window.seenByPage")).isEqualTo("by preload loading");
    }

    @Test
    void preloadsRunInFramesAndInOrder() throws Exception {
        Session session = Session.fromPartition("preload-frames");
        session.setPreloads(List.of(preload("one.js", "window.preloaded = 'one';"),
                preload("two.js", "window.preloaded += ',two';")));

        WebView view = Pages.open(session, server.url("/page.html"));

        FxToolkit.waitUntil("the frame loaded", () -> "complete".equals(
                eval(view, "document.getElementById('f').contentDocument.readyState")));
        assertThat(eval(view, "document.getElementById('f').contentWindow.seenByPage")).isEqualTo("one,two");
        assertThat(eval(view, "window.seenByPage")).isEqualTo("one,two");
    }

    @Test
    void preloadRunsOnAPageWhoseCspForbidsInlineScriptsWithoutAllowingThePagesOwn() throws Exception {
        Session session = Session.fromPartition("preload-csp");
        session.setPreloads(List.of(preload("csp.js", "window.preloaded = 'despite csp';")));

        WebView view = Pages.open(session, server.url("/csp.html"));

        assertThat(eval(view, "window.seenByPage")).isEqualTo("despite csp");
        assertThat(eval(view, "String(window.inlineRan)")).isEqualTo("undefined");
    }

    @Test
    void anEditedPreloadAppliesToTheNextPage() throws Exception {
        Session session = Session.fromPartition("preload-edit");
        Path script = preload("edit.js", "window.preloaded = 'first';");
        session.setPreloads(List.of(script));
        WebView view = Pages.open(session, server.url("/page.html"));
        assertThat(eval(view, "window.seenByPage")).isEqualTo("first");

        Files.writeString(script, "window.preloaded = 'second version';");
        FxToolkit.loadAndWait(view.getEngine(), () -> view.getEngine().reload());

        assertThat(eval(view, "window.seenByPage")).isEqualTo("second version");
    }
}
