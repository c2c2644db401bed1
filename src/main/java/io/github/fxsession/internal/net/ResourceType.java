package io.github.fxsession.internal.net;

import java.util.Locale;

/** What a request loads, with Electron's {@code resourceType} names. */
public enum ResourceType {
    MAIN_FRAME("mainFrame"),
    SUB_FRAME("subFrame"),
    STYLESHEET("stylesheet"),
    SCRIPT("script"),
    IMAGE("image"),
    FONT("font"),
    MEDIA("media"),
    XHR("xhr"),
    OTHER("other");

    private final String electronName;

    ResourceType(String electronName) {
        this.electronName = electronName;
    }

    /** Electron's name of this type, such as {@code "mainFrame"}. */
    public String electronName() {
        return electronName;
    }

    /** Whether a response of this type becomes a document in a frame. */
    public boolean isDocument() {
        return this == MAIN_FRAME || this == SUB_FRAME;
    }

    /**
     * The type WebKit asked for, from its {@code Sec-Fetch-Dest} header. Synchronous XHR sends no such
     * header and runs on the FX Application Thread.
     */
    static ResourceType fromFetchDest(String dest, boolean onFxThread) {
        if (dest == null) {
            return onFxThread ? XHR : OTHER;
        }
        return switch (dest.trim().toLowerCase(Locale.ROOT)) {
            case "document" -> MAIN_FRAME;
            case "iframe", "frame" -> SUB_FRAME;
            case "style" -> STYLESHEET;
            case "script", "worker", "sharedworker", "serviceworker" -> SCRIPT;
            case "image" -> IMAGE;
            case "font" -> FONT;
            case "audio", "video", "track" -> MEDIA;
            case "empty" -> XHR;
            default -> OTHER;
        };
    }

    /**
     * The type of a custom-scheme request, which WebKit sends without {@code Sec-Fetch-*} headers (measured):
     * navigations carry {@code Upgrade-Insecure-Requests} (a frame's own document comes with an empty
     * User-Agent), images and stylesheets say so in {@code Accept}.
     */
    static ResourceType ofCustomScheme(String upgradeInsecureRequests, String accept, String userAgent, boolean onFxThread) {
        if (upgradeInsecureRequests != null) {
            return userAgent == null || userAgent.isEmpty() ? SUB_FRAME : MAIN_FRAME;
        }
        String a = accept == null ? "" : accept.toLowerCase(Locale.ROOT);
        if (a.startsWith("image/")) {
            return IMAGE;
        }
        if (a.startsWith("text/css")) {
            return STYLESHEET;
        }
        return onFxThread ? XHR : OTHER;
    }
}
