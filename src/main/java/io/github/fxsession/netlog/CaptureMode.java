package io.github.fxsession.netlog;

import java.util.Objects;

/**
 * How much a net log records (Electron's {@code captureMode} option), carrying Electron's string.
 *
 * <p>Threading: immutable, any thread.
 *
 * @since 0.2
 */
public enum CaptureMode {
    /** Events and headers; cookies and credentials are replaced by {@code [N bytes were stripped]}. */
    DEFAULT("default"),
    /** Like {@link #DEFAULT}, with cookie and credential values. */
    INCLUDE_SENSITIVE("includeSensitive"),
    /** Like {@link #INCLUDE_SENSITIVE}, with the bytes of every response body (base64). */
    EVERYTHING("everything");

    private final String electronName;

    CaptureMode(String electronName) {
        this.electronName = electronName;
    }

    /**
     * Electron's name of this mode, such as {@code "includeSensitive"}.
     *
     * @return the name
     */
    public String electronName() {
        return electronName;
    }

    /**
     * The mode Electron calls {@code name}.
     *
     * @param name Electron's name
     * @return the mode
     * @throws IllegalArgumentException {@code "Invalid value for captureMode: '<name>'"} for other names
     */
    public static CaptureMode fromElectronName(String name) {
        Objects.requireNonNull(name, "name == null");
        for (CaptureMode mode : values()) {
            if (mode.electronName.equals(name)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("Invalid value for captureMode: '" + name + "'");
    }
}
