package io.github.fxsession.proxy;

import java.util.Objects;

/**
 * How a partition chooses its proxies: Electron's {@code config.mode} strings.
 *
 * <pre>{@code
 * ProxyMode mode = ProxyMode.fromElectronName("fixed_servers");   // FIXED_SERVERS
 * }</pre>
 *
 * <p>Electron equivalent: the {@code mode} of {@code ses.setProxy(config)}.
 *
 * <p>Threading: any thread.
 *
 * @since 0.2
 */
public enum ProxyMode {
    /** Every connection is direct, no proxy. */
    DIRECT("direct"),
    /** A PAC script from {@code http://wpad/wpad.dat}, falling back to direct when there is none. */
    AUTO_DETECT("auto_detect"),
    /** A PAC script from the {@linkplain ProxyConfig#pacScript() pacScript URL}. */
    PAC_SCRIPT("pac_script"),
    /** The {@linkplain ProxyConfig#proxyRules() proxy rules}. */
    FIXED_SERVERS("fixed_servers"),
    /** The JDK's system proxies and the {@code http_proxy}, {@code https_proxy}, {@code no_proxy} variables. */
    SYSTEM("system");

    private final String electronName;

    ProxyMode(String electronName) {
        this.electronName = electronName;
    }

    /**
     * Electron's string for this mode.
     *
     * @return the name, such as {@code "fixed_servers"}
     */
    public String electronName() {
        return electronName;
    }

    /**
     * The mode Electron names {@code name}.
     *
     * @param name Electron's name
     * @return the mode
     * @throws IllegalArgumentException quoting {@code name} if no mode has that name
     */
    public static ProxyMode fromElectronName(String name) {
        Objects.requireNonNull(name, "name == null");
        for (ProxyMode mode : values()) {
            if (mode.electronName.equals(name)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("Invalid mode: '" + name + "'");
    }
}
