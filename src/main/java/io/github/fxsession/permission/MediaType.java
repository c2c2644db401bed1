package io.github.fxsession.permission;

/**
 * A kind of media a {@link Permission#MEDIA} request or check is about (Electron's {@code mediaTypes} /
 * {@code mediaType} strings).
 *
 * <p>Threading: any thread (immutable).
 *
 * @since 0.2
 */
public enum MediaType {
    /** {@code video}: a camera. */
    VIDEO("video"),
    /** {@code audio}: a microphone. */
    AUDIO("audio"),
    /** {@code unknown}: not said (checks only). */
    UNKNOWN("unknown");

    private final String electronName;

    MediaType(String electronName) {
        this.electronName = electronName;
    }

    /**
     * Electron's string for this media type.
     *
     * @return {@code "video"}, {@code "audio"} or {@code "unknown"}
     */
    public String electronName() {
        return electronName;
    }

    @Override
    public String toString() {
        return electronName;
    }
}
