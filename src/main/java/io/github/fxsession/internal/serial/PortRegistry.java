package io.github.fxsession.internal.serial;

import com.fazecast.jSerialComm.SerialPort;
import io.github.fxsession.serial.SerialPortInfo;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * The machine's serial ports: what jSerialComm enumerates plus ports added by path (pseudo-terminals,
 * virtual ports), which are present while their path exists. jSerialComm has no hot-plug events, so
 * while someone watches ({@link #watch}) the list is polled and differences reported.
 *
 * <p>An open port whose I/O fails is reported gone at once ({@link #markGone}), not at the next poll: a
 * device unplugged and plugged back between two polls would otherwise look present all along, and its
 * return would go unreported. A poll that began before such a loss does not count the port as present.
 *
 * <p>Threading: any thread; watchers are called on the polling thread.
 */
public final class PortRegistry {

    private static final System.Logger LOG = System.getLogger(PortRegistry.class.getName());
    private static final PortRegistry INSTANCE = new PortRegistry();

    /** Reports a change: (port, added?). */
    public interface Watcher extends BiConsumer<SerialPortInfo, Boolean> {
    }

    private final Map<String, String> addedPaths = new LinkedHashMap<>();
    private final Map<String, String> idsByPath = new LinkedHashMap<>();
    private final List<Watcher> watchers = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fxsession-serial-poll");
        t.setDaemon(true);
        return t;
    });
    private ScheduledFuture<?> polling;
    private Duration interval = Duration.ofMillis(1000);
    private Map<String, SerialPortInfo> last = Map.of();
    /** Losses reported by {@link #markGone}: port id to the {@link #generation} it was lost at. */
    private final Map<String, Long> goneAt = new LinkedHashMap<>();
    private long generation;
    private int nextId = 1;

    public static PortRegistry get() {
        return INSTANCE;
    }

    /**
     * Adds a port jSerialComm cannot enumerate.
     *
     * @throws IllegalArgumentException if the path does not exist
     */
    public SerialPortInfo add(Path path, String displayName) {
        Objects.requireNonNull(path, "path == null");
        String p = path.toString();
        if (!Files.exists(path)) {
            throw new IllegalArgumentException("path does not exist: '" + p + "'");
        }
        synchronized (this) {
            addedPaths.put(p, displayName == null || displayName.isBlank() ? p : displayName);
        }
        return find(idOf(p)).orElseThrow();
    }

    /** Forgets a port added by path; returns whether it was added. */
    public synchronized boolean remove(Path path) {
        return addedPaths.remove(Objects.requireNonNull(path, "path == null").toString()) != null;
    }

    private synchronized String idOf(String path) {
        return idsByPath.computeIfAbsent(path, k -> "serial-" + nextId++);
    }

    /** The path a port id was given to, or {@code null}. */
    synchronized String pathOf(String portId) {
        for (Map.Entry<String, String> e : idsByPath.entrySet()) {
            if (e.getValue().equals(portId)) {
                return e.getKey();
            }
        }
        return null;
    }

    /** The ports present now. */
    public List<SerialPortInfo> ports() {
        Map<String, SerialPortInfo> out = new LinkedHashMap<>();
        SerialPort[] system;
        try {
            system = SerialPort.getCommPorts();
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "jSerialComm cannot enumerate ports: " + e);
            system = new SerialPort[0];
        }
        for (SerialPort port : system) {
            String path = port.getSystemPortPath();
            out.put(path, info(path, port));
        }
        Map<String, String> added;
        synchronized (this) {
            added = new LinkedHashMap<>(addedPaths);
        }
        for (Map.Entry<String, String> e : added.entrySet()) {
            if (!out.containsKey(e.getKey()) && Files.exists(Path.of(e.getKey()))) {
                out.put(e.getKey(), new SerialPortInfo(idOf(e.getKey()), e.getKey(), e.getValue(), "", "", "", ""));
            }
        }
        return List.copyOf(out.values());
    }

    private SerialPortInfo info(String path, SerialPort port) {
        int vid = port.getVendorID();
        int pid = port.getProductID();
        String description = port.getPortDescription();
        String display = addedDisplay(path);
        return new SerialPortInfo(idOf(path), path,
                display != null ? display : description == null || description.isBlank() ? port.getDescriptivePortName() : description,
                vid > 0 ? String.format("%04x", vid) : "", pid > 0 ? String.format("%04x", pid) : "",
                nullToEmpty(port.getSerialNumber()), "");
    }

    private synchronized String addedDisplay(String path) {
        return addedPaths.get(path);
    }

    private static String nullToEmpty(String s) {
        return s == null || s.equalsIgnoreCase("Unknown") ? "" : s;
    }

    public java.util.Optional<SerialPortInfo> find(String portId) {
        return ports().stream().filter(p -> p.portId().equals(portId)).findFirst();
    }

    /** Sets the polling interval (at least 10 ms). */
    public synchronized void setInterval(Duration interval) {
        Objects.requireNonNull(interval, "interval == null");
        if (interval.toMillis() < 10) {
            throw new IllegalArgumentException("interval must be at least 10 ms: '" + interval + "'");
        }
        this.interval = interval;
        if (polling != null) {
            polling.cancel(false);
            polling = schedule();
        }
    }

    public synchronized Duration interval() {
        return interval;
    }

    /** Reports changes to {@code watcher} until the returned runnable runs. */
    public Runnable watch(Watcher watcher) {
        Objects.requireNonNull(watcher, "watcher == null");
        synchronized (this) {
            if (watchers.isEmpty()) {
                last = byId(ports());
                polling = schedule();
            } else {
                // the newcomer's baseline is now: report what changed since the last poll to the others first
                poll();
            }
            watchers.add(watcher);
        }
        return () -> {
            synchronized (this) {
                if (watchers.remove(watcher) && watchers.isEmpty() && polling != null) {
                    polling.cancel(false);
                    polling = null;
                }
            }
        };
    }

    private ScheduledFuture<?> schedule() {
        long ms = interval.toMillis();
        return poller.scheduleWithFixedDelay(this::poll, ms, ms, TimeUnit.MILLISECONDS);
    }

    private void poll() {
        try {
            long started;
            synchronized (this) {
                started = generation;
            }
            Map<String, SerialPortInfo> now = byId(ports());
            List<Map.Entry<SerialPortInfo, Boolean>> changes = new ArrayList<>();
            synchronized (this) {
                // a port lost since this poll began was seen before its loss: not present
                goneAt.forEach((id, at) -> {
                    if (at > started) {
                        now.remove(id);
                    }
                });
                goneAt.values().removeIf(at -> at <= started);
                Map<String, SerialPortInfo> before = last;
                last = now;
                before.forEach((id, port) -> {
                    if (!now.containsKey(id)) {
                        changes.add(Map.entry(port, false));
                    }
                });
                now.forEach((id, port) -> {
                    if (!before.containsKey(id)) {
                        changes.add(Map.entry(port, true));
                    }
                });
            }
            report(changes);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "polling serial ports failed", e);
        }
    }

    /**
     * Reports {@code portId} gone now (its open connection's I/O failed); no-op when it is already known
     * gone. The next poll that finds it reports it added again.
     */
    public void markGone(String portId) {
        List<Map.Entry<SerialPortInfo, Boolean>> changes = new ArrayList<>();
        synchronized (this) {
            goneAt.put(portId, ++generation);
            if (last.containsKey(portId)) {
                Map<String, SerialPortInfo> now = new LinkedHashMap<>(last);
                changes.add(Map.entry(now.remove(portId), false));
                last = now;
            }
        }
        report(changes);
    }

    /** Whether the last poll (or loss) left {@code portId} present (tests). */
    synchronized boolean knownPresent(String portId) {
        return last.containsKey(portId);
    }

    private void report(List<Map.Entry<SerialPortInfo, Boolean>> changes) {
        for (Map.Entry<SerialPortInfo, Boolean> change : changes) {
            for (Watcher w : watchers) {
                try {
                    w.accept(change.getKey(), change.getValue());
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "a serial port watcher threw", e);
                }
            }
        }
    }

    private static Map<String, SerialPortInfo> byId(List<SerialPortInfo> ports) {
        Map<String, SerialPortInfo> map = new LinkedHashMap<>();
        for (SerialPortInfo p : ports) {
            map.put(p.portId(), p);
        }
        return map;
    }
}
