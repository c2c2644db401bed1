package io.github.fxsession.net;

import java.util.Locale;
import java.util.Objects;

/**
 * A storage quota type of {@code clearStorageData}, carrying Electron's string for it.
 *
 * <p>WebView's engine has no quota management: localStorage is the only quota-bound storage it has, and
 * it is cleared whatever quota types are given. The values are accepted so that code written for
 * Electron keeps working.
 *
 * <p>Threading: immutable; any thread.
 *
 * @since 0.2
 */
public enum QuotaType {
    /** Electron's {@code temporary}. */
    TEMPORARY("temporary"),
    /** Electron's {@code persistent} (deprecated in Chromium). */
    PERSISTENT("persistent"),
    /** Electron's {@code syncable}. */
    SYNCABLE("syncable");

    private final String electronName;

    QuotaType(String electronName) {
        this.electronName = electronName;
    }

    /**
     * Electron's string for this quota type.
     *
     * @return the string Electron uses
     */
    public String electronName() {
        return electronName;
    }

    /**
     * The quota type Electron names {@code name} (case-insensitive).
     *
     * @param name the string, in any case
     * @return the value
     * @throws IllegalArgumentException for any other string, quoting it
     */
    public static QuotaType fromElectronName(String name) {
        Objects.requireNonNull(name, "quota == null");
        String lower = name.toLowerCase(Locale.ROOT);
        for (QuotaType type : values()) {
            if (type.electronName.equals(lower)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown quota type: '" + name
                + "' (expected one of temporary, persistent, syncable)");
    }
}
