package io.github.fxsession.internal.tls;

import io.github.fxsession.net.Certificate;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;

/** Converts JDK certificates to Electron's {@link Certificate} structure. */
public final class Certificates {

    private Certificates() {
    }

    /** {@code chain[0]} with the rest of {@code chain} behind its {@code issuerCert}. */
    public static Certificate of(X509Certificate[] chain) {
        Certificate issuer = null;
        for (int i = chain.length - 1; i >= 0; i--) {
            issuer = of(chain[i], issuer);
        }
        return issuer;
    }

    static Certificate of(X509Certificate certificate, Certificate issuerCert) {
        byte[] der = der(certificate);
        String pem = "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END CERTIFICATE-----\n";
        return new Certificate(pem, displayName(certificate.getIssuerX500Principal()),
                displayName(certificate.getSubjectX500Principal()),
                HexFormat.of().withUpperCase().formatHex(certificate.getSerialNumber().toByteArray()),
                certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant(),
                fingerprint(der), issuerCert);
    }

    /** Electron's fingerprint: {@code sha256/} and the Base64 SHA-256 of the DER encoding. */
    public static String fingerprint(X509Certificate certificate) {
        return fingerprint(der(certificate));
    }

    private static String fingerprint(byte[] der) {
        try {
            return "sha256/" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(der));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    private static byte[] der(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("certificate cannot be encoded: " + certificate.getSubjectX500Principal(), e);
        }
    }

    /** Chromium's display name of a principal: its common name, else organization, else organizational unit. */
    static String displayName(X500Principal principal) {
        List<Rdn> rdns;
        try {
            rdns = new LdapName(principal.getName(X500Principal.RFC2253)).getRdns();
        } catch (InvalidNameException e) {
            return principal.getName();
        }
        for (String type : List.of("CN", "O", "OU")) {
            for (int i = rdns.size() - 1; i >= 0; i--) {
                if (rdns.get(i).getType().equalsIgnoreCase(type)) {
                    return String.valueOf(rdns.get(i).getValue());
                }
            }
        }
        return "";
    }
}
