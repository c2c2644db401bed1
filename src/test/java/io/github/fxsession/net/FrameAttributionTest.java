package io.github.fxsession.net;

import static io.github.fxsession.testing.FxToolkit.loadAndWait;
import static io.github.fxsession.testing.FxToolkit.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.fxsession.Session;
import io.github.fxsession.testing.FxToolkit;
import io.github.fxsession.testing.Pages;
import io.github.fxsession.testing.TestServer;
import javafx.scene.web.WebView;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Frames created by script, with the same page open in two partitions. */
@ExtendWith(FxToolkit.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FrameAttributionTest {

    private static final String FRAME = "<html><body><p id=who>%s</p></body></html>";

    @RegisterExtension
    final TestServer server = TestServer.start();
    private WebView viewA;
    private WebView viewB;

    @BeforeAll
    void openTheSamePageInTwoPartitions() throws Exception {
        server.route("/host.html", "text/html", "<!doctype html><html><body></body></html>");
        server.route("/elsewhere.html", "text/html", "<!doctype html><html><body></body></html>");
        for (String name : new String[] {"/by-src.html", "/by-attribute.html", "/by-inner-html.html"}) {
            server.route(name, r -> TestServer.ok("text/html", FRAME.formatted(r.getHeaders().get("User-Agent"))));
        }
        Session a = Session.fromPartition("frames-a");
        Session b = Session.fromPartition("frames-b");
        a.setUserAgent("FramesA/1");
        b.setUserAgent("FramesB/1");
        viewA = Pages.open(a, server.url("/host.html"));
        viewB = Pages.open(b, server.url("/host.html"));
    }

    private String frameText(WebView view) {
        FxToolkit.waitUntil("the frame loaded", () -> onFx(() -> (Boolean) view.getEngine().executeScript(
                "var f = document.getElementById('f'); !!(f && f.contentDocument && f.contentDocument.getElementById('who'))")));
        return onFx(() -> String.valueOf(view.getEngine().executeScript(
                "document.getElementById('f').contentDocument.getElementById('who').textContent")));
    }

    private void clear(WebView view) {
        onFx(() -> view.getEngine().executeScript("var old = document.getElementById('f'); if (old) old.remove(); null"));
    }

    @Test
    void frameWhoseSrcIsSetByScriptBelongsToItsPartition() {
        clear(viewA);
        onFx(() -> viewA.getEngine().executeScript(
                "var f = document.createElement('iframe'); f.id = 'f'; f.src = '/by-src.html'; document.body.appendChild(f); null"));
        assertThat(frameText(viewA)).isEqualTo("FramesA/1");
    }

    @Test
    void frameWhoseSrcAttributeIsSetByScriptBelongsToItsPartition() {
        clear(viewB);
        onFx(() -> viewB.getEngine().executeScript(
                "var f = document.createElement('iframe'); f.id = 'f'; f.setAttribute('src', '/by-attribute.html');"
                        + " document.body.appendChild(f); null"));
        assertThat(frameText(viewB)).isEqualTo("FramesB/1");
    }

    @Test
    void frameThatCannotBeAttributedIsRefusedAndNeverReachesTheServer() throws Exception {
        clear(viewA);
        onFx(() -> viewA.getEngine().executeScript(
                "document.body.insertAdjacentHTML('beforeend', '<iframe id=f src=\"/by-inner-html.html\"></iframe>'); null"));
        Thread.sleep(1_000);
        assertThat(server.requests("/by-inner-html.html")).isEmpty();

        // Once the page is open in one partition only, the same frame is attributed by its Referer.
        loadAndWait(viewB.getEngine(), () -> viewB.getEngine().load(server.url("/elsewhere.html")));
        clear(viewA);
        onFx(() -> viewA.getEngine().executeScript(
                "document.body.insertAdjacentHTML('beforeend', '<iframe id=f src=\"/by-inner-html.html\"></iframe>'); null"));
        assertThat(frameText(viewA)).isEqualTo("FramesA/1");
        loadAndWait(viewB.getEngine(), () -> viewB.getEngine().load(server.url("/host.html")));
    }
}
