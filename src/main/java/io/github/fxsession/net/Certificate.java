package io.github.fxsession.net;

import java.time.Instant;
import java.util.Objects;

/**
 * An X.509 certificate as Electron describes it (its {@code Certificate} structure), with the rest of
 * its chain reachable through {@link #issuerCert()}.
 *
 * <pre>{@code
 * session.setCertificateVerifyProc((request, callback) ->
 *         callback.accept(request.certificate().fingerprint().equals(PINNED) ? 0 : -3));
 * }</pre>
 *
 * <p>Electron equivalent: {@code Certificate}. Its {@code issuer} and {@code subject} principals are
 * represented by their display names only.
 *
 * <p>Threading: immutable; any thread.
 *
 * @param data the certificate in PEM form
 * @param issuerName the issuer's display name (its common name, else organization, else organizational unit)
 * @param subjectName the subject's display name (same rule)
 * @param serialNumber the serial number as upper-case hexadecimal of its DER bytes, as Chromium reports it
 * @param validStart the start of the validity period
 * @param validExpiry the end of the validity period
 * @param fingerprint {@code "sha256/"} followed by the Base64 SHA-256 of the DER encoding, as Electron reports it
 * @param issuerCert the next certificate of the chain as the server sent it, or {@code null} for the last one
 * @since 0.2
 */
public record Certificate(String data, String issuerName, String subjectName, String serialNumber,
                          Instant validStart, Instant validExpiry, String fingerprint, Certificate issuerCert) {

    /** Checks the components (see the class description). */
    public Certificate {
        Objects.requireNonNull(data, "data == null");
        Objects.requireNonNull(issuerName, "issuerName == null");
        Objects.requireNonNull(subjectName, "subjectName == null");
        Objects.requireNonNull(serialNumber, "serialNumber == null");
        Objects.requireNonNull(validStart, "validStart == null");
        Objects.requireNonNull(validExpiry, "validExpiry == null");
        Objects.requireNonNull(fingerprint, "fingerprint == null");
    }
}
