package io.github.fxsession.samples;

import static io.github.fxsession.testing.FxToolkit.loadAndWait;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.fxsession.Session;
import io.github.fxsession.samples.net.PinnedIntranet;
import io.github.fxsession.testing.FxToolkit;
import io.github.fxsession.testing.Pages;
import io.github.fxsession.testing.TestServer;
import java.net.InetAddress;
import java.security.MessageDigest;
import java.util.Base64;
import javafx.concurrent.Worker;
import javafx.scene.web.WebView;
import mockwebserver3.MockWebServer;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The sample trusts a self-signed intranet certificate by its fingerprint, and no other. */
@ExtendWith(FxToolkit.class)
class PinnedIntranetTest {

    private static Worker.State load(Session session, String url) {
        WebView view = Pages.attached(session);
        return loadAndWait(view.getEngine(), () -> view.getEngine().load(url));
    }

    @Test
    void pinnedFingerprintLoadsAndAnyOtherFails() throws Exception {
        HeldCertificate selfSigned = new HeldCertificate.Builder().commonName("intranet")
                .addSubjectAlternativeName("localhost").build();
        String fingerprint = "sha256/" + Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(selfSigned.certificate().getEncoded()));
        try (MockWebServer server = new MockWebServer()) {
            server.useHttps(new HandshakeCertificates.Builder().heldCertificate(selfSigned).build().sslSocketFactory());
            server.setDispatcher(new mockwebserver3.Dispatcher() {
                @Override
                public mockwebserver3.MockResponse dispatch(mockwebserver3.RecordedRequest request) {
                    return TestServer.ok("text/html", "<html><body>intranet</body></html>");
                }
            });
            server.start(InetAddress.getByName("127.0.0.1"), 0);
            String url = server.url("/").toString();

            assertThat(load(PinnedIntranet.configure("sample-pinned", "localhost", fingerprint), url))
                    .isEqualTo(Worker.State.SUCCEEDED);
            assertThat(load(PinnedIntranet.configure("sample-other-pin", "localhost", "sha256/AAAA"), url))
                    .isEqualTo(Worker.State.FAILED);
        }
    }
}
