package io.github.fxsession.download;

import java.util.Objects;

/**
 * The state of a {@link DownloadItem}, with Electron's names ({@code item.getState()}).
 *
 * <pre>{@code
 * item.onDone(state -> {
 *     if (state == DownloadState.COMPLETED) System.out.println("saved " + item.getSavePath());
 * });
 * }</pre>
 *
 * <p>Threading: any thread (immutable).
 *
 * @since 0.2
 */
public enum DownloadState {
    /** Bytes are being received, or the download is paused, or waits for its save path. */
    PROGRESSING("progressing"),
    /** The file is complete at its save path. */
    COMPLETED("completed"),
    /** Cancelled by {@link DownloadItem#cancel()}, by {@link WillDownloadEvent#preventDefault()} or by a dismissed save dialog. */
    CANCELLED("cancelled"),
    /** Stopped by an error (see {@link DownloadItem#getInterruptReason()}); {@link DownloadItem#resume()} may continue it. */
    INTERRUPTED("interrupted");

    private final String electronName;

    DownloadState(String electronName) {
        this.electronName = electronName;
    }

    /**
     * Electron's string for this state, such as {@code "progressing"}.
     *
     * @return Electron's name
     */
    public String electronName() {
        return electronName;
    }

    /**
     * The state Electron calls {@code name}.
     *
     * @param name one of {@code progressing}, {@code completed}, {@code cancelled}, {@code interrupted}
     * @return the state
     * @throws IllegalArgumentException naming the value when it is not one of Electron's four states
     */
    public static DownloadState fromElectronName(String name) {
        Objects.requireNonNull(name, "name == null");
        for (DownloadState state : values()) {
            if (state.electronName.equals(name)) {
                return state;
            }
        }
        throw new IllegalArgumentException("name must be progressing, completed, cancelled or interrupted: '" + name + "'");
    }
}
