package io.github.fxsession.net;

import java.util.Locale;
import java.util.Objects;

/**
 * A kind of storage {@code clearStorageData} can clear, carrying Electron's string for it.
 *
 * <p>WebView's engine has {@link #COOKIES} (the partition's cookie store) and {@link #LOCALSTORAGE}
 * (WebKit's SQLite files). It has no Cache Storage API, so {@link #CACHESTORAGE} clears the
 * partition's HTTP cache instead (the cache of the chosen origin's responses), which a call without
 * {@code storages} is expected to empty. The other kinds are accepted and clear nothing, because
 * WebView's engine has none of that storage: {@code indexedDB} is {@code null}, and it has no File
 * System API, WebSQL, application cache, service workers or GPU shader cache.
 *
 * <p>Threading: immutable; any thread.
 *
 * @since 0.2
 */
public enum StorageType {
    /** Electron's {@code appcache}: WebView has no application cache; nothing to clear. */
    APPCACHE("appcache", false),
    /** Electron's {@code cookies}: the partition's cookie store. */
    COOKIES("cookies", true),
    /** Electron's {@code filesystem}: WebView has no File System API; nothing to clear. */
    FILESYSTEM("filesystem", false),
    /** Electron's {@code indexdb}: WebView's {@code indexedDB} is {@code null}; nothing to clear. */
    INDEXDB("indexdb", false),
    /** Electron's {@code localstorage}: WebKit's localStorage of the partition, open pages included. */
    LOCALSTORAGE("localstorage", true),
    /** Electron's {@code shadercache}: WebView keeps no GPU shader cache; nothing to clear. */
    SHADERCACHE("shadercache", false),
    /** Electron's {@code websql}: WebView has no WebSQL; nothing to clear. */
    WEBSQL("websql", false),
    /** Electron's {@code serviceworkers}: WebView has no service workers; nothing to clear. */
    SERVICEWORKERS("serviceworkers", false),
    /**
     * Electron's {@code cachestorage}: WebView has no Cache Storage ({@code caches}); clears the
     * partition's HTTP cache instead.
     */
    CACHESTORAGE("cachestorage", true);

    private final String electronName;
    private final boolean supported;

    StorageType(String electronName, boolean supported) {
        this.electronName = electronName;
        this.supported = supported;
    }

    /**
     * Electron's string for this kind, such as {@code "localstorage"}.
     *
     * @return the string Electron uses
     */
    public String electronName() {
        return electronName;
    }

    /**
     * Whether clearing this kind has an effect in WebView.
     *
     * @return {@code false} when WebView's engine has no such storage
     */
    public boolean isSupportedByWebView() {
        return supported;
    }

    /**
     * The kind Electron names {@code name} (case-insensitive).
     *
     * @param name the string, in any case
     * @return the value
     * @throws IllegalArgumentException for any other string, quoting it
     */
    public static StorageType fromElectronName(String name) {
        Objects.requireNonNull(name, "storage == null");
        String lower = name.toLowerCase(Locale.ROOT);
        for (StorageType type : values()) {
            if (type.electronName.equals(lower)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown storage type: '" + name + "' (expected one of appcache, cookies,"
                + " filesystem, indexdb, localstorage, shadercache, websql, serviceworkers, cachestorage)");
    }
}
