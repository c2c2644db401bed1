package io.github.fxsession.internal.permission;

import io.github.fxsession.internal.bridge.BridgeMethod;
import io.github.fxsession.internal.bridge.PageBridge;
import io.github.fxsession.internal.session.EngineBinding;
import io.github.fxsession.permission.ExternalUrlOpener;
import io.github.fxsession.permission.GeolocationPosition;
import io.github.fxsession.permission.GeolocationProvider;
import io.github.fxsession.permission.MediaType;
import io.github.fxsession.permission.Permission;
import io.github.fxsession.permission.PermissionRequestDetails;
import java.lang.System.Logger.Level;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.scene.input.Clipboard;
import javafx.scene.web.WebEngine;
import javafx.stage.Stage;
import tools.jackson.databind.JsonNode;

/**
 * The Java side of {@code bridge-modules/permissions.js}: permission requests and checks from pages,
 * and the web APIs behind them.
 *
 * <h2>Asynchronous answers</h2>
 * Bridge calls are synchronous, but a decision may take a dialog or an application handler's time.
 * {@code permission.request} therefore returns at once with a channel id (128 random bits) and the
 * answer, and later events (notification clicks, leaving full screen), are queued on that channel. The
 * page collects them with {@code permission.poll(ids)}, a synchronous call from the very frame that
 * asked, so answers never need routing between frames. To make that immediate, a message is queued
 * along with a wake-up: {@code executeScript} in the main frame posts {@value #WAKE} to every frame
 * (frames of any origin accept {@code postMessage}); each frame's module, whose capture listener runs
 * before any page listener, swallows it and polls. The wake-up carries nothing, so a page that forges
 * or swallows one gains nothing (the module also polls every 500 ms while a channel is open). Ids are
 * unguessable, and only the frame that opened a channel knows its id.
 *
 * <p>Threading: FX Application Thread.
 */
public final class PermissionBridge {

    static final String WAKE = "__fxsession_wake__";
    private static final String WAKE_SCRIPT = "(function f(x){try{x.postMessage('" + WAKE + "','*')}catch(e){}"
            + "var n=0;try{n=x.frames.length}catch(e){}for(var i=0;i<n;i++){try{f(x.frames[i])}catch(e){}}})(window)";
    private static final System.Logger LOG = System.getLogger(PermissionBridge.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Channels whose page stopped collecting are dropped after this long. */
    private static final long IDLE_NANOS = 10L * 60 * 1_000_000_000L;
    /** FX thread only. */
    private static final Map<String, Channel> CHANNELS = new LinkedHashMap<>();
    private static final Set<EngineBinding> WAKING = ConcurrentHashMap.newKeySet();

    static {
        PageBridge.register("permission.request", PermissionBridge::request);
        PageBridge.register("permission.check", PermissionBridge::check);
        PageBridge.register("permission.poll", PermissionBridge::poll);
        PageBridge.register("notification.show", PermissionBridge::showNotification);
        PageBridge.register("permission.close", PermissionBridge::closeChannel);
        PageBridge.register("fullscreen.exit", PermissionBridge::exitFullscreen);
    }

    private PermissionBridge() {
    }

    /** Registers the bridge methods (idempotent). */
    static void install() {
        // the static initializer did it
    }

    /**
     * One conversation with a frame: queued messages and what to undo when it ends. Other capabilities'
     * bridges (Web Serial) use channels too: {@link #openChannel}, {@link #post}; their page modules collect
     * with {@code permission.poll} and listen to the same wake-up message.
     */
    public static final class Channel {
        final String id;
        final EngineBinding binding;
        final Deque<Map<String, Object>> queue = new ArrayDeque<>();
        long touched = System.nanoTime();
        Permission permission;
        boolean granted;
        boolean finished;
        Runnable onClose = () -> { };

        Channel(String id, EngineBinding binding) {
            this.id = id;
            this.binding = binding;
        }

        /** The channel's id, as the page knows it. */
        public String id() {
            return id;
        }

        /** What to undo when the page closes the channel or stops collecting; FX thread. */
        public void setOnClose(Runnable onClose) {
            this.onClose = onClose;
        }
    }

    /** Opens a channel to the frame that calls; FX thread. */
    public static Channel openChannel(EngineBinding binding) {
        return open(binding);
    }

    /** The calling frame's origin if proven, else its URL ({@code "null"} when unknown). */
    public static String verifiedOriginOrUrl(BridgeMethod.Call call) {
        Requester requester = requester(call);
        return requester.verified() && requester.origin() != null ? requester.origin() : String.valueOf(requester.url());
    }

    /** The session's answer to a permission check from the calling frame; FX thread. */
    public static PermissionManager.State check(BridgeMethod.Call call, Permission permission) {
        return manager(call.binding()).check(requester(call), permission, null);
    }

    private static Channel open(EngineBinding binding) {
        long now = System.nanoTime();
        CHANNELS.values().removeIf(c -> now - c.touched > IDLE_NANOS && dispose(c));
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        Channel channel = new Channel(HexFormat.of().formatHex(bytes), binding);
        CHANNELS.put(channel.id, channel);
        return channel;
    }

    private static boolean dispose(Channel channel) {
        try {
            channel.onClose.run();
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, "closing a permission channel failed", e);
        }
        return true;
    }

    /** Queues a message for the frame of {@code channel} and wakes it; any thread. */
    public static void post(Channel channel, Map<String, Object> message, boolean last) {
        if (!Platform.isFxApplicationThread()) {
            Platform.runLater(() -> post(channel, message, last));
            return;
        }
        if (channel.finished) {
            return;
        }
        message.put("id", channel.id);
        message.put("last", last);
        channel.queue.add(message);
        channel.finished = last;
        wake(channel.binding);
    }

    private static void wake(EngineBinding binding) {
        if (!WAKING.add(binding)) {
            return;
        }
        Platform.runLater(() -> {
            WAKING.remove(binding);
            WebEngine engine = binding.engine();
            if (engine == null) {
                return;
            }
            try {
                engine.executeScript(WAKE_SCRIPT);
            } catch (RuntimeException e) {
                LOG.log(Level.DEBUG, "waking the page failed; it polls: " + e.getMessage());
            }
        });
    }

    public static Map<String, Object> result(Object value) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", "result");
        message.put("value", value);
        return message;
    }

    public static Map<String, Object> error(String name, String text) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", "result");
        message.put("error", Map.of("name", name, "message", text));
        return message;
    }

    public static Map<String, Object> event(String type) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", type);
        return message;
    }

    static PermissionManager manager(EngineBinding binding) {
        return binding.session().permissions();
    }

    /** Who calls: proven by the document's bridge capability, else by being what the engine shows. */
    static Requester requester(BridgeMethod.Call call) {
        EngineBinding binding = call.binding();
        String claimed = call.args().path("url").asString("");
        boolean top = call.args().path("top").asBoolean(false);
        WebEngine engine = binding.engine();
        String location = engine == null ? null : engine.getLocation();
        String served = call.documentUrl();
        String url;
        boolean verified;
        if (served != null) {
            String claimedOrigin = Origins.of(claimed);
            url = claimedOrigin != null && claimedOrigin.equals(Origins.of(served)) ? claimed : served;
            verified = true;
        } else {
            url = claimed;
            // A document that did not come through the chain (loadContent, file:) is trusted as what the
            // engine shows only while the engine's main document did not come through the chain either.
            verified = top && claimed.equals(location) && !claimed.equals(binding.topDocumentUrl());
        }
        // The engine's location follows frame loads while a page loads; the main document the chain served
        // last is the main frame's (documents that did not come through the chain: the engine's location).
        String topUrl = binding.topDocumentUrl() != null ? binding.topDocumentUrl() : location;
        return new Requester(binding, url, Origins.of(url), top, verified, Origins.of(topUrl));
    }

    static Permission permission(JsonNode args) {
        String name = args.path("permission").asString("");
        try {
            return Permission.fromElectronName(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown permission '" + name + "'");
        }
    }

    private static List<MediaType> mediaTypes(JsonNode args) {
        List<MediaType> types = new ArrayList<>();
        for (JsonNode type : args.path("mediaTypes")) {
            switch (type.asString("")) {
                case "video" -> types.add(MediaType.VIDEO);
                case "audio" -> types.add(MediaType.AUDIO);
                default -> { }
            }
        }
        return types;
    }

    private static Object request(BridgeMethod.Call call) {
        JsonNode args = call.args();
        Permission permission = permission(args);
        // What follows a grant is fixed by the permission, never chosen by the page: a grant of one
        // permission must not unlock another API.
        String then = permission.electronName();
        Requester requester = requester(call);
        PermissionManager manager = manager(call.binding());
        Channel channel = open(call.binding());
        String externalUrl = permission == Permission.OPEN_EXTERNAL ? args.path("externalURL").asString(null) : null;
        PermissionRequestDetails details = new PermissionRequestDetails(requester.url(), requester.mainFrame(),
                permission == Permission.MEDIA ? mediaTypes(args) : List.of(), externalUrl);
        if (permission == Permission.OPEN_EXTERNAL && externalUrl != null && !isExternal(externalUrl)) {
            post(channel, error("NotAllowedError", "not an external URL: " + externalUrl), true);
            return Map.of("id", channel.id);
        }
        if (permission == Permission.OPEN_EXTERNAL && (externalUrl == null || manager.externalUrlOpener() == null)) {
            LOG.log(Level.WARNING, () -> "no ExternalUrlOpener is set on " + call.binding().session()
                    + "; not opening " + externalUrl);
            post(channel, error("NotAllowedError", "no application handler opens external URLs"), true);
            return Map.of("id", channel.id);
        }
        Channel watch = CHANNELS.get(args.path("watch").asString(""));
        channel.permission = permission;
        CompletableFuture<Boolean> decision = permission == Permission.GEOLOCATION && watch != null && watch.granted
                && watch.permission == Permission.GEOLOCATION && watch.binding == call.binding()
                ? CompletableFuture.completedFuture(true)
                : manager.request(requester, permission, details);
        decision.whenComplete((granted, failed) -> Platform.runLater(() -> {
            if (failed != null || !Boolean.TRUE.equals(granted)) {
                post(channel, then.equals("notifications") ? result("denied") : denied(then), true);
            } else {
                channel.granted = true;
                act(then, channel, requester, args, manager);
            }
        }));
        return Map.of("id", channel.id);
    }

    /** Schemes the engine loads itself; {@code openExternal} never hands them to the host. */
    private static final Set<String> INTERNAL_SCHEMES = Set.of("http", "https", "file", "about", "data", "blob",
            "javascript", "jar", "jrt");

    static boolean isExternal(String url) {
        int colon = url.indexOf(':');
        if (colon <= 0) {
            return false;
        }
        String scheme = url.substring(0, colon).toLowerCase(java.util.Locale.ROOT);
        return scheme.matches("[a-z][a-z0-9+.-]*") && !INTERNAL_SCHEMES.contains(scheme);
    }

    private static Map<String, Object> denied(String then) {
        return switch (then) {
            case "fullscreen" -> error("TypeError", "Permissions check failed");
            case "clipboard-read" -> error("NotAllowedError", "Read permission denied.");
            default -> error("NotAllowedError", "Permission denied");
        };
    }

    /** What the page asked for, once allowed. */
    private static void act(String then, Channel channel, Requester requester, JsonNode args, PermissionManager manager) {
        switch (then) {
            case "notifications" -> post(channel, result("granted"), true);
            case "clipboard-read" -> {
                String text = Clipboard.getSystemClipboard().getString();
                post(channel, result(text == null ? "" : text), true);
            }
            case "geolocation" -> locate(channel, manager.geolocationProvider(), args.path("highAccuracy").asBoolean(false),
                    !args.path("keep").asBoolean(false));
            case "fullscreen" -> enterFullscreen(channel, requester);
            case "pointerLock" -> post(channel, error("NotSupportedError",
                    "WebView cannot lock the mouse pointer"), true);
            case "media" -> post(channel, error("NotFoundError",
                    "Requested device not found: WebView cannot capture audio or video"), true);
            case "display-capture" -> post(channel, error("NotSupportedError",
                    "WebView cannot capture the screen"), true);
            case "openExternal" -> {
                ExternalUrlOpener opener = manager.externalUrlOpener();
                String url = args.path("externalURL").asString("");
                try {
                    opener.open(url);
                    post(channel, result(true), true);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "the ExternalUrlOpener failed on " + url, e);
                    post(channel, error("NotAllowedError", "the application could not open the URL"), true);
                }
            }
            default -> post(channel, result(true), true);
        }
    }

    private static void locate(Channel channel, GeolocationProvider provider, boolean highAccuracy, boolean last) {
        if (provider == null) {
            post(channel, positionError(2, "no location provider"), last);
            return;
        }
        CompletableFuture<GeolocationPosition> position;
        try {
            position = provider.currentPosition(highAccuracy).toCompletableFuture();
        } catch (RuntimeException e) {
            position = CompletableFuture.failedFuture(e);
        }
        position.whenComplete((where, failed) -> {
            if (failed != null || where == null) {
                Throwable cause = failed instanceof java.util.concurrent.CompletionException && failed.getCause() != null
                        ? failed.getCause() : failed;
                post(channel, positionError(2, cause == null ? "no position" : String.valueOf(cause.getMessage())), last);
                return;
            }
            Map<String, Object> value = new LinkedHashMap<>();
            value.put("latitude", where.latitude());
            value.put("longitude", where.longitude());
            value.put("accuracy", where.accuracy());
            value.put("timestamp", System.currentTimeMillis());
            post(channel, result(value), last);
        });
    }

    private static Map<String, Object> positionError(int code, String text) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", "result");
        message.put("error", Map.of("name", "GeolocationPositionError", "message", text, "code", code));
        return message;
    }

    private static void enterFullscreen(Channel channel, Requester requester) {
        Stage stage = Windows.stageOf(requester.binding().engine());
        if (stage == null) {
            post(channel, error("TypeError", "Fullscreen request denied: the page is not shown in a window"), true);
            return;
        }
        ChangeListener<Boolean> listener = new ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> obs, Boolean old, Boolean now) {
                if (!now) {
                    stage.fullScreenProperty().removeListener(this);
                    channel.onClose.run();
                    post(channel, event("exit"), true);
                }
            }
        };
        WebEngine engine = requester.binding().engine();
        // Leaving the page leaves full screen, as in browsers.
        ChangeListener<org.w3c.dom.Document> navigation = new ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends org.w3c.dom.Document> obs,
                    org.w3c.dom.Document old, org.w3c.dom.Document now) {
                engine.documentProperty().removeListener(this);
                stage.setFullScreen(false);
            }
        };
        stage.setFullScreen(true);
        stage.fullScreenProperty().addListener(listener);
        engine.documentProperty().addListener(navigation);
        channel.onClose = () -> {
            stage.fullScreenProperty().removeListener(listener);
            engine.documentProperty().removeListener(navigation);
            stage.setFullScreen(false);
        };
        post(channel, result(true), false);
    }

    private static Object exitFullscreen(BridgeMethod.Call call) {
        Channel channel = CHANNELS.get(call.args().path("id").asString(""));
        if (channel != null && channel.binding == call.binding()) {
            Stage stage = Windows.stageOf(call.binding().engine());
            if (stage != null) {
                stage.setFullScreen(false);
            }
            if (!channel.finished) {
                post(channel, event("exit"), true);
            }
        }
        return null;
    }

    private static Object check(BridgeMethod.Call call) {
        Permission permission = permission(call.args());
        MediaType mediaType = switch (call.args().path("mediaType").asString("")) {
            case "video" -> MediaType.VIDEO;
            case "audio" -> MediaType.AUDIO;
            default -> MediaType.UNKNOWN;
        };
        return manager(call.binding()).check(requester(call), permission, mediaType).web;
    }

    private static Object poll(BridgeMethod.Call call) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (JsonNode id : call.args().path("ids")) {
            Channel channel = CHANNELS.get(id.asString(""));
            if (channel == null || channel.binding != call.binding()) {
                continue;
            }
            channel.touched = System.nanoTime();
            while (!channel.queue.isEmpty()) {
                out.add(channel.queue.poll());
            }
            if (channel.finished) {
                CHANNELS.remove(channel.id);
            }
        }
        return out;
    }

    private static Object showNotification(BridgeMethod.Call call) {
        JsonNode args = call.args();
        Requester requester = requester(call);
        Channel channel = open(call.binding());
        if (manager(call.binding()).check(requester, Permission.NOTIFICATIONS, null) != PermissionManager.State.GRANTED) {
            post(channel, event("error"), true);
            return Map.of("id", channel.id);
        }
        String title = args.path("title").asString("");
        String body = args.path("body").asString("");
        String site = requester.origin() == null ? requester.url() : requester.origin();
        NotificationPopup popup = new NotificationPopup(Windows.windowOf(call.binding().engine()), title, body, site,
                () -> post(channel, event("click"), false));
        channel.onClose = popup::close;
        popup.show(() -> post(channel, event("close"), true));
        post(channel, event("show"), false);
        return Map.of("id", channel.id);
    }

    private static Object closeChannel(BridgeMethod.Call call) {
        Channel channel = CHANNELS.get(call.args().path("id").asString(""));
        if (channel != null && channel.binding == call.binding()) {
            CHANNELS.remove(channel.id);
            channel.finished = true;
            dispose(channel);
        }
        return null;
    }

    /** The open channels (tests). */
    static int openChannels() {
        return CHANNELS.size();
    }
}
