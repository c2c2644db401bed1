package io.github.fxsession.cookies;

import java.util.Locale;
import java.util.Objects;

/**
 * A cookie's SameSite policy, carrying Electron's string for it.
 *
 * <p>Threading: immutable; any thread.
 *
 * @since 0.2
 */
public enum SameSite {
    /** No {@code SameSite} attribute: sent as {@link #LAX} would be, as Chromium treats it by default. */
    UNSPECIFIED("unspecified"),
    /** {@code SameSite=None}: sent on cross-site requests too; only kept when {@code Secure}. */
    NO_RESTRICTION("no_restriction"),
    /** {@code SameSite=Lax}: same-site requests and cross-site top-level navigations with a safe method. */
    LAX("lax"),
    /** {@code SameSite=Strict}: same-site requests only. */
    STRICT("strict");

    private final String electronName;

    SameSite(String electronName) {
        this.electronName = electronName;
    }

    /**
     * Electron's string.
     *
     * @return {@code unspecified}, {@code no_restriction}, {@code lax} or {@code strict}
     */
    public String electronName() {
        return electronName;
    }

    /**
     * The value Electron names {@code name}.
     *
     * @param name {@code unspecified}, {@code no_restriction}, {@code lax} or {@code strict}
     * @return the value
     * @throws IllegalArgumentException for any other string, quoting it
     */
    public static SameSite fromElectronName(String name) {
        Objects.requireNonNull(name, "sameSite == null");
        for (SameSite value : values()) {
            if (value.electronName.equals(name)) {
                return value;
            }
        }
        throw new IllegalArgumentException("Invalid sameSite value: '" + name + "' (expected unspecified,"
                + " no_restriction, lax or strict)");
    }

    @Override
    public String toString() {
        return electronName.toLowerCase(Locale.ROOT);
    }
}
