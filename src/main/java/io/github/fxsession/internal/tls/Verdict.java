package io.github.fxsession.internal.tls;

import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;

/** The default verification's result under Chromium's names and codes ({@code net/base/net_error_list.h}). */
public enum Verdict {
    OK("net::OK", 0),
    COMMON_NAME_INVALID("net::ERR_CERT_COMMON_NAME_INVALID", -200),
    DATE_INVALID("net::ERR_CERT_DATE_INVALID", -201),
    AUTHORITY_INVALID("net::ERR_CERT_AUTHORITY_INVALID", -202),
    REVOKED("net::ERR_CERT_REVOKED", -206),
    INVALID("net::ERR_CERT_INVALID", -207);

    private final String chromiumName;
    private final int code;

    Verdict(String chromiumName, int code) {
        this.chromiumName = chromiumName;
        this.code = code;
    }

    public String chromiumName() {
        return chromiumName;
    }

    public int code() {
        return code;
    }

    /**
     * What the JDK's trust manager threw, as Chromium would name it.
     *
     * @param failure the exception of {@code checkServerTrusted}, or {@code null} when the chain is trusted
     * @param hostnameMatches whether the leaf certificate names the host
     */
    static Verdict of(Throwable failure, boolean hostnameMatches) {
        if (failure == null) {
            return hostnameMatches ? OK : COMMON_NAME_INVALID;
        }
        // Chromium reports the most serious error: revoked, authority, name, then date.
        Verdict trust = classify(failure);
        if (trust == DATE_INVALID && !hostnameMatches) {
            return COMMON_NAME_INVALID;
        }
        return trust;
    }

    private static Verdict classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CertificateExpiredException || t instanceof CertificateNotYetValidException) {
                return DATE_INVALID;
            }
            if (t instanceof CertPathValidatorException validator) {
                CertPathValidatorException.Reason reason = validator.getReason();
                if (reason == CertPathValidatorException.BasicReason.EXPIRED
                        || reason == CertPathValidatorException.BasicReason.NOT_YET_VALID) {
                    return DATE_INVALID;
                }
                if (reason == CertPathValidatorException.BasicReason.REVOKED) {
                    return REVOKED;
                }
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CertPathBuilderException) {
                return AUTHORITY_INVALID;
            }
            if (t instanceof CertPathValidatorException validator
                    && validator.getReason() == java.security.cert.PKIXReason.NO_TRUST_ANCHOR) {
                return AUTHORITY_INVALID;
            }
        }
        return INVALID;
    }
}
