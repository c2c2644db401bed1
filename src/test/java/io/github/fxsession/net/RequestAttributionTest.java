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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two partitions load the same page from the same server at the same time; every kind of request each
 * page makes must reach the server as its own partition's (each partition has its own User-Agent, which
 * only a correctly attributed request can carry), and frames must show their own partition's document.
 */
@ExtendWith(FxToolkit.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestAttributionTest {

    /**
     * Subresource URLs carry the partition ("?who=") that loaded the page, so that WebKit's process-wide
     * memory cache cannot satisfy one partition's request with another's response; frames use the same
     * URL in both partitions on purpose: that is the hard case for attribution.
     */
    private static final String PAGE = """
            <!doctype html>
            <html><head>
            <link rel="stylesheet" href="/style.css?who=%1$s">
            <script src="/script.js?who=%1$s"></script>
            <script src="/redirect-script?who=%1$s"></script>
            </head><body>
            <img src="/image.png?who=%1$s">
            <iframe id="frame" src="/frame.html"></iframe>
            <iframe id="redirected" src="/redirect-frame"></iframe>
            <script>
              var s = new XMLHttpRequest(); s.open('GET', '/sync-xhr?who=%1$s', false); s.send();
              var a = new XMLHttpRequest(); a.open('GET', '/async-xhr?who=%1$s'); a.send();
              fetch('/fetch?who=%1$s');
            </script>
            </body></html>
            """;
    private static final String FRAME = """
            <!doctype html><html><body><p id="who">%1$s</p><img src="/frame-image.png?who=%1$s"></body></html>
            """;

    @RegisterExtension
    final TestServer server = TestServer.start();
    private Session a;
    private Session b;
    private WebView viewA;
    private WebView viewB;

    @BeforeAll
    void loadOnePageInTwoPartitionsAtOnce() throws Exception {
        server.route("/page.html", r -> TestServer.ok("text/html", PAGE.formatted(who(r))))
                .route("/style.css", "text/css", "p { color: red }")
                .route("/script.js", "application/javascript", "window.scriptRan = true;")
                .route("/redirect-script", r -> TestServer.redirect("/redirected.js?who=" + who(r)))
                .route("/redirected.js", "application/javascript", "window.redirectedRan = true;")
                .route("/image.png", "image/png", "")
                .route("/frame.html", r -> TestServer.ok("text/html", FRAME.formatted(who(r))))
                .route("/redirect-frame", r -> TestServer.redirect("/frame2.html"))
                .route("/frame2.html", r -> TestServer.ok("text/html", FRAME.formatted(who(r))))
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

    /** The partition a request says it comes from: the first word of its User-Agent. */
    private static String who(RecordedRequest request) {
        String agent = request.getHeaders().get("User-Agent");
        return agent == null ? "none" : agent.replace("/1.0", "");
    }

    /**
     * Each partition asked, and every request carried the identity of the partition whose page asked
     * for it (the "who" its URL names, when it names one).
     */
    private void assertOnePerPartition(String path) {
        List<RecordedRequest> requests = server.requests(path);
        assertThat(requests.stream().map(RequestAttributionTest::agentOf).toList()).as("User-Agents of " + path)
                .contains("AgentA/1.0", "AgentB/1.0");
        for (RecordedRequest request : requests) {
            String named = request.getUrl().queryParameter("who");
            if (named != null) {
                assertThat(agentOf(request)).as(request.getUrl().toString()).isEqualTo(named + "/1.0");
            }
        }
    }

    private static String agentOf(RecordedRequest request) {
        return request.getHeaders().get("User-Agent");
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
        assertThat(frameText(viewA, "frame")).isEqualTo("AgentA");
        assertThat(frameText(viewB, "frame")).isEqualTo("AgentB");
    }

    @Test
    void redirectedIframeDocumentsStayInTheirPartition() {
        assertOnePerPartition("/redirect-frame");
        assertOnePerPartition("/frame2.html");
        assertThat(frameText(viewA, "redirected")).isEqualTo("AgentA");
        assertThat(frameText(viewB, "redirected")).isEqualTo("AgentB");
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
