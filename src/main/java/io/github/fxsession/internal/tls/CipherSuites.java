package io.github.fxsession.internal.tls;

import java.util.Map;

/**
 * The IANA numbers of the cipher suites the JDK implements (Chromium's uint16 form, {@code 0xAABB}),
 * to apply Electron's {@code disabledCipherSuites} to the JDK's suite names.
 */
final class CipherSuites {

    private static final Map<String, Integer> CODES = Map.ofEntries(
            Map.entry("TLS_AES_128_GCM_SHA256", 0x1301),
            Map.entry("TLS_AES_256_GCM_SHA384", 0x1302),
            Map.entry("TLS_CHACHA20_POLY1305_SHA256", 0x1303),
            Map.entry("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", 0xC02B),
            Map.entry("TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", 0xC02C),
            Map.entry("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", 0xC02F),
            Map.entry("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", 0xC030),
            Map.entry("TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256", 0xCCA8),
            Map.entry("TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", 0xCCA9),
            Map.entry("TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256", 0xCCAA),
            Map.entry("TLS_DHE_RSA_WITH_AES_128_GCM_SHA256", 0x009E),
            Map.entry("TLS_DHE_RSA_WITH_AES_256_GCM_SHA384", 0x009F),
            Map.entry("TLS_DHE_DSS_WITH_AES_128_GCM_SHA256", 0x00A2),
            Map.entry("TLS_DHE_DSS_WITH_AES_256_GCM_SHA384", 0x00A3),
            Map.entry("TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256", 0xC023),
            Map.entry("TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384", 0xC024),
            Map.entry("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256", 0xC027),
            Map.entry("TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384", 0xC028),
            Map.entry("TLS_DHE_RSA_WITH_AES_128_CBC_SHA256", 0x0067),
            Map.entry("TLS_DHE_RSA_WITH_AES_256_CBC_SHA256", 0x006B),
            Map.entry("TLS_DHE_DSS_WITH_AES_128_CBC_SHA256", 0x0040),
            Map.entry("TLS_DHE_DSS_WITH_AES_256_CBC_SHA256", 0x006A),
            Map.entry("TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA", 0xC009),
            Map.entry("TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA", 0xC00A),
            Map.entry("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA", 0xC013),
            Map.entry("TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA", 0xC014),
            Map.entry("TLS_DHE_RSA_WITH_AES_128_CBC_SHA", 0x0033),
            Map.entry("TLS_DHE_RSA_WITH_AES_256_CBC_SHA", 0x0039),
            Map.entry("TLS_DHE_DSS_WITH_AES_128_CBC_SHA", 0x0032),
            Map.entry("TLS_DHE_DSS_WITH_AES_256_CBC_SHA", 0x0038),
            Map.entry("TLS_RSA_WITH_AES_128_GCM_SHA256", 0x009C),
            Map.entry("TLS_RSA_WITH_AES_256_GCM_SHA384", 0x009D),
            Map.entry("TLS_RSA_WITH_AES_128_CBC_SHA256", 0x003C),
            Map.entry("TLS_RSA_WITH_AES_256_CBC_SHA256", 0x003D),
            Map.entry("TLS_RSA_WITH_AES_128_CBC_SHA", 0x002F),
            Map.entry("TLS_RSA_WITH_AES_256_CBC_SHA", 0x0035),
            Map.entry("TLS_EMPTY_RENEGOTIATION_INFO_SCSV", 0x00FF));

    private CipherSuites() {
    }

    /** The number of the suite the JDK calls {@code javaName}, or -1 when it is not in the table. */
    static int code(String javaName) {
        return CODES.getOrDefault(javaName, -1);
    }
}
