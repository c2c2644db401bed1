package io.github.fxsession.net;

import static io.github.fxsession.testing.FxToolkit.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.fxsession.Session;
import io.github.fxsession.testing.FxToolkit;
import io.github.fxsession.testing.Pages;
import io.github.fxsession.testing.TestTls;
import java.net.InetAddress;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import javafx.scene.web.WebView;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Protocol;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The session's own client speaks HTTP/2 over TLS and decodes gzip for WebKit. */
@ExtendWith(FxToolkit.class)
class TransportTest {

    private static WebView loadIn(String partition, String url) {
        return Pages.open(Session.fromPartition(partition), url);
    }

    @Test
    void httpsPagesTravelOverHttp2WithTheSessionsClient() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.useHttps(TestTls.serverContext().getSocketFactory());
            server.setProtocols(List.of(Protocol.HTTP_2, Protocol.HTTP_1_1));
            server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/html")
                    .body("<html><body>over h2</body></html>").build());
            server.start(InetAddress.getByName("127.0.0.1"), 0);
            WebView view = loadIn("transport-h2", server.url("/secure.html").toString());
            RecordedRequest request = server.takeRequest();
            assertThat(request.getVersion()).isEqualTo("HTTP/2");
            assertThat(request.getHandshake()).isNotNull();
            assertThat(onFx(() -> view.getEngine().executeScript("document.body.textContent"))).isEqualTo("over h2");
        }
    }

    @Test
    void gzipResponsesAreDecodedOnceBeforeWebKitSeesThem() throws Exception {
        Buffer gzipped = new Buffer();
        try (GZIPOutputStream gzip = new GZIPOutputStream(gzipped.outputStream())) {
            gzip.write("<html><body>unzipped</body></html>".getBytes());
        }
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/html")
                    .setHeader("Content-Encoding", "gzip").body(gzipped).build());
            server.start(InetAddress.getByName("127.0.0.1"), 0);
            WebView view = loadIn("transport-gzip", server.url("/zipped.html").toString());
            assertThat(server.takeRequest().getHeaders().get("Accept-Encoding")).isEqualTo("gzip");
            assertThat(onFx(() -> view.getEngine().executeScript("document.body.textContent"))).isEqualTo("unzipped");
        }
    }
}
