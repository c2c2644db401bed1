package io.github.fxsession.internal.serial;

import io.github.fxsession.WebContents;
import io.github.fxsession.internal.bridge.BridgeMethod;
import io.github.fxsession.internal.bridge.PageBridge;
import io.github.fxsession.internal.permission.PermissionBridge;
import io.github.fxsession.internal.permission.PermissionBridge.Channel;
import io.github.fxsession.internal.permission.PermissionManager;
import io.github.fxsession.internal.session.EngineBinding;
import io.github.fxsession.permission.Permission;
import io.github.fxsession.serial.SerialPortInfo;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;

/**
 * The Java side of {@code bridge-modules/serial.js} ({@code navigator.serial}).
 *
 * <h2>Asynchronous answers</h2>
 * Bridge calls are synchronous on the FX thread and must not block, so {@code requestPort} and
 * {@code open} return a channel id at once and answer later on that channel: the permission bridge's
 * channels ({@link PermissionBridge#openChannel}: 128 random bits, only the calling frame knows the id),
 * collected by the page with {@code permission.poll} when woken, else every 500 ms. An open port's
 * channel also carries the bytes read (base64 chunks of up to {@code bufferSize} bytes, as the reader
 * thread got them) and finally {@code lost} when the device goes away. Writes are one synchronous call per
 * chunk the page writes, the bytes as a string of one char per byte (cheaper for the page than
 * {@code btoa}, see docs/performance.md): they are queued to the port's writer thread and the call answers how many
 * bytes are still queued; above {@value #HIGH_WATER} the page waits for a {@code drain} message.
 *
 * <p>Threading: bridge methods on the FX Application Thread; port I/O on jSerialComm threads.
 */
public final class SerialBridge {

    /** Queued bytes above which the page's writer waits for a {@code drain}. */
    static final long HIGH_WATER = 1 << 20;
    /** Open ports, by channel id; FX thread. */
    private static final Map<String, Open> OPEN = new ConcurrentHashMap<>();

    static {
        PageBridge.register("serial.requestPort", SerialBridge::requestPort);
        PageBridge.register("serial.getPorts", SerialBridge::getPorts);
        PageBridge.register("serial.open", SerialBridge::open);
        PageBridge.register("serial.write", SerialBridge::write);
        PageBridge.register("serial.setSignals", SerialBridge::setSignals);
        PageBridge.register("serial.getSignals", SerialBridge::getSignals);
        PageBridge.register("serial.close", SerialBridge::close);
        PageBridge.register("serial.forget", SerialBridge::forget);
        PageBridge.register("serial.watch", SerialBridge::watch);
    }

    private SerialBridge() {
    }

    /** Registers the bridge methods (idempotent). */
    static void install() {
        // the static initializer did it
    }

    /** An open port and its page. */
    private static final class Open {
        final Channel channel;
        final EngineBinding binding;
        final String portId;
        final AtomicLong pending = new AtomicLong();
        volatile boolean draining;
        volatile SerialConnection connection;

        Open(Channel channel, EngineBinding binding, String portId) {
            this.channel = channel;
            this.binding = binding;
            this.portId = portId;
        }
    }

    private static SessionSerial serial(BridgeMethod.Call call) {
        return call.binding().session().serial();
    }

    static Map<String, Object> describe(SerialPortInfo port) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("portId", port.portId());
        if (!port.vendorId().isEmpty()) {
            out.put("usbVendorId", Integer.parseInt(port.vendorId(), 16));
            out.put("usbProductId", Integer.parseInt(port.productId(), 16));
        }
        return out;
    }

    static List<SessionSerial.Filter> filters(JsonNode args) {
        List<SessionSerial.Filter> out = new ArrayList<>();
        for (JsonNode f : args.path("filters")) {
            boolean vendor = f.has("usbVendorId");
            boolean product = f.has("usbProductId");
            if (!vendor && !product) {
                throw new OpenOptions.WebError("TypeError", "A filter must provide a property to filter by.");
            }
            if (product && !vendor) {
                throw new OpenOptions.WebError("TypeError", "A filter containing a usbProductId must also specify a usbVendorId.");
            }
            out.add(new SessionSerial.Filter(f.path("usbVendorId").asInt(-1), product ? f.path("usbProductId").asInt(-1) : -1));
        }
        return out;
    }

    private static Object requestPort(BridgeMethod.Call call) {
        Channel channel = PermissionBridge.openChannel(call.binding());
        if (PermissionBridge.check(call, Permission.SERIAL) == PermissionManager.State.DENIED) {
            PermissionBridge.post(channel, PermissionBridge.error("SecurityError",
                    "Access to the feature \"serial\" is disallowed by permissions policy."), true);
            return Map.of("id", channel.id());
        }
        List<SessionSerial.Filter> filters;
        try {
            filters = filters(call.args());
        } catch (OpenOptions.WebError e) {
            PermissionBridge.post(channel, PermissionBridge.error(e.name, e.getMessage()), true);
            return Map.of("id", channel.id());
        }
        String origin = PermissionBridge.verifiedOriginOrUrl(call);
        CompletableFuture<SerialPortInfo> chosen = serial(call).requestPort(
                (WebContents) call.binding().facade(), origin, filters);
        channel.setOnClose(() -> chosen.cancel(false));
        chosen.whenComplete((port, failed) -> PermissionBridge.post(channel, failed == null
                ? PermissionBridge.result(describe(port)) : errorOf(failed), true));
        return Map.of("id", channel.id());
    }

    static Map<String, Object> errorOf(Throwable failed) {
        Throwable cause = failed instanceof CompletionException && failed.getCause() != null ? failed.getCause() : failed;
        if (cause instanceof OpenOptions.WebError e) {
            return PermissionBridge.error(e.name, e.getMessage());
        }
        return PermissionBridge.error("NotFoundError", "No port selected by the user.");
    }

    private static Object getPorts(BridgeMethod.Call call) {
        if (PermissionBridge.check(call, Permission.SERIAL) == PermissionManager.State.DENIED) {
            return List.of();
        }
        return serial(call).grantedPorts(PermissionBridge.verifiedOriginOrUrl(call)).stream()
                .map(SerialBridge::describe).toList();
    }

    private static SerialPortInfo grantedPort(BridgeMethod.Call call) {
        String portId = call.args().path("portId").asString("");
        String origin = PermissionBridge.verifiedOriginOrUrl(call);
        if (!serial(call).isGranted(origin, portId)) {
            throw new OpenOptions.WebError("NotFoundError", "The port has been forgotten.");
        }
        return PortRegistry.get().find(portId)
                .orElseThrow(() -> new OpenOptions.WebError("NetworkError", "Failed to open serial port."));
    }

    private static Object open(BridgeMethod.Call call) {
        Channel channel = PermissionBridge.openChannel(call.binding());
        String portId = call.args().path("portId").asString("");
        Open open = new Open(channel, call.binding(), portId);
        OpenOptions options;
        SerialPortInfo port;
        try {
            options = OpenOptions.parse(call.args().path("options"));
            port = grantedPort(call);
            for (Open other : OPEN.values()) {
                if (other.portId.equals(portId)) {
                    throw new OpenOptions.WebError("InvalidStateError", "The port is already open.");
                }
            }
        } catch (OpenOptions.WebError e) {
            PermissionBridge.post(channel, PermissionBridge.error(e.name, e.getMessage()), true);
            return Map.of("id", channel.id());
        }
        OPEN.put(channel.id(), open);
        // Leaving the page closes its ports, as in browsers (frames: when the main document changes).
        untilLeft(call, channel, () -> closeOpen(open));
        CompletableFuture.runAsync(() -> {
            try {
                open.connection = SerialConnection.open(port.portName(), options,
                        bytes -> PermissionBridge.post(channel, data(bytes), false),
                        () -> {
                            OPEN.remove(channel.id());
                            PermissionBridge.post(channel, PermissionBridge.event("lost"), true);
                            PortRegistry.get().markGone(portId);
                        });
                if (!OPEN.containsKey(channel.id())) {
                    // closed (the page left or closed it) while opening
                    open.connection.close();
                    return;
                }
                PermissionBridge.post(channel, PermissionBridge.result(null), false);
            } catch (OpenOptions.WebError e) {
                OPEN.remove(channel.id());
                PermissionBridge.post(channel, PermissionBridge.error(e.name, e.getMessage()), true);
            }
        });
        return Map.of("id", channel.id());
    }

    /** Runs {@code end} once, when the page leaves (its main document changes) or closes {@code channel}. */
    private static void untilLeft(BridgeMethod.Call call, Channel channel, Runnable end) {
        javafx.scene.web.WebEngine engine = call.binding().engine();
        javafx.beans.value.ChangeListener<org.w3c.dom.Document> navigation = new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends org.w3c.dom.Document> obs,
                    org.w3c.dom.Document old, org.w3c.dom.Document now) {
                obs.removeListener(this);
                end.run();
            }
        };
        if (engine != null) {
            engine.documentProperty().addListener(navigation);
        }
        channel.setOnClose(() -> {
            if (engine != null) {
                engine.documentProperty().removeListener(navigation);
            }
            end.run();
        });
    }

    /**
     * {@code connect}/{@code disconnect}: a channel on which the calling document hears its origin's
     * granted ports appear and disappear, until it leaves. A port open in this page is left out of
     * "disappeared": its reader reports the loss ({@code lost}) when its I/O fails, so the page hears it
     * once; the page's module also fires an event only when a port's state changes.
     */
    private static Object watch(BridgeMethod.Call call) {
        Channel channel = PermissionBridge.openChannel(call.binding());
        EngineBinding binding = call.binding();
        Runnable unwatch = serial(call).watchPresence(PermissionBridge.verifiedOriginOrUrl(call), (port, present) -> {
            if (!present && isOpenIn(binding, port.portId())) {
                return;
            }
            Map<String, Object> m = PermissionBridge.event(present ? "connect" : "disconnect");
            m.put("port", describe(port));
            PermissionBridge.post(channel, m, false);
        });
        untilLeft(call, channel, unwatch);
        return Map.of("id", channel.id());
    }

    private static boolean isOpenIn(EngineBinding binding, String portId) {
        for (Open open : OPEN.values()) {
            if (open.binding == binding && open.portId.equals(portId)) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Object> data(byte[] bytes) {
        Map<String, Object> m = PermissionBridge.event("data");
        m.put("data", Base64.getEncoder().encodeToString(bytes));
        return m;
    }

    private static Open openOf(BridgeMethod.Call call) {
        Open open = OPEN.get(call.args().path("handle").asString(""));
        if (open == null || open.binding != call.binding() || open.connection == null) {
            throw new IllegalArgumentException("InvalidStateError: The port is closed.");
        }
        return open;
    }

    private static Object write(BridgeMethod.Call call) {
        Open open = openOf(call);
        String text = call.args().path("bytes").asString("");
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0xff) {
                throw new IllegalArgumentException("TypeError: not a byte string at index " + i);
            }
        }
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        long pending = open.pending.addAndGet(bytes.length);
        if (pending > HIGH_WATER) {
            open.draining = true;
        }
        open.connection.write(bytes).whenComplete((v, failed) -> {
            long left = open.pending.addAndGet(-bytes.length);
            if (left <= HIGH_WATER / 2 && open.draining) {
                open.draining = false;
                PermissionBridge.post(open.channel, PermissionBridge.event("drain"), false);
            }
        });
        return Map.of("pending", pending, "wait", pending > HIGH_WATER);
    }

    private static Object setSignals(BridgeMethod.Call call) {
        Open open = openOf(call);
        JsonNode a = call.args();
        try {
            open.connection.setSignals(flag(a, "dataTerminalReady"), flag(a, "requestToSend"), flag(a, "break"));
        } catch (OpenOptions.WebError e) {
            throw new IllegalArgumentException(e.name + ": " + e.getMessage());
        }
        return null;
    }

    private static Boolean flag(JsonNode args, String name) {
        return args.has(name) ? args.path(name).asBoolean() : null;
    }

    private static Object getSignals(BridgeMethod.Call call) {
        return openOf(call).connection.signals();
    }

    private static Object close(BridgeMethod.Call call) {
        Open open = OPEN.get(call.args().path("handle").asString(""));
        if (open != null && open.binding == call.binding()) {
            closeOpen(open);
            PermissionBridge.post(open.channel, PermissionBridge.event("closed"), true);
        }
        return null;
    }

    private static void closeOpen(Open open) {
        OPEN.remove(open.channel.id());
        SerialConnection connection = open.connection;
        if (connection != null) {
            connection.close();
        }
    }

    private static Object forget(BridgeMethod.Call call) {
        serial(call).forget(PermissionBridge.verifiedOriginOrUrl(call), call.args().path("portId").asString(""));
        return null;
    }

    /** Open ports (tests). */
    static int openPorts() {
        return OPEN.size();
    }
}
