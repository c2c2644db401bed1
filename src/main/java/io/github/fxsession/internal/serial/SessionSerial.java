package io.github.fxsession.internal.serial;

import io.github.fxsession.WebContents;
import io.github.fxsession.internal.util.Listeners;
import io.github.fxsession.serial.SelectSerialPortEvent;
import io.github.fxsession.serial.SelectSerialPortListener;
import io.github.fxsession.serial.SerialPortInfo;
import io.github.fxsession.serial.SerialPortListener;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.util.Subscription;

/**
 * One partition's Web Serial state: its event listeners, the chooser, the ports granted to each origin
 * ({@link SerialGrants}: on disk for persistent partitions), and the documents told when a granted port
 * appears or disappears.
 *
 * <h2>Presence</h2>
 * While at least one document listens ({@link #watchPresence}), the partition has one watcher on the
 * {@link PortRegistry}'s poller, which compares successive port lists: a document hears only transitions
 * (gone to present: connect, present to gone: disconnect) of ports granted to its origin, never a repeat.
 *
 * <p>Threading: listeners are called on the FX Application Thread; the rest any thread.
 */
public final class SessionSerial {

    private static final System.Logger LOG = System.getLogger(SessionSerial.class.getName());

    /** A {@code SerialPortFilter}: USB vendor and product ids, or -1 when absent. */
    public record Filter(int usbVendorId, int usbProductId) {
        boolean matches(SerialPortInfo port) {
            if (usbVendorId >= 0 && !hex(usbVendorId).equals(port.vendorId())) {
                return false;
            }
            return usbProductId < 0 || hex(usbProductId).equals(port.productId());
        }
    }

    /** Shows the default chooser; answers a port id or "" through {@code answer}; returns a live view. */
    public interface Chooser {
        Chooser.View show(WebContents webContents, String origin, List<SerialPortInfo> ports, Consumer<String> answer);

        /** The shown chooser: follows the port list, closes when the request ends. */
        interface View {
            void update(List<SerialPortInfo> ports);

            void close();
        }
    }

    private final List<SelectSerialPortListener> selectListeners = new CopyOnWriteArrayList<>();
    private final List<SerialPortListener> addedListeners = new CopyOnWriteArrayList<>();
    private final List<SerialPortListener> removedListeners = new CopyOnWriteArrayList<>();
    private final SerialGrants granted;
    private final List<Presence> presence = new CopyOnWriteArrayList<>();
    private Runnable unwatchRegistry;
    private volatile Chooser chooser = SerialChooser::show;

    /** A document listening for its origin's granted ports: {@code sink} gets (port, present?). */
    private record Presence(String origin, BiConsumer<SerialPortInfo, Boolean> sink) {
    }

    /** State kept in {@code storageDirectory} ({@code null}: in memory, for the process). */
    public SessionSerial(Path storageDirectory) {
        this.granted = new SerialGrants(storageDirectory);
        SerialBridge.install();
    }

    static String hex(int id) {
        return String.format("%04x", id);
    }

    public Subscription onSelect(SelectSerialPortListener listener) {
        return subscribe(selectListeners, Objects.requireNonNull(listener, "listener == null"));
    }

    public Subscription onAdded(SerialPortListener listener) {
        return subscribe(addedListeners, Objects.requireNonNull(listener, "listener == null"));
    }

    public Subscription onRemoved(SerialPortListener listener) {
        return subscribe(removedListeners, Objects.requireNonNull(listener, "listener == null"));
    }

    private static <T> Subscription subscribe(List<T> list, T listener) {
        return Listeners.add(list, listener);
    }

    /** For tests of the logic without dialogs. */
    public void setChooser(Chooser chooser) {
        this.chooser = Objects.requireNonNull(chooser, "chooser == null");
    }

    /**
     * A page's {@code requestPort}: the select event, else the chooser; completes with the chosen port
     * (granted to {@code origin}), or exceptionally with {@link OpenOptions.WebError} NotFoundError.
     * Starts on the FX Application Thread.
     */
    public CompletableFuture<SerialPortInfo> requestPort(WebContents webContents, String origin, List<Filter> filters) {
        CompletableFuture<SerialPortInfo> result = new CompletableFuture<>();
        PortRegistry registry = PortRegistry.get();
        AtomicBoolean answered = new AtomicBoolean();
        Chooser.View[] view = new Chooser.View[1];
        Runnable unwatch = registry.watch((port, added) -> {
            if (!matches(filters, port)) {
                return;
            }
            Platform.runLater(() -> {
                if (result.isDone()) {
                    return;
                }
                for (SerialPortListener l : added ? addedListeners : removedListeners) {
                    try {
                        l.changed(port, webContents);
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "a serial-port listener threw", e);
                    }
                }
                if (view[0] != null) {
                    view[0].update(matching(filters));
                }
            });
        });
        Consumer<String> answer = portId -> {
            if (!answered.compareAndSet(false, true)) {
                return;
            }
            String id = portId == null ? "" : portId;
            SerialPortInfo chosen = id.isEmpty() ? null
                    : matching(filters).stream().filter(p -> p.portId().equals(id)).findFirst().orElse(null);
            if (chosen == null) {
                result.completeExceptionally(new OpenOptions.WebError("NotFoundError", "No port selected by the user."));
            } else {
                granted.grant(origin, chosen.portName());
                result.complete(chosen);
            }
        };
        result.whenComplete((p, f) -> {
            unwatch.run();
            if (view[0] != null) {
                Platform.runLater(view[0]::close);
            }
        });
        List<SerialPortInfo> ports = matching(filters);
        SelectSerialPortEvent event = new SelectSerialPortEvent();
        for (SelectSerialPortListener l : selectListeners) {
            try {
                l.select(event, ports, webContents, answer::accept);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "a select-serial-port listener threw", e);
            }
        }
        if (!event.isDefaultPrevented() && !result.isDone()) {
            try {
                view[0] = chooser.show(webContents, origin, ports, answer);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "the serial port chooser failed", e);
                answer.accept("");
            }
        }
        return result;
    }

    /** The ports present now that match {@code filters} (all when empty). */
    public List<SerialPortInfo> matching(List<Filter> filters) {
        List<SerialPortInfo> out = new ArrayList<>();
        for (SerialPortInfo p : PortRegistry.get().ports()) {
            if (matches(filters, p)) {
                out.add(p);
            }
        }
        return out;
    }

    private static boolean matches(List<Filter> filters, SerialPortInfo port) {
        return filters.isEmpty() || filters.stream().anyMatch(f -> f.matches(port));
    }

    public boolean isGranted(String origin, String portId) {
        return granted.isGranted(origin, PortRegistry.get().pathOf(portId));
    }

    /** {@code port.forget()}: the origin loses the port. */
    public void forget(String origin, String portId) {
        String path = PortRegistry.get().pathOf(portId);
        if (path != null) {
            granted.revoke(origin, path);
        }
    }

    /** {@code getPorts()}: the present ports granted to {@code origin}. */
    public List<SerialPortInfo> grantedPorts(String origin) {
        return PortRegistry.get().ports().stream().filter(p -> isGranted(origin, p.portId())).toList();
    }

    /** Forgets the grants of {@code origin} ({@code null}: every origin); clearStorageData. */
    public void clearGrants(String origin) {
        granted.clear(origin);
    }

    /** Completes when every grant change made so far is on disk. */
    public CompletableFuture<Void> flushGrants() {
        return granted.flush();
    }

    /**
     * Tells {@code sink} (on the polling thread) when a port granted to {@code origin} appears (true) or
     * disappears (false), until the returned runnable runs.
     */
    public Runnable watchPresence(String origin, BiConsumer<SerialPortInfo, Boolean> sink) {
        Presence p = new Presence(origin, Objects.requireNonNull(sink, "sink == null"));
        synchronized (presence) {
            presence.add(p);
            if (unwatchRegistry == null) {
                unwatchRegistry = PortRegistry.get().watch(this::transition);
            }
        }
        return () -> {
            synchronized (presence) {
                if (presence.remove(p) && presence.isEmpty() && unwatchRegistry != null) {
                    unwatchRegistry.run();
                    unwatchRegistry = null;
                }
            }
        };
    }

    private void transition(SerialPortInfo port, boolean present) {
        for (Presence p : presence) {
            if (granted.isGranted(p.origin(), port.portName())) {
                try {
                    p.sink().accept(port, present);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "a serial presence listener threw", e);
                }
            }
        }
    }
}
