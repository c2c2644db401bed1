package io.github.fxsession;

import static io.github.fxsession.testing.FxToolkit.loadAndWait;
import static io.github.fxsession.testing.FxToolkit.onFx;
import static io.github.fxsession.testing.Pages.eval;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.fxsession.testing.FxToolkit;
import io.github.fxsession.testing.Pages;
import io.github.fxsession.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.web.WebView;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The page bridge reaches every page of an attached engine, before the page's own scripts, and only the library. */
@ExtendWith(FxToolkit.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageBridgeTest {

    /** Records, from the page's first script, whether the bridge was already there. */
    private static final String PROBE = "window.seenFirst = typeof window.__fxsession;";

    @RegisterExtension
    final TestServer server = TestServer.start();
    private Session session;

    @BeforeAll
    void routes() {
        session = Session.fromPartition("bridge-tests");
        server.route("/plain.html", "text/html", "<!doctype html><html><head><script>" + PROBE + "</script></head><body>hi</body></html>")
                .route("/probe.js", "application/javascript", PROBE)
                .route("/csp-header.html", r -> TestServer.okBuilder("text/html",
                                "<!doctype html><html><head><script src='/probe.js'></script></head><body></body></html>")
                        .setHeader("Content-Security-Policy", "script-src 'self'").build())
                .route("/csp-none.html", r -> TestServer.okBuilder("text/html",
                                "<html><body><p id=x>x</p></body></html>")
                        .setHeader("Content-Security-Policy", "default-src 'none'").build())
                .route("/csp-nonce.html", r -> TestServer.okBuilder("text/html",
                                "<!doctype html><html><head><script nonce='n0nce'>" + PROBE + "</script>"
                                        + "<script>window.blockedRan = true;</script></head><body></body></html>")
                        .setHeader("Content-Security-Policy", "default-src 'self'; script-src 'nonce-n0nce'").build())
                .route("/csp-meta.html", "text/html", "<!doctype html><html><head>"
                        + "<meta http-equiv='Content-Security-Policy' content=\"script-src 'self'\">"
                        + "<script src='/probe.js'></script></head><body></body></html>")
                .route("/frames.html", "text/html", "<!doctype html><html><body><iframe id=f src='/plain.html'></iframe></body></html>")
                .route("/prompt.html", "text/html", "<!doctype html><html><head><script>"
                        + "window.answer = prompt('your name?', 'x');</script></head><body></body></html>");
    }

    private WebView attachedView() {
        return Pages.attached(session);
    }

    private WebView load(String path) {
        return Pages.open(session, server.url(path));
    }

    @Test
    void bridgeIsThereBeforeThePagesFirstScript() {
        WebView view = load("/plain.html");
        assertThat(eval(view, "window.seenFirst")).isEqualTo("object");
    }

    @Test
    void bridgeRunsWhenTheCspHeaderForbidsInlineScripts() {
        WebView view = load("/csp-header.html");
        assertThat(eval(view, "window.seenFirst")).isEqualTo("object");
        assertThat(eval(view, "navigator.userAgent")).isEqualTo(session.getUserAgent());
    }

    @Test
    void bridgeIsAvailableOnPagesWhoseCspForbidsEveryScript() {
        WebView view = load("/csp-none.html");
        assertThat(eval(view, "typeof window.__fxsession")).isEqualTo("object");
    }

    @Test
    void cspStillBlocksThePagesOwnUnlistedInlineScripts() {
        WebView view = load("/csp-nonce.html");
        assertThat(eval(view, "window.seenFirst")).isEqualTo("object");
        assertThat(eval(view, "String(window.blockedRan)")).isEqualTo("undefined");
    }

    @Test
    void bridgeRunsWhenAMetaCspForbidsInlineScripts() {
        WebView view = load("/csp-meta.html");
        assertThat(eval(view, "window.seenFirst")).isEqualTo("object");
    }

    @Test
    void framesGetTheBridgeToo() {
        WebView view = load("/frames.html");
        assertThat(eval(view, "document.getElementById('f').contentWindow.seenFirst")).isEqualTo("object");
    }

    @Test
    void pagesReachOnlyTheBridgeMethods() {
        WebView view = load("/plain.html");
        assertThat(eval(view, "Object.keys(window.__fxsession).join(',')")).isEqualTo("call,version");
        assertThat(eval(view, "Object.isFrozen(window.__fxsession)")).isEqualTo(true);
        assertThat(eval(view, "try { window.__fxsession.call('java.lang.System.exit', [0]); 'no error' }"
                + " catch (e) { e.message }")).isEqualTo("fxsession: no bridge method 'java.lang.System.exit'");
        assertThat(eval(view, "try { window.__fxsession = null; 'replaced' } catch (e) { 'kept' }; typeof window.__fxsession"))
                .isEqualTo("object");
    }

    @Test
    void malformedBridgeMessagesAreAnsweredWithAnError() {
        WebView view = load("/plain.html");
        Object reply = eval(view, "prompt('__fxsession_bridge__:{not json', '')");
        assertThat(String.valueOf(reply)).startsWith("{\"e\":\"malformed bridge call");
    }

    @Test
    void applicationPromptHandlerSetAfterAttachStillAnswersOrdinaryPrompts() {
        WebView view = attachedView();
        FxToolkit.runFx(() -> view.getEngine().setPromptHandler(data -> "app:" + data.getMessage()));
        loadAndWait(view.getEngine(), () -> view.getEngine().load(server.url("/prompt.html")));
        assertThat(eval(view, "window.answer")).isEqualTo("app:your name?");
        assertThat(eval(view, "typeof window.__fxsession.call('init', {}).userAgent")).isEqualTo("string");
    }

    @Test
    void applicationPromptHandlerSetBeforeAttachIsKept() {
        WebView view = onFx(() -> {
            WebView v = new WebView();
            v.getEngine().setPromptHandler(data -> "early:" + data.getDefaultValue());
            session.attach(v);
            return v;
        });
        loadAndWait(view.getEngine(), () -> view.getEngine().load(server.url("/prompt.html")));
        assertThat(eval(view, "window.answer")).isEqualTo("early:x");
    }

    @Test
    void webContentsLoadContentPutsTheBridgeBeforeInlineScripts() {
        WebView view = onFx(WebView::new);
        WebContents contents = onFx(() -> session.attach(view));
        loadAndWait(view.getEngine(), () -> contents.loadContent(
                "<!doctype html><html><head><script>" + PROBE + "</script></head><body></body></html>"));
        assertThat(eval(view, "window.seenFirst")).isEqualTo("object");
        assertThat(eval(view, "document.compatMode")).isEqualTo("CSS1Compat");
    }

    @Test
    void plainEngineLoadContentGetsTheBridgeOnceParsed() {
        WebView view = attachedView();
        loadAndWait(view.getEngine(), () -> view.getEngine().loadContent("<html><body>late</body></html>"));
        assertThat(eval(view, "typeof window.__fxsession")).isEqualTo("object");
        assertThat(eval(view, "navigator.userAgent")).isEqualTo(session.getUserAgent());
    }

    @Test
    void filePagesGetTheBridgeOnceParsed(@TempDir Path dir) throws Exception {
        Path page = dir.resolve("page.html");
        Files.writeString(page, "<html><body>file</body></html>");
        WebView view = attachedView();
        loadAndWait(view.getEngine(), () -> view.getEngine().load(page.toUri().toString()));
        assertThat(eval(view, "typeof window.__fxsession")).isEqualTo("object");
    }

    @Test
    void injectionKeepsStandardsModeAfterADoctype() {
        WebView view = load("/plain.html");
        assertThat(eval(view, "document.compatMode")).isEqualTo("CSS1Compat");
        assertThat(eval(view, "document.body.textContent")).isEqualTo("hi");
    }
}
