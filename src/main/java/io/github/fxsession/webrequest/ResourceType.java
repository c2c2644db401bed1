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
    MAIN_FRAME("mainFrame"),
    SUB_FRAME("subFrame"),
    STYLESHEET("stylesheet"),
    SCRIPT("script"),
    IMAGE("image"),
    FONT("font"),
    OBJECT("object"),
    XHR("xhr"),
    PING("ping"),
    CSP_REPORT("cspReport"),
    MEDIA("media"),
    WEB_SOCKET("webSocket"),
    OTHER("other");

    private final String electronName;

    ResourceType(String electronName) {
        this.electronName = electronName;
    }

    /** Electron's string for this type, such as {@code "mainFrame"}. */
    public String electronName() {
        return electronName;
    }

    /**
     * The type named {@code name} in Electron's spelling.
     *
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
