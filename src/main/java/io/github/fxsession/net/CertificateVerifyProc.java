package io.github.fxsession.net;

import java.util.function.IntConsumer;

/**
 * Decides whether a partition trusts a server certificate; set it with
 * {@link io.github.fxsession.Session#setCertificateVerifyProc(CertificateVerifyProc)}.
 *
 * <pre>{@code
 * session.setCertificateVerifyProc((request, callback) -> {
 *     if (request.hostname().equals("intranet.example")) {
 *         callback.accept(CertificateVerifyProc.ACCEPT);
 *     } else {
 *         callback.accept(CertificateVerifyProc.USE_DEFAULT);
 *     }
 * });
 * }</pre>
 *
 * <p>The proc is asked once per new TLS connection whose host and certificate it has not decided yet;
 * its answer is cached per host and certificate until the proc is replaced. It answers through
 * {@code callback}, at once or later from any thread: {@link #ACCEPT} accepts the certificate,
 * {@link #USE_DEFAULT} applies the default verification's result, anything else (such as
 * {@link #REJECT} or a Chromium certificate error code) rejects it. The connection waits at most
 * {@link #TIMEOUT_SECONDS} seconds for the answer, then fails; later answers and second answers are
 * ignored. A proc that throws rejects the certificate.
 *
 * <p>Electron equivalent: the {@code proc} of {@code ses.setCertificateVerifyProc(proc)}.
 *
 * <p>Threading: called on a network thread (never the FX Application Thread's event processing for
 * asynchronous loads); must be thread-safe and must not touch the scene graph (hop with
 * {@code Platform.runLater} and answer from there).
 *
 * @since 0.2
 */
@FunctionalInterface
public interface CertificateVerifyProc {

    /** Accepts the certificate. */
    int ACCEPT = 0;
    /** Rejects the certificate. */
    int REJECT = -2;
    /** Applies the result of the default verification. */
    int USE_DEFAULT = -3;
    /** How long a connection waits for the callback before it fails. */
    int TIMEOUT_SECONDS = 30;

    /**
     * Decides about {@code request}.
     *
     * @param request the host, its certificate and the default verification's result
     * @param callback receives the decision; call it once
     */
    void verify(CertificateVerifyRequest request, IntConsumer callback);
}
