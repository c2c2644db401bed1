package io.github.fxsession.net;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * The TLS settings of a partition: the range of protocol versions it allows and the cipher suites it
 * never offers. Validated when built.
 *
 * <pre>{@code
 * session.setSSLConfig(SSLConfig.builder()
 *         .minVersion("tls1.2")
 *         .disabledCipherSuites(0xC02F, 0xC030)
 *         .build());
 * }</pre>
 *
 * <p>The suites offered are the JDK's enabled ones minus {@code disabledCipherSuites}; unlike Chromium,
 * TLS 1.3 suites (0x1301 to 0x1305) can be disabled too. Numbers that are well formed but name no suite
 * the JDK knows are accepted and change nothing, as in Electron. TLS 1.0 and 1.1 are also disabled
 * JVM-wide by the JDK's {@code jdk.tls.disabledAlgorithms} security property: allowing them here has no
 * effect unless the application re-enables them there.
 *
 * <p>Electron equivalent: the {@code config} of {@code ses.setSSLConfig(config)}.
 *
 * <p>Threading: immutable; any thread.
 *
 * @param minVersion the lowest version allowed ({@code tls1} by default)
 * @param maxVersion the highest version allowed: {@code tls1.2} or {@code tls1.3} (the default)
 * @param disabledCipherSuites cipher suites as Chromium's uint16 numbers ({@code 0xAABB}, RFC 2246 7.4.1.2)
 * @since 0.2
 */
public record SSLConfig(TlsVersion minVersion, TlsVersion maxVersion, Set<Integer> disabledCipherSuites) {

    /** Electron's defaults: TLS 1.0 to 1.3, no suite disabled. */
    public static final SSLConfig DEFAULT = new SSLConfig(TlsVersion.TLS1, TlsVersion.TLS1_3, Set.of());

    /**
     * Checks and copies the components.
     *
     * @throws IllegalArgumentException if {@code maxVersion} is below TLS 1.2, {@code minVersion} is above
     *     {@code maxVersion}, or a cipher suite number is outside 0x0000..0xFFFF
     */
    public SSLConfig {
        Objects.requireNonNull(minVersion, "minVersion == null");
        Objects.requireNonNull(maxVersion, "maxVersion == null");
        Objects.requireNonNull(disabledCipherSuites, "disabledCipherSuites == null");
        if (maxVersion.compareTo(TlsVersion.TLS1_2) < 0) {
            throw new IllegalArgumentException("maxVersion must be tls1.2 or tls1.3: '" + maxVersion.electronName() + "'");
        }
        if (minVersion.compareTo(maxVersion) > 0) {
            throw new IllegalArgumentException("minVersion '" + minVersion.electronName()
                    + "' is above maxVersion '" + maxVersion.electronName() + "'");
        }
        for (Integer suite : disabledCipherSuites) {
            if (suite == null || suite < 0 || suite > 0xFFFF) {
                throw new IllegalArgumentException("disabledCipherSuites: not a cipher suite number (0x0000 to 0xFFFF): "
                        + (suite == null ? "null" : suite + " (0x" + Integer.toHexString(suite).toUpperCase(java.util.Locale.ROOT) + ")"));
            }
        }
        disabledCipherSuites = Set.copyOf(disabledCipherSuites);
    }

    /**
     * A builder starting from Electron's defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds an {@link SSLConfig} from Electron's option names and values.
     *
     * <p>Threading: not thread-safe; use from one thread.
     *
     * @since 0.2
     */
    public static final class Builder {
        private TlsVersion minVersion = TlsVersion.TLS1;
        private TlsVersion maxVersion = TlsVersion.TLS1_3;
        private final Set<Integer> disabled = new LinkedHashSet<>();

        private Builder() {
        }

        /**
         * Electron's {@code minVersion}: {@code tls1}, {@code tls1.1}, {@code tls1.2} or {@code tls1.3}.
         *
         * @param version Electron's name of the version
         * @return this builder
         * @throws IllegalArgumentException for any other value, quoting it
         */
        public Builder minVersion(String version) {
            return minVersion(parse("minVersion", version));
        }

        /**
         * Electron's {@code minVersion} as an enum constant.
         *
         * @param version the lowest version allowed
         * @return this builder
         */
        public Builder minVersion(TlsVersion version) {
            minVersion = Objects.requireNonNull(version, "minVersion == null");
            return this;
        }

        /**
         * Electron's {@code maxVersion}: {@code tls1.2} or {@code tls1.3}.
         *
         * @param version Electron's name of the version
         * @return this builder
         * @throws IllegalArgumentException for an unknown value, quoting it
         */
        public Builder maxVersion(String version) {
            return maxVersion(parse("maxVersion", version));
        }

        /**
         * Electron's {@code maxVersion} as an enum constant.
         *
         * @param version the highest version allowed ({@code TLS1_2} or {@code TLS1_3})
         * @return this builder
         */
        public Builder maxVersion(TlsVersion version) {
            maxVersion = Objects.requireNonNull(version, "maxVersion == null");
            return this;
        }

        /**
         * Adds cipher suites never to offer, as uint16 numbers ({@code 0xC02F}).
         *
         * @param suites the suites' numbers, each within 0x0000..0xFFFF
         * @return this builder
         */
        public Builder disabledCipherSuites(int... suites) {
            Objects.requireNonNull(suites, "disabledCipherSuites == null");
            for (int suite : suites) {
                disabled.add(suite);
            }
            return this;
        }

        /**
         * Adds cipher suites never to offer, as uint16 numbers.
         *
         * @param suites the suites' numbers, each within 0x0000..0xFFFF
         * @return this builder
         */
        public Builder disabledCipherSuites(Collection<Integer> suites) {
            Objects.requireNonNull(suites, "disabledCipherSuites == null");
            disabled.addAll(suites);
            return this;
        }

        /**
         * Builds the configuration.
         *
         * @return the configuration
         * @throws IllegalArgumentException if the values are inconsistent (see {@link SSLConfig#SSLConfig})
         */
        public SSLConfig build() {
            return new SSLConfig(minVersion, maxVersion, new LinkedHashSet<>(disabled));
        }

        private static TlsVersion parse(String parameter, String value) {
            Objects.requireNonNull(value, parameter + " == null");
            try {
                return TlsVersion.fromElectronName(value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(parameter + ": " + e.getMessage(), e);
            }
        }
    }
}
