package io.github.fxsession.net;

import static io.github.fxsession.testing.FxToolkit.loadAndWait;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.fxsession.Session;
import io.github.fxsession.testing.FxToolkit;
import io.github.fxsession.testing.Pages;
import io.github.fxsession.testing.TestServer;
import java.net.InetAddress;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.concurrent.Worker;
import javafx.scene.web.WebView;
import mockwebserver3.MockWebServer;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** A partition's certificate verify proc decides, with real TLS, which servers its pages may load from. */
@ExtendWith(FxToolkit.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CertificateVerifyProcTest {

    private final HeldCertificate root = new HeldCertificate.Builder().certificateAuthority(0)
            .commonName("fxsession untrusted root").build();
    private final HeldCertificate leaf = new HeldCertificate.Builder().commonName("untrusted leaf")
            .addSubjectAlternativeName("localhost").addSubjectAlternativeName("127.0.0.1").signedBy(root).build();
    private final MockWebServer untrusted = new MockWebServer();
    private final TestServer trusted = TestServer.startHttps();

    @BeforeAll
    void start() throws Exception {
        HandshakeCertificates server = new HandshakeCertificates.Builder()
                .heldCertificate(leaf, root.certificate()).build();
        untrusted.useHttps(server.sslSocketFactory());
        untrusted.setDispatcher(new mockwebserver3.Dispatcher() {
            @Override
            public mockwebserver3.MockResponse dispatch(mockwebserver3.RecordedRequest request) {
                return TestServer.ok("text/html", "<html><body>secret page</body></html>");
            }
        });
        untrusted.start(InetAddress.getByName("127.0.0.1"), 0);
        trusted.route("/ok.html", "text/html", "<html><body>trusted page</body></html>");
    }

    @AfterAll
    void stop() {
        untrusted.close();
        trusted.close();
    }

    private Worker.State load(Session session, String url) {
        WebView view = Pages.attached(session);
        return loadAndWait(view.getEngine(), () -> view.getEngine().load(url));
    }

    private String untrustedUrl() {
        return untrusted.url("/page.html").toString();
    }

    @Test
    void untrustedCertificateFailsWithoutAProc() {
        assertThat(load(Session.fromPartition("tls-no-proc"), untrustedUrl())).isEqualTo(Worker.State.FAILED);
    }

    @Test
    void pageLoadsWhenTheProcAcceptsAndTheProcSeesChromiumsResult() throws Exception {
        Session session = Session.fromPartition("tls-accept");
        List<CertificateVerifyRequest> asked = new CopyOnWriteArrayList<>();
        session.setCertificateVerifyProc((request, callback) -> {
            asked.add(request);
            callback.accept(CertificateVerifyProc.ACCEPT);
        });

        assertThat(load(session, untrustedUrl())).isEqualTo(Worker.State.SUCCEEDED);

        assertThat(asked).hasSize(1);
        CertificateVerifyRequest request = asked.get(0);
        assertThat(request.hostname()).isEqualTo("localhost");
        assertThat(request.verificationResult()).isEqualTo("net::ERR_CERT_AUTHORITY_INVALID");
        assertThat(request.errorCode()).isEqualTo(-202);
        Certificate certificate = request.certificate();
        assertThat(certificate.subjectName()).isEqualTo("untrusted leaf");
        assertThat(certificate.issuerName()).isEqualTo("fxsession untrusted root");
        assertThat(certificate.data()).startsWith("-----BEGIN CERTIFICATE-----\n").endsWith("-----END CERTIFICATE-----\n");
        assertThat(certificate.fingerprint()).isEqualTo("sha256/" + Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(leaf.certificate().getEncoded())));
        assertThat(certificate.serialNumber()).isEqualTo(
                java.util.HexFormat.of().withUpperCase().formatHex(leaf.certificate().getSerialNumber().toByteArray()));
        assertThat(certificate.validExpiry()).isEqualTo(leaf.certificate().getNotAfter().toInstant());
        assertThat(certificate.issuerCert().subjectName()).isEqualTo("fxsession untrusted root");
        assertThat(certificate.issuerCert().issuerCert()).isNull();
    }

    @Test
    void pageFailsWhenTheProcRejects() {
        Session session = Session.fromPartition("tls-reject");
        session.setCertificateVerifyProc((request, callback) -> callback.accept(CertificateVerifyProc.REJECT));
        assertThat(load(session, untrustedUrl())).isEqualTo(Worker.State.FAILED);
    }

    @Test
    void procMayAnswerLaterFromAnotherThread() {
        Session session = Session.fromPartition("tls-later");
        session.setCertificateVerifyProc((request, callback) -> javafx.application.Platform.runLater(
                () -> callback.accept(CertificateVerifyProc.ACCEPT)));
        assertThat(load(session, untrustedUrl())).isEqualTo(Worker.State.SUCCEEDED);
    }

    @Test
    void useDefaultAppliesTheJdksVerdict() {
        Session session = Session.fromPartition("tls-default");
        List<String> results = new CopyOnWriteArrayList<>();
        session.setCertificateVerifyProc((request, callback) -> {
            results.add(request.verificationResult() + " " + request.errorCode());
            callback.accept(CertificateVerifyProc.USE_DEFAULT);
        });
        assertThat(load(session, untrustedUrl())).isEqualTo(Worker.State.FAILED);
        assertThat(load(session, trusted.url("/ok.html"))).isEqualTo(Worker.State.SUCCEEDED);
        assertThat(results).containsExactly("net::ERR_CERT_AUTHORITY_INVALID -202", "net::OK 0");
    }

    @Test
    void procOnOnePartitionNeverAffectsAnother() {
        Session trusting = Session.fromPartition("tls-trusting");
        trusting.setCertificateVerifyProc((request, callback) -> callback.accept(CertificateVerifyProc.ACCEPT));
        assertThat(load(trusting, untrustedUrl())).isEqualTo(Worker.State.SUCCEEDED);
        assertThat(load(Session.fromPartition("tls-bystander"), untrustedUrl())).isEqualTo(Worker.State.FAILED);
    }

    @Test
    void nullProcRestoresTheDefaultVerification() {
        Session session = Session.fromPartition("tls-restore");
        session.setCertificateVerifyProc((request, callback) -> callback.accept(CertificateVerifyProc.ACCEPT));
        assertThat(load(session, untrustedUrl())).isEqualTo(Worker.State.SUCCEEDED);
        session.setCertificateVerifyProc(null);
        assertThat(load(session, untrustedUrl())).isEqualTo(Worker.State.FAILED);
    }
}
