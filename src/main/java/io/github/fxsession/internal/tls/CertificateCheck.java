package io.github.fxsession.internal.tls;

import io.github.fxsession.net.Certificate;
import io.github.fxsession.net.CertificateVerifyProc;
import io.github.fxsession.net.CertificateVerifyRequest;
import java.lang.System.Logger.Level;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import javafx.application.Platform;

/**
 * One installed certificate verify proc: the host name verifier of the partition's client while the
 * proc is set. It runs the default verification (the JDK's trust managers, OkHttp's host name rules) to
 * tell the proc Chromium's result, asks the proc, and caches its answer per host and certificate.
 *
 * <p>OkHttp calls the verifier after every TLS handshake (resumed ones too) and before any byte of the
 * request is written, so a certificate the proc rejects never carries data.
 *
 * <p>Threading: any thread; the decision cache is concurrent.
 */
final class CertificateCheck implements HostnameVerifier {

    private static final System.Logger LOG = System.getLogger(CertificateCheck.class.getName());

    private final CertificateVerifyProc proc;
    private final X509TrustManager defaultTrust;
    private final HostnameVerifier defaultHostnames;
    private final Map<String, CompletableFuture<Integer>> decisions = new ConcurrentHashMap<>();

    CertificateCheck(CertificateVerifyProc proc, X509TrustManager defaultTrust, HostnameVerifier defaultHostnames) {
        this.proc = Objects.requireNonNull(proc, "proc == null");
        this.defaultTrust = Objects.requireNonNull(defaultTrust, "defaultTrust == null");
        this.defaultHostnames = Objects.requireNonNull(defaultHostnames, "defaultHostnames == null");
    }

    /** The JVM's default trust manager (its trust store), as {@code TrustManagerFactory} gives it. */
    static X509TrustManager systemTrust() {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init((KeyStore) null);
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509TrustManager x509) {
                    return x509;
                }
            }
            throw new IllegalStateException("the JDK's default TrustManagerFactory has no X509TrustManager");
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the JDK's default trust managers", e);
        }
    }

    @Override
    public boolean verify(String host, SSLSession session) {
        X509Certificate[] chain;
        try {
            chain = java.util.Arrays.stream(session.getPeerCertificates())
                    .map(X509Certificate.class::cast).toArray(X509Certificate[]::new);
        } catch (SSLPeerUnverifiedException | ClassCastException e) {
            return false;
        }
        if (chain.length == 0) {
            return false;
        }
        String key = host + '|' + Certificates.fingerprint(chain[0]);
        Verdict verdict = null;
        CompletableFuture<Integer> mine = new CompletableFuture<>();
        CompletableFuture<Integer> decision = decisions.putIfAbsent(key, mine);
        if (decision == null) {
            // the first connection to this host and certificate asks; concurrent ones wait for its answer
            decision = mine;
            verdict = defaultVerdict(chain, authType(session), defaultHostnames.verify(host, session));
            Certificate certificate = Certificates.of(chain);
            ask(new CertificateVerifyRequest(host, certificate, certificate, verdict.chromiumName(), verdict.code()), mine);
        }
        Integer answer = await(decision, host);
        if (answer == null) {
            decisions.remove(key, decision);
            return false;
        }
        if (answer == CertificateVerifyProc.USE_DEFAULT) {
            if (verdict == null) {
                verdict = defaultVerdict(chain, authType(session), defaultHostnames.verify(host, session));
            }
            return accepted(verdict == Verdict.OK, host, "the default verification: " + verdict.chromiumName());
        }
        return accepted(answer == CertificateVerifyProc.ACCEPT, host, "the certificate verify proc: " + answer);
    }

    /** Logs a rejection with its reason: OkHttp's own message only says the host name was not verified. */
    private static boolean accepted(boolean accepted, String host, String decidedBy) {
        if (!accepted) {
            LOG.log(Level.INFO, "certificate of " + host + " rejected by " + decidedBy);
        }
        return accepted;
    }

    /** Chromium's result for {@code chain}: the default trust managers' judgement and the host name match. */
    Verdict defaultVerdict(X509Certificate[] chain, String authType, boolean hostnameMatches) {
        Throwable failure = null;
        try {
            defaultTrust.checkServerTrusted(chain, authType);
        } catch (CertificateException | IllegalArgumentException e) {
            failure = e;
        }
        return Verdict.of(failure, hostnameMatches);
    }

    /** Asks the proc; its answer completes {@code decision} (a proc that throws rejects). */
    private void ask(CertificateVerifyRequest request, CompletableFuture<Integer> decision) {
        try {
            proc.verify(request, decision::complete);
        } catch (RuntimeException | Error e) {
            LOG.log(Level.WARNING, "certificate verify proc threw for " + request.hostname() + "; certificate rejected", e);
            decision.complete(CertificateVerifyProc.REJECT);
        }
    }

    /** The proc's answer, or {@code null} when it did not answer in time. */
    private static Integer await(CompletableFuture<Integer> decision, String host) {
        if (Platform.isFxApplicationThread() && !decision.isDone()) {
            // A synchronous XHR runs on the FX thread: waiting there would freeze the UI (and deadlock a
            // proc that answers through Platform.runLater).
            LOG.log(Level.WARNING, "certificate verify proc did not answer at once for " + host
                    + " on the FX Application Thread (synchronous request); certificate rejected");
            return null;
        }
        try {
            return decision.get(CertificateVerifyProc.TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            LOG.log(Level.WARNING, "certificate verify proc did not answer within " + CertificateVerifyProc.TIMEOUT_SECONDS
                    + " s for " + host + "; connection refused");
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            return null;
        }
    }

    /** The key-exchange name the JDK's trust manager expects ({@code UNKNOWN} for TLS 1.3). */
    static String authType(SSLSession session) {
        String suite = session.getCipherSuite();
        if ("TLSv1.3".equals(session.getProtocol()) || suite == null || !suite.contains("_WITH_")) {
            return "UNKNOWN";
        }
        String exchange = suite.substring(suite.indexOf('_') + 1, suite.indexOf("_WITH_"));
        return exchange.isEmpty() ? "UNKNOWN" : exchange;
    }
}
