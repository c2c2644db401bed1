package io.github.fxsession.internal.extension;

import io.github.fxsession.extension.Extension;
import io.github.fxsession.extension.ExtensionListener;
import io.github.fxsession.extension.ExtensionOptions;
import io.github.fxsession.internal.bridge.BridgeMethod;
import io.github.fxsession.internal.bridge.PageBridge;
import io.github.fxsession.internal.protocol.ProtocolImpl;
import io.github.fxsession.internal.session.EngineBinding;
import io.github.fxsession.internal.session.SessionCore;
import io.github.fxsession.protocol.ProtocolResponse;
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
 * ({@code ext.scripts}, {@code ext.storage}), and the messages between them and the background page
 * ({@code chrome.runtime.sendMessage}, {@code chrome.tabs.sendMessage}).
 *
 * <p>Threading: any thread; bridge methods on the FX Application Thread.
 */
public final class ExtensionRegistry {

    private static final System.Logger LOG = System.getLogger(ExtensionRegistry.class.getName());

    static {
        PageBridge.register("ext.scripts", ExtensionRegistry::scripts);
        PageBridge.register("ext.storage", ExtensionRegistry::storage);
        PageBridge.register("ext.send", ExtensionRegistry::send);
        PageBridge.register("ext.tabSend", ExtensionRegistry::tabSend);
        PageBridge.register("ext.respond", ExtensionRegistry::respond);
        PageBridge.register("ext.poll", ExtensionRegistry::poll);
        PageBridge.register("ext.ready", ExtensionRegistry::ready);
    }

    private final SessionCore session;
    private final Map<String, BackgroundPage> backgrounds = new ConcurrentHashMap<>();
    private final Map<String, Answer> channels = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicBoolean resourcesServed = new java.util.concurrent.atomic.AtomicBoolean();
    private final java.security.SecureRandom random = new java.security.SecureRandom();

    /** A message on its way (content script to background page, or background to a tab), and its answer. */
    private static final class Answer {
        final EngineBinding asker;
        final EngineBinding responder;
        final String extensionId;
        volatile Map<String, Object> result;

        Answer(EngineBinding asker, EngineBinding responder, String extensionId) {
            this.asker = asker;
            this.responder = responder;
            this.extensionId = extensionId;
        }
    }

    private static final String NO_RECEIVER = "Could not establish connection. Receiving end does not exist.";

    private final Path storagePath;
    private final Map<String, LoadedExtension> loaded = new ConcurrentHashMap<>();
    private final Map<String, ExtensionStorage> storages = new ConcurrentHashMap<>();
    private final List<ExtensionListener> onLoaded = new CopyOnWriteArrayList<>();
    private final List<ExtensionListener> onUnloaded = new CopyOnWriteArrayList<>();
    private final List<ExtensionListener> onReady = new CopyOnWriteArrayList<>();

    /** @param session the partition; its storage path is {@code null} for in-memory partitions */
    public ExtensionRegistry(SessionCore session) {
        this.session = session;
        this.storagePath = session.persistent() ? session.storagePath() : null;
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
            unloaded(previous);
        }
        storages.computeIfAbsent(id, key -> new ExtensionStorage(storagePath.resolve("Local Extension Settings").resolve(key + ".json")));
        fire(onLoaded, extension.extension());
        serveResources();
        if (!extension.hasBackground()) {
            fire(onReady, extension.extension());
        } else {
            onFx(() -> {
                if (loaded.get(id) == extension) {
                    backgrounds.put(id, BackgroundPage.start(session, extension));
                }
            });
        }
        return CompletableFuture.completedFuture(extension.extension());
    }

    /**
     * Serves {@code chrome-extension://<id>/<path>} in this partition from the first load on, unless the
     * application handles that scheme itself.
     */
    private void serveResources() {
        ProtocolImpl protocol = session.protocol();
        if (resourcesServed.compareAndSet(false, true) && !protocol.isProtocolHandled(ExtensionResources.SCHEME)) {
            try {
                protocol.handle(ExtensionResources.SCHEME, request -> CompletableFuture.completedFuture(resource(request.url())));
            } catch (IllegalStateException e) {
                LOG.log(System.Logger.Level.INFO, "chrome-extension: is handled by the application in this partition");
            }
        }
    }

    /** A file of a loaded extension, or a failed load for an unknown id or file. */
    private ProtocolResponse resource(String url) {
        LoadedExtension extension = loaded.get(ExtensionResources.idOf(url));
        return extension == null ? ExtensionResources.notFound() : ExtensionResources.serve(extension.extension().path(), url);
    }

    /** Unloads extension {@code id}; fires 'extension-unloaded'. Unknown ids are ignored, as in Electron. */
    public void remove(String id) {
        Objects.requireNonNull(id, "extensionId == null");
        LoadedExtension removed = loaded.remove(id);
        if (removed != null) {
            unloaded(removed);
        }
    }

    private void unloaded(LoadedExtension extension) {
        String id = extension.extension().id();
        onFx(() -> {
            BackgroundPage page = backgrounds.get(id);
            if (page != null && loaded.get(id) != extension) {
                backgrounds.remove(id, page);
                page.close();
            }
        });
        fire(onUnloaded, extension.extension());
    }

    /** The CSP hash sources of the content scripts a document served from {@code url} may run. */
    public List<String> cspHashes(String url) {
        if (loaded.isEmpty()) {
            return List.of();
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (LoadedExtension extension : loaded.values()) {
            out.addAll(extension.cspHashes(uri));
        }
        return out;
    }

    /** The extension whose background page {@code binding} is, or {@code null}. */
    private LoadedExtension backgroundOf(EngineBinding binding) {
        for (Map.Entry<String, BackgroundPage> entry : backgrounds.entrySet()) {
            if (entry.getValue().binding() == binding) {
                return loaded.get(entry.getKey());
            }
        }
        return null;
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

    private static void onFx(Runnable task) {
        if (Platform.isFxApplicationThread()) {
            task.run();
        } else {
            Platform.runLater(task);
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
        LoadedExtension background = registry.backgroundOf(call.binding());
        if (background != null) {
            return call.args().path("top").asBoolean(true) ? List.of(background.backgroundRun()) : List.of();
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
        if (ExtensionResources.SCHEME.equalsIgnoreCase(uri.getScheme())) {
            LoadedExtension owner = registry.loaded.get(ExtensionResources.idOf(url));
            return owner == null ? List.of() : List.of(owner.extensionPageRun());
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

    /** A content script's {@code chrome.runtime.sendMessage}: a channel, or {@code {none: true}} without a background. */
    private static Object send(BridgeMethod.Call call) {
        ExtensionRegistry registry = of(call);
        String id = call.args().path("id").asString("");
        BackgroundPage page = registry.backgrounds.get(id);
        if (page == null || page.binding() == call.binding() || !registry.loaded.containsKey(id)) {
            return Map.of("none", true);
        }
        String channel = registry.open(new Answer(call.binding(), page.binding(), id));
        Map<String, Object> sender = sender(call, id);
        if (call.binding().facade() instanceof io.github.fxsession.WebContents tab) {
            String url = call.binding().topDocumentUrl();
            sender.put("tab", url == null ? Map.of("id", tab.getId()) : Map.of("id", tab.getId(), "url", url));
        }
        String message = ExtensionManifest.JSON.writeValueAsString(call.args().path("message"));
        String senderJson = ExtensionManifest.JSON.writeValueAsString(sender);
        Platform.runLater(() -> page.deliver(channel, message, senderJson));
        return Map.of("channel", channel);
    }

    /** A new channel for {@code answer}. */
    private String open(Answer answer) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String channel = java.util.HexFormat.of().formatHex(bytes);
        channels.put(channel, answer);
        return channel;
    }

    /** Chrome's {@code MessageSender} for a message sent by the document of {@code call}. */
    private static Map<String, Object> sender(BridgeMethod.Call call, String id) {
        Map<String, Object> sender = new java.util.LinkedHashMap<>();
        sender.put("id", id);
        if (call.documentUrl() != null) {
            sender.put("url", call.documentUrl());
            URI uri = URI.create(call.documentUrl());
            sender.put("origin", uri.getScheme() + "://" + uri.getRawAuthority());
        }
        return sender;
    }

    /**
     * The background page (or a page of the extension) calls {@code chrome.tabs.sendMessage(tabId, ...)}:
     * the message goes to the extension's content scripts in that tab's top frame (tab ids are
     * {@code WebContents} ids of this session).
     */
    private static Object tabSend(BridgeMethod.Call call) {
        ExtensionRegistry registry = of(call);
        String id = call.args().path("id").asString("");
        LoadedExtension caller = registry.backgroundOf(call.binding());
        String url = call.documentUrl();
        if ((caller == null || !caller.extension().id().equals(id))
                && (url == null || !url.startsWith(ExtensionResources.SCHEME + "://" + id + "/") || !registry.loaded.containsKey(id))) {
            throw new IllegalArgumentException("chrome.tabs is only available to the pages of extension '" + id + "'");
        }
        EngineBinding target = null;
        int wanted = call.args().path("tabId").asInt(-1);
        for (EngineBinding binding : registry.session.bindings()) {
            if (binding.facade() instanceof io.github.fxsession.WebContents tab && tab.getId() == wanted) {
                target = binding;
            }
        }
        if (target == null || !call.args().path("tabId").isIntegralNumber()) {
            return Map.of("none", true, "error", "No tab with id: " + call.args().path("tabId") + ".");
        }
        Answer answer = new Answer(call.binding(), target, id);
        String channel = registry.open(answer);
        String message = ExtensionManifest.JSON.writeValueAsString(call.args().path("message"));
        String senderJson = ExtensionManifest.JSON.writeValueAsString(sender(call, id));
        EngineBinding tab = target;
        Platform.runLater(() -> {
            Object taken = null;
            try {
                javafx.scene.web.WebEngine engine = tab.engine();
                taken = engine == null ? null : engine.executeScript("window.__fxsessionTabDeliver ? window.__fxsessionTabDeliver("
                        + String.join(", ", quote(id), quote(channel), quote(message), quote(senderJson)) + ") : false");
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, "tab did not take an extension message", e);
            }
            if (!Boolean.TRUE.equals(taken) && answer.result == null) {
                answer.result = Map.of("done", true, "error", NO_RECEIVER);
            }
        });
        return Map.of("channel", channel);
    }

    /** {@code text} as a JavaScript string literal. */
    static String quote(String text) {
        return ExtensionManifest.JSON.writeValueAsString(text);
    }

    /** The background page answers a channel: {@code {channel, response}} or {@code {channel, error}}. */
    private static Object respond(BridgeMethod.Call call) {
        ExtensionRegistry registry = of(call);
        Answer answer = registry.channels.get(call.args().path("channel").asString(""));
        if (answer == null || answer.result != null || answer.responder != call.binding()) {
            return false;
        }
        Map<String, Object> result = new java.util.LinkedHashMap<>();
        result.put("done", true);
        if (call.args().has("error")) {
            result.put("error", call.args().path("error").asString());
        } else {
            result.put("response", call.args().path("response"));
        }
        answer.result = result;
        return true;
    }

    /** A content script collects the answer to its message. */
    private static Object poll(BridgeMethod.Call call) {
        ExtensionRegistry registry = of(call);
        String channel = call.args().path("channel").asString("");
        Answer answer = registry.channels.get(channel);
        if (answer == null || answer.asker != call.binding()) {
            return Map.of("done", true, "error", NO_RECEIVER);
        }
        if (answer.result == null) {
            if (!registry.loaded.containsKey(answer.extensionId)) {
                registry.channels.remove(channel);
                return Map.of("done", true, "error", NO_RECEIVER);
            }
            return Map.of("done", false);
        }
        registry.channels.remove(channel);
        return answer.result;
    }

    /** The background page ran its scripts: 'extension-ready'. */
    private static Object ready(BridgeMethod.Call call) {
        ExtensionRegistry registry = of(call);
        LoadedExtension extension = registry.backgroundOf(call.binding());
        if (extension != null) {
            fire(registry.onReady, extension.extension());
        }
        return null;
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
