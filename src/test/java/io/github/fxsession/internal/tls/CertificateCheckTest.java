package io.github.fxsession.internal.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.fxsession.Session;
import io.github.fxsession.internal.session.SessionCore;
import io.github.fxsession.internal.session.SessionRegistry;
import io.github.fxsession.net.CertificateVerifyProc;
import io.github.fxsession.testing.TestServer;
import java.net.InetAddress;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.Dns;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;

/** The default verification's result under Chromium's names, and the decision cache. */
class CertificateCheckTest {

    private final HeldCertificate root = new HeldCertificate.Builder().certificateAuthority(0).commonName("check root").build();
    private final CertificateCheck check = new CertificateCheck((r, c) -> c.accept(0),
            new HandshakeCertificates.Builder().addTrustedCertificate(root.certificate()).build().trustManager(),
            new OkHttpClient().hostnameVerifier());

    private HeldCertificate.Builder leaf() {
        return new HeldCertificate.Builder().commonName("check leaf").addSubjectAlternativeName("localhost").signedBy(root);
    }

    private Verdict verdict(HeldCertificate leaf, boolean hostnameMatches) {
        return check.defaultVerdict(new X509Certificate[] {leaf.certificate(), root.certificate()}, "UNKNOWN", hostnameMatches);
    }

    @Test
    void trustedCertificateForTheHostIsOk() {
        assertThat(verdict(leaf().build(), true)).isEqualTo(Verdict.OK);
    }

    @Test
    void expiredCertificateIsDateInvalid() {
        long hourAgo = Instant.now().minusSeconds(3600).toEpochMilli();
        HeldCertificate expired = leaf().validityInterval(hourAgo - 3_600_000, hourAgo).build();
        assertThat(verdict(expired, true)).isEqualTo(Verdict.DATE_INVALID);
        assertThat(Verdict.DATE_INVALID.chromiumName()).isEqualTo("net::ERR_CERT_DATE_INVALID");
        assertThat(Verdict.DATE_INVALID.code()).isEqualTo(-201);
    }

    @Test
    void trustedCertificateForAnotherHostIsCommonNameInvalid() {
        assertThat(verdict(leaf().build(), false)).isEqualTo(Verdict.COMMON_NAME_INVALID);
    }

    @Test
    void certificateOfAnUnknownIssuerIsAuthorityInvalid() {
        HeldCertificate stranger = new HeldCertificate.Builder().commonName("stranger").build();
        assertThat(check.defaultVerdict(new X509Certificate[] {stranger.certificate()}, "UNKNOWN", true))
                .isEqualTo(Verdict.AUTHORITY_INVALID);
    }

    @Test
    void trustedServerReachedUnderAnotherNameIsCommonNameInvalidAndTheAnswerIsCachedPerHostAndCertificate() throws Exception {
        Session session = Session.fromPartition("tls-cn-cache");
        SessionCore core = SessionRegistry.get("tls-cn-cache", null, c -> null);
        core.hostResolver().setDelegate(host -> List.of(InetAddress.getByName("127.0.0.1")));
        List<String> asked = new CopyOnWriteArrayList<>();
        session.setCertificateVerifyProc((request, callback) -> {
            asked.add(request.hostname() + " " + request.verificationResult() + " " + request.errorCode());
            callback.accept(CertificateVerifyProc.ACCEPT);
        });
        try (MockWebServer server = new MockWebServer()) {
            server.useHttps(TestServer.tlsContext().getSocketFactory());
            for (int i = 0; i < 2; i++) {
                server.enqueue(new MockResponse.Builder().setHeader("Connection", "close").body("hi").build());
            }
            server.start(InetAddress.getByName("127.0.0.1"), 0);
            for (int i = 0; i < 2; i++) {
                Request request = new Request.Builder().url("https://other-name.test:" + server.getPort() + "/").build();
                try (Response response = core.client().newCall(request).execute()) {
                    assertThat(response.body().string()).isEqualTo("hi");
                }
                core.client().connectionPool().evictAll();
            }
            assertThat(server.takeRequest(5, TimeUnit.SECONDS).getExchangeIndex()).isZero();
            assertThat(server.takeRequest(5, TimeUnit.SECONDS).getExchangeIndex()).as("a second connection").isZero();
        }
        assertThat(asked).containsExactly("other-name.test net::ERR_CERT_COMMON_NAME_INVALID -200");
    }

    @Test
    void concurrentConnectionsToOneHostAskTheProcOnce() throws Exception {
        Session session = Session.fromPartition("tls-concurrent");
        SessionCore core = SessionRegistry.get("tls-concurrent", null, c -> null);
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        session.setCertificateVerifyProc((request, callback) -> {
            asked.incrementAndGet();
            java.util.concurrent.CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS)
                    .execute(() -> callback.accept(CertificateVerifyProc.ACCEPT));
        });
        try (MockWebServer server = new MockWebServer()) {
            server.useHttps(TestServer.tlsContext().getSocketFactory());
            server.setProtocols(List.of(okhttp3.Protocol.HTTP_1_1)); // no multiplexing: one connection per call
            server.setDispatcher(new mockwebserver3.Dispatcher() {
                @Override
                public MockResponse dispatch(mockwebserver3.RecordedRequest request) throws InterruptedException {
                    Thread.sleep(200); // keeps each connection busy, so the calls need four connections
                    return new MockResponse.Builder().body("ok").build();
                }
            });
            server.start(InetAddress.getByName("127.0.0.1"), 0);
            List<java.util.concurrent.CompletableFuture<String>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Request request = new Request.Builder().url(server.url("/" + i)).build();
                calls.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    try (Response response = core.client().newCall(request).execute()) {
                        return response.body().string();
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }));
            }
            for (java.util.concurrent.CompletableFuture<String> call : calls) {
                assertThat(call.get(20, TimeUnit.SECONDS)).isEqualTo("ok");
            }
            assertThat(server.getRequestCount()).isEqualTo(4);
        }
        assertThat(asked).hasValue(1);
    }
}
