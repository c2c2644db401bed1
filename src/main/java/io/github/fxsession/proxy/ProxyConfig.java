package io.github.fxsession.proxy;

import io.github.fxsession.internal.proxy.BypassRules;
import io.github.fxsession.internal.proxy.PacSources;
import io.github.fxsession.internal.proxy.ProxyRules;
import java.util.Objects;
import java.util.Optional;

/**
 * The proxy settings of a partition: Electron's {@code config} object of {@code ses.setProxy(config)},
 * immutable and validated when built.
 *
 * <pre>{@code
 * ProxyConfig config = ProxyConfig.builder()
 *         .proxyRules("http=foopy:80;ftp=foopy2")
 *         .proxyBypassRules("*.internal.example,<local>")
 *         .build();
 * session.setProxy(config).join();
 * }</pre>
 *
 * <h2>Mode</h2>
 * When no {@linkplain Builder#mode(ProxyMode) mode} is given it follows from the other options as in
 * Electron: {@link ProxyMode#PAC_SCRIPT} when a {@code pacScript} is given (its {@code proxyRules} are
 * then ignored), else {@link ProxyMode#FIXED_SERVERS} when {@code proxyRules} are given, else
 * {@link ProxyMode#DIRECT}.
 *
 * <h2>Rules</h2>
 * {@code proxyRules} and {@code proxyBypassRules} follow Electron's grammar (see the README); a
 * malformed rule is rejected when the configuration is built, with a message quoting it. By default
 * {@code localhost}, loopback and link-local addresses never use a proxy, as in Chromium; add
 * {@code <-loopback>} to the bypass rules to proxy them too. Bypass rules apply in every mode.
 *
 * <h2>Credentials</h2>
 * Optional {@linkplain Builder#credentials(String, String) credentials} are offered to every proxy of
 * the configuration that asks for them (HTTP Basic or SOCKS5 username/password), before the session's
 * {@link ProxyLoginHandler} is asked. They never appear in {@link #toString()} or in logs.
 *
 * <h2>Threading</h2>
 * Any thread (immutable).
 *
 * @since 0.2
 */
public final class ProxyConfig {

    private static final ProxyConfig DIRECT = builder().mode(ProxyMode.DIRECT).build();

    private final ProxyMode mode;
    private final String pacScript;
    private final String proxyRules;
    private final String proxyBypassRules;
    private final ProxyCredentials credentials;

    private ProxyConfig(Builder builder, ProxyMode mode) {
        this.mode = mode;
        this.pacScript = builder.pacScript;
        this.proxyRules = builder.proxyRules;
        this.proxyBypassRules = builder.proxyBypassRules;
        this.credentials = builder.credentials;
    }

    /**
     * A new, empty builder.
     *
     * @return a builder with no mode, no PAC script and no rules
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A configuration in {@link ProxyMode#DIRECT} mode: no proxy.
     *
     * @return the direct configuration
     */
    public static ProxyConfig direct() {
        return DIRECT;
    }

    /**
     * The effective mode.
     *
     * @return the mode given, or the one derived from the other options
     */
    public ProxyMode mode() {
        return mode;
    }

    /**
     * The PAC script's URL.
     *
     * @return an http, https, file or data URL, or {@code null}
     */
    public String pacScript() {
        return pacScript;
    }

    /**
     * The proxy rules.
     *
     * @return the rules as given, {@code ""} if none
     */
    public String proxyRules() {
        return proxyRules;
    }

    /**
     * The bypass rules.
     *
     * @return the rules as given, {@code ""} if none
     */
    public String proxyBypassRules() {
        return proxyBypassRules;
    }

    /**
     * The credentials offered to the proxies.
     *
     * @return the credentials, or empty
     */
    public Optional<ProxyCredentials> credentials() {
        return Optional.ofNullable(credentials);
    }

    /**
     * A builder holding this configuration's values.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.mode = mode;
        builder.pacScript = pacScript;
        builder.proxyRules = proxyRules;
        builder.proxyBypassRules = proxyBypassRules;
        builder.credentials = credentials;
        return builder;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ProxyConfig that && mode == that.mode && Objects.equals(pacScript, that.pacScript)
                && proxyRules.equals(that.proxyRules) && proxyBypassRules.equals(that.proxyBypassRules)
                && Objects.equals(credentials, that.credentials);
    }

    @Override
    public int hashCode() {
        return Objects.hash(mode, pacScript, proxyRules, proxyBypassRules, credentials);
    }

    /** The settings, with the user name but never the password. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("ProxyConfig[mode=").append(mode.electronName());
        if (pacScript != null) {
            text.append(", pacScript=").append(pacScript.startsWith("data:") ? "data:..." : pacScript);
        }
        if (!proxyRules.isEmpty()) {
            text.append(", proxyRules=").append(proxyRules);
        }
        if (!proxyBypassRules.isEmpty()) {
            text.append(", proxyBypassRules=").append(proxyBypassRules);
        }
        if (credentials != null) {
            text.append(", credentials=").append(credentials.username()).append(":***");
        }
        return text.append(']').toString();
    }

    /**
     * Builds a {@link ProxyConfig}; {@link #build()} validates everything.
     *
     * <p>Threading: confined to the thread using it.
     *
     * @since 0.2
     */
    public static final class Builder {

        private ProxyMode mode;
        private String pacScript;
        private String proxyRules = "";
        private String proxyBypassRules = "";
        private ProxyCredentials credentials;

        private Builder() {
        }

        /**
         * The mode.
         *
         * @param mode the mode, or {@code null} to let it follow from the other options
         * @return this builder
         */
        public Builder mode(ProxyMode mode) {
            this.mode = mode;
            return this;
        }

        /**
         * The mode by Electron's name ({@code "direct"}, {@code "auto_detect"}, {@code "pac_script"},
         * {@code "fixed_servers"}, {@code "system"}); {@code null} lets it follow from the other options.
         *
         * @param mode Electron's name of the mode, or {@code null}
         * @return this builder
         * @throws IllegalArgumentException {@code "Invalid mode: '<mode>'"} for any other name
         */
        public Builder mode(String mode) {
            this.mode = mode == null ? null : ProxyMode.fromElectronName(mode);
            return this;
        }

        /**
         * The PAC script's URL.
         *
         * @param url an {@code http:}, {@code https:}, {@code file:} or {@code data:} URL, or {@code null}
         * @return this builder
         */
        public Builder pacScript(String url) {
            this.pacScript = url;
            return this;
        }

        /**
         * The proxy rules.
         *
         * @param rules rules such as {@code "http=foopy:80;ftp=foopy2"}; null means none
         * @return this builder
         */
        public Builder proxyRules(String rules) {
            this.proxyRules = rules == null ? "" : rules;
            return this;
        }

        /**
         * The bypass rules.
         *
         * @param rules rules such as {@code "*.example.com,<local>"}; null means none
         * @return this builder
         */
        public Builder proxyBypassRules(String rules) {
            this.proxyBypassRules = rules == null ? "" : rules;
            return this;
        }

        /**
         * Credentials offered to the proxies.
         *
         * @param credentials the credentials, or {@code null} for none
         * @return this builder
         */
        public Builder credentials(ProxyCredentials credentials) {
            this.credentials = credentials;
            return this;
        }

        /**
         * Credentials offered to the proxies.
         *
         * @param username the user name
         * @param password the password
         * @return this builder
         */
        public Builder credentials(String username, String password) {
            return credentials(new ProxyCredentials(username, password));
        }

        /**
         * The configuration.
         *
         * @return the validated configuration
         * @throws IllegalArgumentException quoting the first malformed proxy rule, bypass rule or PAC URL
         * @throws IllegalStateException if the mode is {@code pac_script} and no {@code pacScript} is given
         */
        public ProxyConfig build() {
            ProxyRules.parse(proxyRules);
            BypassRules.parse(proxyBypassRules);
            if (pacScript != null) {
                PacSources.requireSupported(pacScript);
            }
            ProxyMode effective = mode;
            if (effective == null) {
                effective = pacScript != null ? ProxyMode.PAC_SCRIPT
                        : !proxyRules.isBlank() ? ProxyMode.FIXED_SERVERS : ProxyMode.DIRECT;
            }
            if (effective == ProxyMode.PAC_SCRIPT && pacScript == null) {
                throw new IllegalStateException("mode pac_script needs a pacScript URL");
            }
            return new ProxyConfig(this, effective);
        }
    }
}
