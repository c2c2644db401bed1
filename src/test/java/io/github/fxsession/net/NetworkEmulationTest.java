package io.github.fxsession.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.fxsession.Session;
import io.github.fxsession.internal.net.NetResponse;
import io.github.fxsession.testing.FxToolkit;
import io.github.fxsession.testing.Pages;
import io.github.fxsession.testing.SessionChain;
import io.github.fxsession.testing.TestServer;
import java.io.IOException;
import java.io.InputStream;
import javafx.concurrent.Worker;
import javafx.scene.web.WebView;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Network emulation of a partition, measured through the session's chain (no WebView needed). Rates are
 * kept low and transfers short, so the pacing, not the machine, decides the time.
 */
@ExtendWith(FxToolkit.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NetworkEmulationTest {

    private static final int KIB = 1024;

    @RegisterExtension
    final TestServer server = TestServer.start();

    @BeforeAll
    void routes() {
        server.route("/small.txt", "text/plain", "small");
        server.route("/cached.txt", r -> new MockResponse.Builder().setHeader("Content-Type", "text/plain")
                .setHeader("Cache-Control", "max-age=3600").body("cached").build());
        for (int size : new int[] {32, 128}) {
            server.route("/" + size + "k.bin", r -> new MockResponse.Builder().setHeader("Content-Type", "application/octet-stream")
                    .setHeader("Cache-Control", "no-store").body(new okio.Buffer().write(new byte[size * KIB])).build());
        }
        server.route("/upload", r -> TestServer.ok("text/plain", String.valueOf(r.getBody() == null ? 0 : r.getBody().size())));
    }

    private static Session session(String partition) {
        Session session = Session.fromPartition(partition);
        session.setUserAgent("EmulationTest/1");
        return session;
    }

    @Test
    void offlineRequestsFailAsABrowserDoesWithoutReachingTheServer() {
        Session session = session("emulation-offline");
        session.enableNetworkEmulation(NetworkEmulationOptions.OFFLINE);
        int before = server.requests("/small.txt").size();
        assertThatThrownBy(() -> SessionChain.get(session, server.url("/small.txt")))
                .isInstanceOf(IOException.class)
                .hasMessage("net::ERR_INTERNET_DISCONNECTED: " + server.url("/small.txt") + " (network emulation is offline)");
        assertThat(server.requests("/small.txt")).hasSize(before);
    }

    @Test
    void offlinePartitionStillGetsFreshResponsesFromItsCache() throws Exception {
        Session session = session("emulation-offline-cache");
        assertThat(SessionChain.get(session, server.url("/cached.txt"))).isEqualTo("cached");
        session.enableNetworkEmulation(NetworkEmulationOptions.OFFLINE);
        assertThat(SessionChain.get(session, server.url("/cached.txt"))).isEqualTo("cached");
        assertThat(server.requests("/cached.txt")).hasSize(1);
    }

    @Test
    void offlinePageFailsToLoadInAWebView() {
        Session session = session("emulation-offline-webview");
        session.enableNetworkEmulation(NetworkEmulationOptions.OFFLINE);
        WebView view = Pages.attached(session);
        Worker.State state = FxToolkit.loadAndWait(view.getEngine(), () -> view.getEngine().load(server.url("/small.txt?webview")));
        assertThat(state).isEqualTo(Worker.State.FAILED);
        assertThat(server.requests("/small.txt").stream().filter(r -> "webview".equals(r.getUrl().query()))).isEmpty();
    }

    @Test
    void disablingTheEmulationRestoresTheNetwork() throws Exception {
        Session session = session("emulation-disable");
        session.enableNetworkEmulation(NetworkEmulationOptions.OFFLINE);
        session.disableNetworkEmulation();
        assertThat(SessionChain.get(session, server.url("/small.txt"))).isEqualTo("small");
    }

    @Test
    void latencyIsAddedToEachRequest() throws Exception {
        Session session = session("emulation-latency");
        SessionChain.get(session, server.url("/small.txt"));
        session.enableNetworkEmulation(NetworkEmulationOptions.builder().latency(300).build());
        long start = System.nanoTime();
        SessionChain.get(session, server.url("/small.txt"));
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(300);
    }

    @ParameterizedTest(name = "{0} KiB/s")
    @CsvSource({"64, 32", "256, 128"})
    void downloadThroughputNeverExceedsTheLimit(int kibPerSecond, int kib) throws Exception {
        Session session = session("emulation-download-" + kibPerSecond);
        double rate = kibPerSecond * KIB;
        session.enableNetworkEmulation(NetworkEmulationOptions.builder().downloadThroughput(rate).build());
        NetResponse response = SessionChain.send(session, "GET", server.url("/" + kib + "k.bin"), null);
        long start = System.nanoTime();
        long bytes;
        try (InputStream body = response.body()) {
            bytes = body.transferTo(java.io.OutputStream.nullOutputStream());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(bytes).isEqualTo(kib * KIB);
        // never above the limit (+10%); the lower bound leaves room for a loaded machine's stalls (the
        // benchmark reports the achieved rates)
        assertThat(bytes / seconds).as("achieved rate in bytes/s over %.3f s", seconds).isBetween(rate * 0.75, rate * 1.1);
    }

    @Test
    void uploadThroughputPacesTheRequestBody() throws Exception {
        Session session = session("emulation-upload");
        double rate = 128 * KIB;
        session.enableNetworkEmulation(NetworkEmulationOptions.builder().uploadThroughput(rate).build());
        long start = System.nanoTime();
        NetResponse response = SessionChain.send(session, "POST", server.url("/upload"), new byte[64 * KIB]);
        String received = new String(response.body().readAllBytes());
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(received).isEqualTo(String.valueOf(64 * KIB));
        assertThat(seconds).as("upload time of 64 KiB at 128 KiB/s").isGreaterThanOrEqualTo(0.45);
    }

    @Test
    void negativeThroughputIsRejectedQuotingTheValue() {
        assertThatThrownBy(() -> NetworkEmulationOptions.builder().downloadThroughput(-1).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("downloadThroughput must be a finite number >= 0 (0 disables it): -1.0");
        assertThatThrownBy(() -> NetworkEmulationOptions.builder().latency(Double.NaN).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("latency must be a finite number >= 0 (0 disables it): NaN");
        assertThatThrownBy(() -> NetworkEmulationOptions.builder().uploadThroughput(Double.POSITIVE_INFINITY).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("uploadThroughput must be a finite number >= 0 (0 disables it): Infinity");
    }

}
