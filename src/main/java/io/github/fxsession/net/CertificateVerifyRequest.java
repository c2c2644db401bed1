package io.github.fxsession.net;

import java.util.Objects;

/**
 * What a {@link CertificateVerifyProc} is asked about: a server's certificate and what the default
 * verification (the JDK's trust store and OkHttp's host name rules) concluded.
 *
 * <p>Electron equivalent: the {@code request} object of {@code ses.setCertificateVerifyProc(proc)}.
 *
 * <p>Threading: immutable; any thread.
 *
 * @param hostname the host the connection was made to
 * @param certificate the server's certificate, with the chain it sent behind {@link Certificate#issuerCert()}
 * @param validatedCertificate the chain the verification worked on; the JDK does not expose the path it
 *     builds, so this is the chain as the server sent it
 * @param verificationResult Chromium's name of the result: {@code "net::OK"},
 *     {@code "net::ERR_CERT_AUTHORITY_INVALID"}, {@code "net::ERR_CERT_COMMON_NAME_INVALID"},
 *     {@code "net::ERR_CERT_DATE_INVALID"}, {@code "net::ERR_CERT_REVOKED"} or {@code "net::ERR_CERT_INVALID"}
 * @param errorCode Chromium's code of the result: 0, -202, -200, -201, -206 or -207
 * @since 0.2
 */
public record CertificateVerifyRequest(String hostname, Certificate certificate, Certificate validatedCertificate,
                                       String verificationResult, int errorCode) {

    /** Checks the components (see the class description). */
    public CertificateVerifyRequest {
        Objects.requireNonNull(hostname, "hostname == null");
        Objects.requireNonNull(certificate, "certificate == null");
        Objects.requireNonNull(validatedCertificate, "validatedCertificate == null");
        Objects.requireNonNull(verificationResult, "verificationResult == null");
    }
}
