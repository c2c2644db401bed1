package io.github.fxsession.internal.extension;

import io.github.fxsession.extension.Extension;
import io.github.fxsession.extension.ExtensionListener;
import io.github.fxsession.extension.ExtensionOptions;
import io.github.fxsession.internal.bridge.BridgeMethod;
import io.github.fxsession.internal.bridge.PageBridge;
import io.github.fxsession.internal.protocol.ProtocolImpl;
import io.github.fxsession.internal.session.EngineBinding;
import io.github.fxsession.internal.session.SessionCore;
import io.github.fxsession.internal.util.Listeners;
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
import tools.jackson.databind.JsonNode;

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
        // Also in every document's init answer (init's arguments are ext.scripts' url and top): one
        // synchronous bridge round trip less per document; extensions.js reads init.ext.
        PageBridge.addInitContributor((call, init) -> {
            Object found = scripts(call);
            if (found != null) {
                init.put("ext", found);
            }
        });
        PageBridge.register("ext.storage", ExtensionRegistry::storage);
        PageBridge.register("ext.send", ExtensionRegistry::send);
        PageBridge.register("ext.tabSend", ExtensionRegistry::tabSend);
        PageBridge.register("ext.respond", ExtensionRegistry::respond);
        PageBridge.register("ext.poll", ExtensionRegistry::poll);
        PageBridge.register("ext.accept", ExtensionRegistry::accept);
        PageBridge.register("ext.tabs", ExtensionRegistry::tabs);
        PageBridge.register("ext.file", ExtensionRegistry::file);
        PageBridge.register("ext.ready", ExtensionRegistry::ready);
    }

    private final SessionCore session;
    private final Map<String, BackgroundPage> backgrounds = new ConcurrentHashMap<>();
    private final Map<String, Answer> channels = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicBoolean resourcesServed = new java.util.concurrent.atomic.AtomicBoolean();
    private final java.security.SecureRandom random = new java.security.SecureRandom();

    /**
     * A message on its way (content script to background page, or background to a tab's frames), the
     * reports of its receivers and its answer: the first response; else, once every receiver reported
     * and none kept its port, Chrome's "port closed" (some listener ignored it) or "receiving end does
     * not exist". Receivers that never report (frames without the page bridge) count as absent after
     * {@link #SILENT_FRAMES_MILLIS}.
     */
    private static final class Answer {
        final EngineBinding asker;
        final EngineBinding responder;
        final String extensionId;
        final String message;
        final String sender;
        final Integer frameId;
        private final long started = System.nanoTime();
        private int expected = -1;
        private int reported;
        private int kept;
        private boolean closed;
        private Map<String, Object> result;

        Answer(EngineBinding asker, EngineBinding responder, String extensionId, String message, String sender, Integer frameId) {
            this.asker = asker;
            this.responder = responder;
            this.extensionId = extensionId;
            this.message = message;
            this.sender = sender;
            this.frameId = frameId;
        }

        synchronized Map<String, Object> result() {
            if (result == null && expected >= 0 && kept == 0
                    && System.nanoTime() - started > SILENT_FRAMES_MILLIS * 1_000_000L) {
                finish(true);
            }
            return result;
        }

        synchronized void expect(int receivers) {
            expected = receivers;
            finish(false);
        }

        /** One receiver's report: {@code response}, {@code error}, {@code closed}, {@code kept} or {@code absent}. */
        synchronized boolean report(tools.jackson.databind.JsonNode args) {
            if (result != null) {
                return false;
            }
            if (args.has("response")) {
                result = new java.util.LinkedHashMap<>(Map.of("done", true));
                result.put("response", args.path("response"));
                return true;
            }
            if (args.has("error")) {
                result = Map.of("done", true, "error", args.path("error").asString());
                return true;
            }
            if (args.path("kept").asBoolean(false)) {
                kept++;
                return true;
            }
            closed |= args.path("closed").asBoolean(false);
            reported++;
            finish(false);
            return true;
        }

        synchronized void fail(String error) {
            if (result == null) {
                result = Map.of("done", true, "error", error);
            }
        }

        private void finish(boolean timedOut) {
            if (result == null && expected >= 0 && kept == 0 && (timedOut || reported >= expected)) {
                result = Map.of("done", true, "error", closed ? PORT_CLOSED : NO_RECEIVER);
            }
        }
    }

    /** How long a message waits for frames that cannot report (no page bridge) before they count as absent. */
    private static final long SILENT_FRAMES_MILLIS = 1500;
    private static final String PORT_CLOSED = "The message port closed before a response was received.";
    private static final String NO_RECEIVER = "Could not establish connection. Receiving end does not exist.";

    /** Chrome's frame ids of the subframe documents that asked for their scripts, per engine (0 is the top frame). */
    private final Map<EngineBinding, Map<Integer, String>> frames = java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());
    private final java.util.concurrent.atomic.AtomicInteger nextFrameId = new java.util.concurrent.atomic.AtomicInteger();
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
        return Listeners.add(listeners, listener);
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

    /**
     * What a document must run ({@code {frameId, items}}, or {@code null} while no extension is loaded):
     * proven URL, or a {@code file:} page's own location. Subframes get a new Chrome frame id.
     */
    private static Object scripts(BridgeMethod.Call call) {
        ExtensionRegistry registry = of(call);
        if (registry.loaded.isEmpty()) {
            return null;
        }
        boolean top = call.args().path("top").asBoolean(true);
        int frameId = 0;
        if (!top) {
            frameId = registry.nextFrameId.incrementAndGet();
            registry.frames.computeIfAbsent(call.binding(), key -> java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>() {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Integer, String> eldest) {
                    return size() > 256;
                }
            })).put(frameId, String.valueOf(call.documentUrl()));
        }
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("frameId", frameId);
        out.put("items", registry.items(call, top));
        return out;
    }

    private List<Object> items(BridgeMethod.Call call, boolean top) {
        LoadedExtension background = backgroundOf(call.binding());
        if (background != null) {
            return top ? List.of(background.backgroundRun()) : List.of();
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
            LoadedExtension owner = loaded.get(ExtensionResources.idOf(url));
            return owner == null ? List.of() : List.of(owner.extensionPageRun());
        }
        List<Object> out = new ArrayList<>();
        for (LoadedExtension extension : loaded.values()) {
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
        Map<String, Object> sender = sender(call, id);
        if (call.binding().facade() instanceof io.github.fxsession.WebContents tab) {
            String url = call.binding().topDocumentUrl();
            sender.put("tab", url == null ? Map.of("id", tab.getId()) : Map.of("id", tab.getId(), "url", url));
            sender.put("frameId", registry.frameIdOf(call));
        }
        String message = ExtensionManifest.JSON.writeValueAsString(call.args().path("message"));
        String senderJson = ExtensionManifest.JSON.writeValueAsString(sender);
        Answer answer = new Answer(call.binding(), page.binding(), id, message, senderJson, null);
        answer.expect(1);
        String channel = registry.open(answer);
        Platform.runLater(() -> page.deliver(channel, message, senderJson));
        return Map.of("channel", channel);
    }

    /** The Chrome frame id of the calling document: 0 for a top frame, its own id for a subframe whose document it is. */
    private int frameIdOf(BridgeMethod.Call call) {
        int claimed = call.args().path("frameId").asInt(0);
        Map<Integer, String> known = frames.get(call.binding());
        return claimed > 0 && known != null && String.valueOf(call.documentUrl()).equals(known.get(claimed)) ? claimed : 0;
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
     * The background page (or a page of the extension) calls {@code chrome.tabs.sendMessage(tabId, message,
     * {frameId})}: the message goes to the extension's content scripts in every frame of that tab, or in
     * the one frame {@code frameId} names (tab ids are {@code WebContents} ids of this session).
     */
    private static Object tabSend(BridgeMethod.Call call) {
        ExtensionRegistry registry = of(call);
        String id = call.args().path("id").asString("");
        registry.requireExtensionPage(call, id, "chrome.tabs");
        EngineBinding target = registry.tab(call.args().path("tabId"));
        if (target == null) {
            return Map.of("none", true, "error", "No tab with id: " + call.args().path("tabId") + ".");
        }
        JsonNode frame = call.args().path("frameId");
        Integer frameId = frame.isIntegralNumber() ? frame.asInt() : null;
        String message = ExtensionManifest.JSON.writeValueAsString(call.args().path("message"));
        String senderJson = ExtensionManifest.JSON.writeValueAsString(sender(call, id));
        Answer answer = new Answer(call.binding(), target, id, message, senderJson, frameId);
        String channel = registry.open(answer);
        Platform.runLater(() -> {
            Object receivers = null;
            try {
                javafx.scene.web.WebEngine engine = target.engine();
                receivers = engine == null ? null : engine.executeScript(
                        "window.__fxsessionTabDeliver ? window.__fxsessionTabDeliver(" + quote(channel) + ") : 0");
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, "tab did not take an extension message", e);
            }
            if (receivers instanceof Number count && count.intValue() > 0) {
                answer.expect(count.intValue());
            } else {
                answer.fail(NO_RECEIVER);
            }
        });
        return Map.of("channel", channel);
    }

    /** Throws unless the calling document is extension {@code id}'s background page or one of its pages. */
    private void requireExtensionPage(BridgeMethod.Call call, String id, String api) {
        LoadedExtension caller = backgroundOf(call.binding());
        String url = call.documentUrl();
        if ((caller == null || !caller.extension().id().equals(id))
                && (url == null || !url.startsWith(ExtensionResources.SCHEME + "://" + id + "/") || !loaded.containsKey(id))) {
            throw new IllegalArgumentException(api + " is only available to the pages of extension '" + id + "'");
        }
    }

    /** The attached engine whose {@code WebContents} id is {@code tabId}, or {@code null}. */
    private EngineBinding tab(JsonNode tabId) {
        if (!tabId.isIntegralNumber()) {
            return null;
        }
        for (EngineBinding binding : session.bindings()) {
            if (binding.facade() instanceof io.github.fxsession.WebContents tab && tab.getId() == tabId.asInt()) {
                return binding;
            }
        }
        return null;
    }

    /**
     * A frame of a tab takes a message sent on {@code channel}: the message and its sender if the frame is
     * one the message is for (the tab, and the {@code frameId} option), else {@code null}, counted as absent.
     */
    private static Object accept(BridgeMethod.Call call) {
        ExtensionRegistry registry = of(call);
        Answer answer = registry.channels.get(call.args().path("channel").asString(""));
        if (answer == null || answer.responder != call.binding()) {
            return null;
        }
        if (answer.frameId != null && answer.frameId != registry.frameIdOf(call)) {
            answer.report(ExtensionManifest.JSON.createObjectNode().put("absent", true));
            return null;
        }
        return Map.of("id", answer.extensionId, "message", answer.message, "sender", answer.sender);
    }

    /** {@code text} as a JavaScript string literal. */
    static String quote(String text) {
        return ExtensionManifest.JSON.writeValueAsString(text);
    }

    /** A receiver reports on a channel: {@code {channel, response | error | closed | kept | absent}}. */
    private static Object respond(BridgeMethod.Call call) {
        ExtensionRegistry registry = of(call);
        Answer answer = registry.channels.get(call.args().path("channel").asString(""));
        return answer != null && answer.responder == call.binding() && answer.report(call.args());
    }

    /** A content script collects the answer to its message. */
    private static Object poll(BridgeMethod.Call call) {
        ExtensionRegistry registry = of(call);
        String channel = call.args().path("channel").asString("");
        Answer answer = registry.channels.get(channel);
        if (answer == null || answer.asker != call.binding()) {
            return Map.of("done", true, "error", NO_RECEIVER);
        }
        Map<String, Object> result = answer.result();
        if (result == null) {
            if (!registry.loaded.containsKey(answer.extensionId)) {
                registry.channels.remove(channel);
                return Map.of("done", true, "error", NO_RECEIVER);
            }
            return Map.of("done", false);
        }
        registry.channels.remove(channel);
        return result;
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

    /**
     * {@code chrome.storage.local}: {@code {id, op: get|set|remove|clear, keys, items}} answers
     * {@code {result}} (the items, or the changes) or {@code {error}}; changes go to
     * {@code chrome.storage.onChanged} in every context of the extension in the partition.
     */
    private static Object storage(BridgeMethod.Call call) {
        ExtensionRegistry registry = of(call);
        String id = call.args().path("id").asString("");
        ExtensionStorage storage = registry.loaded.containsKey(id) ? registry.storages.get(id) : null;
        if (storage == null) {
            throw new IllegalArgumentException("no extension '" + id + "' in this session");
        }
        Object result;
        try {
            result = storage.apply(call.args());
        } catch (IllegalArgumentException e) {
            return Map.of("error", e.getMessage());
        }
        if (!"get".equals(call.args().path("op").asString("")) && result instanceof JsonNode changes && !changes.isEmpty()) {
            registry.storageChanged(id, ExtensionManifest.JSON.writeValueAsString(changes));
        }
        return Map.of("result", result);
    }

    /** Tells every engine of the partition (their frames tell theirs) about changes in {@code id}'s storage. */
    private void storageChanged(String id, String changesJson) {
        String script = "window.__fxsessionExtStorage && window.__fxsessionExtStorage(" + quote(id) + ", " + quote(changesJson) + ")";
        Platform.runLater(() -> {
            for (EngineBinding binding : session.bindings()) {
                try {
                    javafx.scene.web.WebEngine engine = binding.engine();
                    if (engine != null) {
                        engine.executeScript(script);
                    }
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.DEBUG, "an engine did not take a storage change", e);
                }
            }
        });
    }

    /**
     * {@code chrome.tabs.query/get/update} of an extension page: {@code {result}} or {@code {error}} with
     * Chrome's message, or "not supported in WebView" for what WebContents do not have (windows, an
     * active tab).
     */
    private static Object tabs(BridgeMethod.Call call) {
        ExtensionRegistry registry = of(call);
        String id = call.args().path("id").asString("");
        registry.requireExtensionPage(call, id, "chrome.tabs");
        LoadedExtension extension = registry.loaded.get(id);
        JsonNode info = call.args().path("info");
        try {
            return switch (call.args().path("op").asString("")) {
                case "query" -> Map.of("result", ExtensionTabs.query(registry.session.bindings(), extension, info));
                case "get" -> {
                    EngineBinding tab = registry.tab(call.args().path("tabId"));
                    yield tab == null ? Map.of("error", "No tab with id: " + call.args().path("tabId") + ".")
                            : Map.of("result", ExtensionTabs.describe(tab, extension));
                }
                case "update" -> {
                    EngineBinding tab = registry.tab(call.args().path("tabId"));
                    yield tab == null ? Map.of("error", "No tab with id: " + call.args().path("tabId") + ".")
                            : Map.of("result", ExtensionTabs.update(tab, extension, info));
                }
                default -> Map.of("error", "unknown chrome.tabs operation");
            };
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            return Map.of("error", e.getMessage());
        }
    }

    /** The largest file {@code fetch}/XHR of an extension page reads through the bridge. */
    private static final long MAX_FILE = 16L << 20;

    /**
     * {@code fetch}/XHR of {@code chrome-extension://<id>/...} by the extension's own pages (WebKit refuses
     * the scheme's opaque origin before any handler): {@code {type, base64}} or {@code {error}}.
     */
    private static Object file(BridgeMethod.Call call) {
        ExtensionRegistry registry = of(call);
        String id = call.args().path("id").asString("");
        registry.requireExtensionPage(call, id, "fetch of chrome-extension: URLs");
        String url = call.args().path("url").asString("");
        LoadedExtension extension = registry.loaded.get(id);
        java.nio.file.Path file = extension == null || !ExtensionResources.idOf(url).equals(id) ? null
                : ExtensionResources.resolve(extension.extension().path(), url);
        if (file == null) {
            return Map.of("error", "net::ERR_FILE_NOT_FOUND");
        }
        try {
            if (java.nio.file.Files.size(file) > MAX_FILE) {
                return Map.of("error", "net::ERR_FILE_TOO_BIG");
            }
            return Map.of("type", ProtocolImpl.contentTypeOf(file),
                    "base64", java.util.Base64.getEncoder().encodeToString(java.nio.file.Files.readAllBytes(file)));
        } catch (IOException e) {
            return Map.of("error", "net::ERR_FILE_NOT_FOUND");
        }
    }
}
