package io.github.fxsession.permission;

import java.util.Objects;

/**
 * A permission a page can ask for, carrying Electron's name for it ({@link #electronName()}).
 *
 * <pre>{@code
 * session.setPermissionRequestHandler((contents, permission, callback, details) ->
 *         callback.grant(permission == Permission.NOTIFICATIONS));
 * }</pre>
 *
 * <p>The names are those of Electron's {@code setPermissionRequestHandler} and
 * {@code setPermissionCheckHandler} documentation ({@code serial} is a check-only permission there).
 *
 * <p>Threading: any thread (immutable).
 *
 * @since 0.2
 */
public enum Permission {
    /** {@code clipboard-read}: {@code navigator.clipboard.readText()}. */
    CLIPBOARD_READ("clipboard-read"),
    /** {@code media}: camera and microphone ({@code getUserMedia}). */
    MEDIA("media"),
    /** {@code display-capture}: screen capture ({@code getDisplayMedia}). */
    DISPLAY_CAPTURE("display-capture"),
    /** {@code mediaKeySystem}: DRM-protected content; WebView never asks for it. */
    MEDIA_KEY_SYSTEM("mediaKeySystem"),
    /** {@code geolocation}: the user's location. */
    GEOLOCATION("geolocation"),
    /** {@code notifications}: showing notifications. */
    NOTIFICATIONS("notifications"),
    /** {@code midi}: Web MIDI; WebView has no Web MIDI and never asks for it. */
    MIDI("midi"),
    /** {@code midiSysex}: Web MIDI system-exclusive messages; never asked in WebView. */
    MIDI_SYSEX("midiSysex"),
    /** {@code pointerLock}: {@code requestPointerLock()}. */
    POINTER_LOCK("pointerLock"),
    /** {@code fullscreen}: {@code element.requestFullscreen()}. */
    FULLSCREEN("fullscreen"),
    /** {@code openExternal}: opening a link in an external application ({@code mailto:}, {@code tel:}...). */
    OPEN_EXTERNAL("openExternal"),
    /** {@code serial}: Web Serial (check handler only, as in Electron). */
    SERIAL("serial"),
    /** {@code unknown}: a permission Electron does not recognise. */
    UNKNOWN("unknown");

    private final String electronName;

    Permission(String electronName) {
        this.electronName = electronName;
    }

    /**
     * Electron's name for this permission.
     *
     * @return the name, such as {@code "clipboard-read"} or {@code "pointerLock"}
     */
    public String electronName() {
        return electronName;
    }

    /**
     * The permission Electron calls {@code name}.
     *
     * @param name Electron's name, such as {@code "geolocation"}
     * @return the permission
     * @throws IllegalArgumentException if no permission has that name
     */
    public static Permission fromElectronName(String name) {
        Objects.requireNonNull(name, "name == null");
        for (Permission permission : values()) {
            if (permission.electronName.equals(name)) {
                return permission;
            }
        }
        throw new IllegalArgumentException("unknown permission name: '" + name + "'");
    }

    @Override
    public String toString() {
        return electronName;
    }
}
