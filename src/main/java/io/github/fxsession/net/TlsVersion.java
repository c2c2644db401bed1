package io.github.fxsession.net;

import java.util.Objects;

/**
 * A TLS protocol version, carrying Electron's name for it ({@code "tls1.2"}).
 *
 * <p>Electron equivalent: the strings of {@code minVersion} / {@code maxVersion} in {@code ses.setSSLConfig}.
 *
 * <p>Threading: immutable; any thread.
 *
 * @since 0.2
 */
public enum TlsVersion {
    /** TLS 1.0 ({@code "tls1"}). */
    TLS1("tls1", "TLSv1"),
    /** TLS 1.1 ({@code "tls1.1"}). */
    TLS1_1("tls1.1", "TLSv1.1"),
    /** TLS 1.2 ({@code "tls1.2"}). */
    TLS1_2("tls1.2", "TLSv1.2"),
    /** TLS 1.3 ({@code "tls1.3"}). */
    TLS1_3("tls1.3", "TLSv1.3");

    private final String electronName;
    private final String javaName;

    TlsVersion(String electronName, String javaName) {
        this.electronName = electronName;
        this.javaName = javaName;
    }

    /**
     * Electron's name: {@code tls1}, {@code tls1.1}, {@code tls1.2} or {@code tls1.3}.
     *
     * @return Electron's name
     */
    public String electronName() {
        return electronName;
    }

    /**
     * The JDK's protocol name ({@code TLSv1.2}).
     *
     * @return the JDK's name
     */
    public String javaName() {
        return javaName;
    }

    /**
     * The version Electron calls {@code name}.
     *
     * @param name Electron's name
     * @return the version
     * @throws IllegalArgumentException if {@code name} is not one of Electron's names
     */
    public static TlsVersion fromElectronName(String name) {
        Objects.requireNonNull(name, "name == null");
        for (TlsVersion version : values()) {
            if (version.electronName.equals(name)) {
                return version;
            }
        }
        throw new IllegalArgumentException("unknown TLS version '" + name + "' (expected tls1, tls1.1, tls1.2 or tls1.3)");
    }
}
