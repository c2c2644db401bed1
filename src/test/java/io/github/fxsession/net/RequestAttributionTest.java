package io.github.fxsession.net;

import static io.github.fxsession.testing.FxToolkit.loadAndWait;
import static io.github.fxsession.testing.FxToolkit.onFx;
import static io.github.fxsession.testing.FxToolkit.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.fxsession.Session;
import io.github.fxsession.testing.FxToolkit;
import io.github.fxsession.testing.TestServer;
import java.util.List;
import javafx.concurrent.Worker;
import javafx.scene.web.WebView;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two partitions load the same page from the same server at the same time; every kind of request each
 * page makes must reach the server as its own partition's (each partition has its own User-Agent, which
 * only a correctly attributed request can carry), and frames must show their own partition's document.
 */
@ExtendWith(FxToolkit.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestAttributionTest {

    private static final String PAGE = """
            <!doctype html>
            <html><head>
            <link rel="stylesheet" href="/style.css">
            <script src="/script.js"></script>
            <script src="/redirect-script"></script>
            </head><body>
            <img src="/image.png">
            <iframe id="frame" src="/frame.html"></iframe>
            <iframe id="redirected" src="/redirect-frame"></iframe>
            <script>
              var s = new XMLHttpRequest(); s.open('GET', '/sync-xhr', false); s.send();
              var a = new XMLHttpRequest(); a.open('GET', '/async-xhr'); a.send();
              fetch('/fetch');
            </script>
            </body></html>
            """;
    private static final String FRAME = """
            <!doctype html><html><body><p id="who">%s</p><img src="/frame-image.png"></body></html>
            """;

    private TestServer server;
    private Session a;
    private Session b;
    private WebView viewA;
    private WebView viewB;

    @BeforeAll
    void loadOnePageInTwoPartitionsAtOnce() throws Exception {
        server = new TestServer();
        server.route("/page.html", "text/html", PAGE)
                .route("/style.css", "text/css", "p { color: red }")
                .route("/script.js", "application/javascript", "window.scriptRan = true;")
                .route("/redirect-script", r -> TestServer.redirect("/redirected.js"))
                .route("/redirected.js", "application/javascript", "window.redirectedRan = true;")
                .route("/image.png", "image/png", "")
                .route("/frame.html", r -> TestServer.ok("text/html", FRAME.formatted(r.getHeaders().get("User-Agent"))))
                .route("/redirect-frame", r -> TestServer.redirect("/frame2.html"))
                .route("/frame2.html", r -> TestServer.ok("text/html", FRAME.formatted(r.getHeaders().get("User-Agent"))))
                .route("/frame-image.png", "image/png", "")
                .route("/sync-xhr", "text/plain", "sync")
                .route("/async-xhr", "text/plain", "async")
                .route("/fetch", "text/plain", "fetch");
        a = Session.fromPartition("attribution-a");
        b = Session.fromPartition("attribution-b");
        a.setUserAgent("AgentA/1.0");
        b.setUserAgent("AgentB/1.0");
        viewA = onFx(WebView::new);
        viewB = onFx(WebView::new);
        onFx(() -> a.attach(viewA));
        onFx(() -> b.attach(viewB));
        String url = server.url("/page.html");
        Thread other = new Thread(() -> loadAndWait(viewB.getEngine(), () -> viewB.getEngine().load(url)));
        other.start();
        Worker.State state = loadAndWait(viewA.getEngine(), () -> viewA.getEngine().load(url));
        other.join();
        assertThat(state).isEqualTo(Worker.State.SUCCEEDED);
        waitUntil(() -> "both partitions made every request: " + server.requests().stream()
                .map(r -> r.getUrl().encodedPath() + "=" + r.getHeaders().get("User-Agent")).toList(), () ->
                server.requests("/async-xhr").size() == 2 && server.requests("/fetch").size() == 2
                        && server.requests("/frame-image.png").size() >= 2);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    /** Each partition asked at least once, and no request carried anything but a partition's identity. */
    private void assertOnePerPartition(String path) {
        List<String> agents = server.requests(path).stream().map(r -> r.getHeaders().get("User-Agent")).toList();
        assertThat(agents).as("User-Agents of " + path).contains("AgentA/1.0", "AgentB/1.0")
                .allMatch(agent -> agent.equals("AgentA/1.0") || agent.equals("AgentB/1.0"));
    }

    @Test
    void documentRequestsCarryTheirPartitionsIdentity() {
        assertOnePerPartition("/page.html");
    }

    @Test
    void stylesheetRequestsAreAttributed() {
        assertOnePerPartition("/style.css");
    }

    @Test
    void scriptRequestsAreAttributed() {
        assertOnePerPartition("/script.js");
    }

    @Test
    void imageRequestsAreAttributed() {
        assertOnePerPartition("/image.png");
    }

    @Test
    void synchronousXhrIsAttributed() {
        assertOnePerPartition("/sync-xhr");
    }

    @Test
    void asynchronousXhrIsAttributed() {
        assertOnePerPartition("/async-xhr");
    }

    @Test
    void fetchIsAttributed() {
        assertOnePerPartition("/fetch");
    }

    @Test
    void redirectHopsAreAttributed() {
        assertOnePerPartition("/redirect-script");
        assertOnePerPartition("/redirected.js");
    }

    @Test
    void iframeDocumentRequestsAreAttributedDespiteTheirEmptyUserAgent() {
        assertOnePerPartition("/frame.html");
        assertThat(frameText(viewA, "frame")).isEqualTo("AgentA/1.0");
        assertThat(frameText(viewB, "frame")).isEqualTo("AgentB/1.0");
    }

    @Test
    void redirectedIframeDocumentsStayInTheirPartition() {
        assertOnePerPartition("/redirect-frame");
        assertOnePerPartition("/frame2.html");
        assertThat(frameText(viewA, "redirected")).isEqualTo("AgentA/1.0");
        assertThat(frameText(viewB, "redirected")).isEqualTo("AgentB/1.0");
    }

    @Test
    void iframeSubresourcesAreAttributed() {
        assertOnePerPartition("/frame-image.png");
    }

    @Test
    void noRoutingTokenEverLeavesTheMachine() {
        for (RecordedRequest request : server.requests()) {
            assertThat(request.getHeaders().toString()).doesNotContain("FxSession");
        }
    }

    private static String frameText(WebView view, String id) {
        return onFx(() -> String.valueOf(view.getEngine().executeScript(
                "document.getElementById('" + id + "').contentDocument.getElementById('who').textContent")));
    }
}
