package io.github.fxsession.internal.extension;

import io.github.fxsession.extension.Extension;
import io.github.fxsession.extension.ExtensionListener;
import io.github.fxsession.extension.ExtensionOptions;
import io.github.fxsession.internal.bridge.BridgeMethod;
import io.github.fxsession.internal.bridge.PageBridge;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.application.Platform;
import javafx.util.Subscription;

/**
 * The extensions loaded in one partition (Electron's {@code ses.loadExtension} and friends), their
 * events, their {@code chrome.storage.local} and the bridge methods their content scripts use
 * ({@code ext.scripts}, {@code ext.storage}).
 *
 * <p>Threading: any thread; bridge methods on the FX Application Thread.
 */
public final class ExtensionRegistry {

    private static final System.Logger LOG = System.getLogger(ExtensionRegistry.class.getName());

    static {
        PageBridge.register("ext.scripts", ExtensionRegistry::scripts);
        PageBridge.register("ext.storage", ExtensionRegistry::storage);
    }

    private final Path storagePath;
    private final Map<String, LoadedExtension> loaded = new ConcurrentHashMap<>();
    private final Map<String, ExtensionStorage> storages = new ConcurrentHashMap<>();
    private final List<ExtensionListener> onLoaded = new CopyOnWriteArrayList<>();
    private final List<ExtensionListener> onUnloaded = new CopyOnWriteArrayList<>();
    private final List<ExtensionListener> onReady = new CopyOnWriteArrayList<>();

    /** @param storagePath the persistent partition's folder, {@code null} for in-memory partitions */
    public ExtensionRegistry(Path storagePath) {
        this.storagePath = storagePath;
    }

    /** Registers the bridge methods (idempotent). */
    public static void install() {
        // the static initializer did it
    }

    /** Loads the unpacked extension in {@code path}; fires 'extension-loaded' then 'extension-ready'. */
    public CompletableFuture<Extension> load(Path path, ExtensionOptions options) {
        Objects.requireNonNull(path, "path == null");
        Objects.requireNonNull(options, "options == null");
        try {
            Platform.runLater(() -> { });
        } catch (IllegalStateException e) {
            return CompletableFuture.failedFuture(new IllegalStateException(
                    "loadExtension cannot be called before the JavaFX toolkit is started"));
        }
        if (storagePath == null) {
            return CompletableFuture.failedFuture(new IllegalStateException(
                    "Extensions cannot be loaded in a temporary session"));
        }
        if (!path.isAbsolute()) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(
                    "The path to the extension in 'loadExtension' must be absolute: '" + path + "'"));
        }
        LoadedExtension extension;
        try {
            Path folder;
            try {
                folder = path.toRealPath();
            } catch (IOException e) {
                throw new IllegalArgumentException("Manifest file is missing or unreadable");
            }
            extension = ExtensionManifest.load(folder, options.allowFileAccess());
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            return CompletableFuture.failedFuture(e);
        }
        String id = extension.extension().id();
        LoadedExtension previous = loaded.put(id, extension);
        if (previous != null) {
            fire(onUnloaded, previous.extension());
        }
        storages.computeIfAbsent(id, key -> new ExtensionStorage(storagePath.resolve("Local Extension Settings").resolve(key + ".json")));
        fire(onLoaded, extension.extension());
        fire(onReady, extension.extension());
        return CompletableFuture.completedFuture(extension.extension());
    }

    /** Unloads extension {@code id}; fires 'extension-unloaded'. Unknown ids are ignored, as in Electron. */
    public void remove(String id) {
        Objects.requireNonNull(id, "extensionId == null");
        LoadedExtension removed = loaded.remove(id);
        if (removed != null) {
            fire(onUnloaded, removed.extension());
        }
    }

    public Extension get(String id) {
        Objects.requireNonNull(id, "extensionId == null");
        LoadedExtension found = loaded.get(id);
        return found == null ? null : found.extension();
    }

    public List<Extension> all() {
        List<Extension> out = new ArrayList<>();
        for (LoadedExtension extension : loaded.values()) {
            out.add(extension.extension());
        }
        return List.copyOf(out);
    }

    public Subscription onLoaded(ExtensionListener listener) {
        return add(onLoaded, listener);
    }

    public Subscription onUnloaded(ExtensionListener listener) {
        return add(onUnloaded, listener);
    }

    public Subscription onReady(ExtensionListener listener) {
        return add(onReady, listener);
    }

    private static Subscription add(List<ExtensionListener> listeners, ExtensionListener listener) {
        Objects.requireNonNull(listener, "listener == null");
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private static void fire(List<ExtensionListener> listeners, Extension extension) {
        for (ExtensionListener listener : listeners) {
            try {
                listener.handle(extension);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "extension listener failed", e);
            }
        }
    }

    private static ExtensionRegistry of(BridgeMethod.Call call) {
        return call.binding().session().extensions();
    }

    /** The content scripts a document must run: proven URL, or a {@code file:} page's own location. */
    private static Object scripts(BridgeMethod.Call call) {
        ExtensionRegistry registry = of(call);
        if (registry.loaded.isEmpty()) {
            return List.of();
        }
        String url = call.documentUrl();
        if (url == null) {
            String claimed = call.args().path("url").asString("");
            url = claimed.regionMatches(true, 0, "file:", 0, 5) ? claimed : null;
        }
        if (url == null) {
            return List.of();
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return List.of();
        }
        boolean top = call.args().path("top").asBoolean(true);
        List<Object> out = new ArrayList<>();
        for (LoadedExtension extension : registry.loaded.values()) {
            Map<String, Object> runs = extension.scriptsFor(uri, top);
            if (runs != null) {
                out.add(runs);
            }
        }
        return out;
    }

    /** {@code chrome.storage.local}: {@code {id, op: get|set|remove|clear, keys, items}}. */
    private static Object storage(BridgeMethod.Call call) {
        ExtensionRegistry registry = of(call);
        String id = call.args().path("id").asString("");
        ExtensionStorage storage = registry.loaded.containsKey(id) ? registry.storages.get(id) : null;
        if (storage == null) {
            throw new IllegalArgumentException("no extension '" + id + "' in this session");
        }
        return storage.apply(call.args());
    }
}
