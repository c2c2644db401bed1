package io.github.fxsession.net;

import static io.github.fxsession.testing.FxToolkit.loadAndWait;
import static io.github.fxsession.testing.FxToolkit.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.fxsession.Session;
import io.github.fxsession.testing.FxToolkit;
import io.github.fxsession.testing.TestServer;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import javafx.scene.web.WebView;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each session carries its requests with its own HTTP client; other JVM traffic is left alone. */
@ExtendWith(FxToolkit.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionClientsTest {

    @RegisterExtension
    final TestServer server = TestServer.start();

    @BeforeAll
    void routes() {
        server.route("/doc.html", "text/html", "<html><body>doc</body></html>")
                .route("/api", "text/plain", "api");
    }

    private RecordedRequest load(WebView view, String tag) {
        loadAndWait(view.getEngine(), () -> view.getEngine().load(server.url("/doc.html?" + tag)));
        return server.requests("/doc.html").stream()
                .filter(r -> tag.equals(r.getUrl().encodedQuery())).findFirst().orElseThrow();
    }

    @Test
    void twoPartitionsLoadingTheSameServerUseTwoConnectionPools() {
        Session a = Session.fromPartition("clients-a");
        Session b = Session.fromPartition("clients-b");
        WebView viewA = onFx(WebView::new);
        WebView viewB = onFx(WebView::new);
        onFx(() -> a.attach(viewA));
        onFx(() -> b.attach(viewB));

        RecordedRequest a1 = load(viewA, "a1");
        RecordedRequest b1 = load(viewB, "b1");
        RecordedRequest a2 = load(viewA, "a2");
        RecordedRequest b2 = load(viewB, "b2");

        // Keep-alive: each session reuses its own idle connection and never the other session's.
        assertThat(a2.getConnectionIndex()).isEqualTo(a1.getConnectionIndex());
        assertThat(b2.getConnectionIndex()).isEqualTo(b1.getConnectionIndex());
        assertThat(b1.getConnectionIndex()).isNotEqualTo(a1.getConnectionIndex());
    }

    @Test
    void eachSessionCountsOnlyTheRequestsItCarried() {
        Session a = Session.fromPartition("count-a");
        Session b = Session.fromPartition("count-b");
        WebView viewA = onFx(WebView::new);
        onFx(() -> a.attach(viewA));
        long before = b.getRequestCount();
        load(viewA, "count");
        assertThat(a.getRequestCount()).isEqualTo(1);
        assertThat(b.getRequestCount()).isEqualTo(before);
    }

    @Test
    void applicationTrafficOutsideWebViewGoesThroughTheJdkUntouched() throws Exception {
        long before = Session.defaultSession().getRequestCount();
        HttpURLConnection connection = (HttpURLConnection) URI.create(server.url("/api")).toURL().openConnection();
        connection.setRequestProperty("X-App", "yes");
        assertThat(connection.getResponseCode()).isEqualTo(200);
        try (InputStream in = connection.getInputStream()) {
            assertThat(new String(in.readAllBytes())).isEqualTo("api");
        }
        RecordedRequest recorded = server.requests("/api").get(0);
        assertThat(recorded.getHeaders().get("User-Agent")).startsWith("Java/");
        assertThat(recorded.getHeaders().get("X-App")).isEqualTo("yes");
        assertThat(Session.defaultSession().getRequestCount()).isEqualTo(before);
    }

    @Test
    void enginesNeverAttachedBelongToTheDefaultSession() {
        Session.defaultSession().setUserAgent("DefaultAgent/1");
        WebView view = onFx(WebView::new);
        RecordedRequest request = load(view, "unattached");
        assertThat(request.getHeaders().get("User-Agent")).isEqualTo("DefaultAgent/1");
    }
}
