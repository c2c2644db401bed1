package io.github.fxsession.webrequest;

import java.util.Objects;

/**
 * What a request loads, with Electron's {@code resourceType} strings.
 *
 * <p>WebView tells the library what a request is for through its {@code Sec-Fetch-Dest} header:
 * documents, frames, stylesheets, scripts, images, fonts, media and {@code fetch}/XHR are told apart;
 * synchronous XHR (no such header) is {@link #XHR}; what WebView never sends ({@code object},
 * {@code ping}, {@code cspReport}, {@code webSocket}) never occurs and is listed for filters only.
 *
 * <p>Threading: immutable, any thread.
 *
 * @since 0.2
 */
public enum ResourceType {
    /** The top-level document. */
    MAIN_FRAME("mainFrame"),
    /** A frame's document. */
    SUB_FRAME("subFrame"),
    /** A style sheet. */
    STYLESHEET("stylesheet"),
    /** A script. */
    SCRIPT("script"),
    /** An image. */
    IMAGE("image"),
    /** A web font. */
    FONT("font"),
    /** A plug-in's content ({@code <object>}, {@code <embed>}). */
    OBJECT("object"),
    /** An {@code XMLHttpRequest} or {@code fetch}. */
    XHR("xhr"),
    /** A ping ({@code navigator.sendBeacon}, {@code <a ping>}). */
    PING("ping"),
    /** A Content-Security-Policy violation report. */
    CSP_REPORT("cspReport"),
    /** Audio or video. */
    MEDIA("media"),
    /** A WebSocket handshake. */
    WEB_SOCKET("webSocket"),
    /** Anything else. */
    OTHER("other");

    private final String electronName;

    ResourceType(String electronName) {
        this.electronName = electronName;
    }

    /**
     * Electron's string for this type, such as {@code "mainFrame"}.
     *
     * @return Electron's name
     */
    public String electronName() {
        return electronName;
    }

    /**
     * The type named {@code name} in Electron's spelling.
     *
     * @param name Electron's name, such as {@code "mainFrame"}
     * @return the type
     * @throws IllegalArgumentException if no type has that name
     */
    public static ResourceType fromElectronName(String name) {
        Objects.requireNonNull(name, "name == null");
        for (ResourceType type : values()) {
            if (type.electronName.equals(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown resourceType: '" + name + "'");
    }
}
