package io.github.fxsession.net;

import static io.github.fxsession.testing.FxToolkit.loadAndWait;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.fxsession.Session;
import io.github.fxsession.testing.FxToolkit;
import io.github.fxsession.testing.Pages;
import io.github.fxsession.testing.TestServer;
import java.util.List;
import javafx.scene.web.WebView;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The same subresource URL requested by two partitions at the same moment, many times: no request ever
 * leaves with the other partition's identity.
 */
@ExtendWith(FxToolkit.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharedSubresourceTest {

    @RegisterExtension
    final TestServer server = TestServer.start();

    @Test
    void requestsForTheSameUrlAtTheSameMomentNeverCarryTheOtherPartitionsIdentity() throws Exception {
        server.route("/shared.html", r -> TestServer.ok("text/html",
                "<html><body><img src='/shared.png?round=" + r.getUrl().queryParameter("round") + "'>"
                        + "<script src='/shared.js?round=" + r.getUrl().queryParameter("round") + "'></script></body></html>"));
        server.route("/shared.png", "image/png", "");
        server.route("/shared.js", "application/javascript", "window.ran = true;");
        Session a = Session.fromPartition("shared-a");
        Session b = Session.fromPartition("shared-b");
        a.setUserAgent("SharedA/1");
        b.setUserAgent("SharedB/1");
        WebView viewA = Pages.attached(a);
        WebView viewB = Pages.attached(b);
        for (int round = 0; round < 5; round++) {
            String url = server.url("/shared.html?round=" + round);
            Thread other = new Thread(() -> loadAndWait(viewB.getEngine(), () -> viewB.getEngine().load(url)));
            other.start();
            loadAndWait(viewA.getEngine(), () -> viewA.getEngine().load(url));
            other.join();
        }
        for (String path : List.of("/shared.png", "/shared.js")) {
            for (int round = 0; round < 5; round++) {
                String r = String.valueOf(round);
                List<String> agents = server.requests(path).stream()
                        .filter(req -> r.equals(req.getUrl().queryParameter("round")))
                        .map(RecordedRequest::getHeaders).map(h -> h.get("User-Agent")).sorted().toList();
                // WebKit may let the second page join the first page's in-flight load (one request for
                // two pages, see README "Limits"); what reaches the network is always attributed right.
                assertThat(agents).as(path + " in round " + round).isNotEmpty().doesNotHaveDuplicates()
                        .allMatch(agent -> agent.equals("SharedA/1") || agent.equals("SharedB/1"));
            }
        }
    }
}
