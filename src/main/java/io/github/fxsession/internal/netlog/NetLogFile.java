package io.github.fxsession.internal.netlog;

import io.github.fxsession.netlog.CaptureMode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.json.JsonMapper;

/**
 * One net log being written: Chromium's NetLog JSON ({@code {"constants": {...}, "events": [...]}}),
 * one event per line, into {@code <path>.part}, moved to {@code path} (after fsync) when it is closed.
 * Events that would make the file larger than its limit are dropped, so the file always ends valid.
 *
 * <p>Threading: any thread; writes are serialized.
 */
public final class NetLogFile {

    /** Chromium's event types this log writes; their numbers are declared in the constants. */
    static final List<String> EVENT_TYPES = List.of("REQUEST_ALIVE", "URL_REQUEST_START_JOB",
            "HOST_RESOLVER_MANAGER_REQUEST", "TCP_CONNECT", "SSL_CONNECT", "HTTP_TRANSACTION_SEND_REQUEST_HEADERS",
            "HTTP_TRANSACTION_READ_RESPONSE_HEADERS", "URL_REQUEST_JOB_FILTERED_BYTES_READ");
    static final int PHASE_NONE = 0;
    static final int PHASE_BEGIN = 1;
    static final int PHASE_END = 2;
    private static final int SOURCE_URL_REQUEST = 1;
    private static final byte[] TAIL = "\n],\n\"polledData\":{}}\n".getBytes(StandardCharsets.US_ASCII);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path target;
    private final Path part;
    private final CaptureMode mode;
    private final long maxFileSize;
    private final FileChannel channel;
    private final OutputStream out;
    private final long tickOffsetMillis;
    private final AtomicInteger sources = new AtomicInteger();
    private long written;
    private boolean first = true;
    private boolean closed;
    private long dropped;

    private NetLogFile(Path target, CaptureMode mode, long maxFileSize) throws IOException {
        this.target = target;
        this.part = target.resolveSibling(target.getFileName() + ".part");
        this.mode = mode;
        this.maxFileSize = maxFileSize;
        Path parent = target.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        this.channel = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
        this.out = new java.io.BufferedOutputStream(Channels.newOutputStream(channel), 64 * 1024);
        this.tickOffsetMillis = System.currentTimeMillis() - ticks();
    }

    /** Creates {@code <target>.part} and writes the constants. */
    public static NetLogFile open(Path target, CaptureMode mode, long maxFileSize) throws IOException {
        NetLogFile file = new NetLogFile(target, mode, maxFileSize);
        try {
            file.writeHeader();
        } catch (IOException | RuntimeException e) {
            file.abandon();
            throw e;
        }
        return file;
    }

    private void writeHeader() throws IOException {
        Map<String, Object> eventTypes = new LinkedHashMap<>();
        for (int i = 0; i < EVENT_TYPES.size(); i++) {
            eventTypes.put(EVENT_TYPES.get(i), i);
        }
        Map<String, Object> constants = new LinkedHashMap<>();
        constants.put("logFormatVersion", 1);
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("name", "fxsession");
        client.put("version", String.valueOf(NetLogFile.class.getModule().getDescriptor() == null ? ""
                : NetLogFile.class.getModule().getDescriptor().rawVersion().orElse("")));
        client.put("os_type", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        client.put("command_line", "");
        constants.put("clientInfo", client);
        constants.put("activeFieldTrialGroups", List.of());
        constants.put("timeTickOffset", Long.toString(tickOffsetMillis));
        constants.put("logEventTypes", eventTypes);
        constants.put("logSourceType", Map.of("NONE", 0, "URL_REQUEST", SOURCE_URL_REQUEST));
        constants.put("logEventPhase", Map.of("PHASE_NONE", PHASE_NONE, "PHASE_BEGIN", PHASE_BEGIN, "PHASE_END", PHASE_END));
        constants.put("logCaptureMode", mode.electronName());
        constants.put("netError", NetErrors.CONSTANTS);
        constants.put("loadFlag", Map.of("NORMAL", 0));
        constants.put("loadState", Map.of("IDLE", 0));
        constants.put("addressFamily", Map.of("ADDRESS_FAMILY_UNSPECIFIED", 0, "ADDRESS_FAMILY_IPV4", 1, "ADDRESS_FAMILY_IPV6", 2));
        constants.put("certStatusFlag", Map.of());
        constants.put("quicError", Map.of());
        constants.put("quicRstStreamError", Map.of());
        byte[] header = ("{\"constants\":" + JSON.writeValueAsString(constants) + ",\n\"events\":[\n")
                .getBytes(StandardCharsets.UTF_8);
        out.write(header);
        written = header.length;
    }

    /** What is recorded. */
    public CaptureMode mode() {
        return mode;
    }

    /** A new {@code URL_REQUEST} source of this log. */
    Source newSource() {
        return new Source(this, sources.incrementAndGet(), ticks());
    }

    /** Appends one event, unless the file would outgrow its limit or is closed. */
    void event(Source source, String type, int phase, Map<String, Object> params) {
        Map<String, Object> event = new LinkedHashMap<>();
        if (params != null && !params.isEmpty()) {
            event.put("params", params);
        }
        event.put("phase", phase);
        event.put("source", Map.of("id", source.id(), "start_time", Long.toString(source.startTicks()),
                "type", SOURCE_URL_REQUEST));
        event.put("time", Long.toString(ticks()));
        event.put("type", EVENT_TYPES.indexOf(type));
        byte[] line = JSON.writeValueAsBytes(event);
        synchronized (this) {
            if (closed) {
                return;
            }
            long size = written + (first ? 0 : 2) + line.length + TAIL.length;
            if (size > maxFileSize) {
                dropped++;
                return;
            }
            try {
                if (!first) {
                    out.write(',');
                    out.write('\n');
                }
                out.write(line);
                written = size - TAIL.length;
                first = false;
            } catch (IOException e) {
                System.getLogger(NetLogFile.class.getName()).log(System.Logger.Level.WARNING,
                        "net log " + part + ": write failed, logging ends", e);
                closed = true;
            }
        }
    }

    /** Ends the JSON, forces it to disk and moves it to its path. */
    synchronized Path close() throws IOException {
        if (closed && !channel.isOpen()) {
            throw new IOException("net log " + part + " could not be written");
        }
        closed = true;
        try (channel) {
            out.write(TAIL);
            out.flush();
            channel.force(true);
        }
        Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        if (dropped > 0) {
            System.getLogger(NetLogFile.class.getName()).log(System.Logger.Level.INFO,
                    "net log " + target + ": " + dropped + " events dropped to stay within maxFileSize " + maxFileSize);
        }
        return target;
    }

    private void abandon() {
        closed = true;
        try {
            channel.close();
            Files.deleteIfExists(part);
        } catch (IOException e) {
            // the creation failure is what the caller reports
        }
    }

    private static long ticks() {
        return System.nanoTime() / 1_000_000L;
    }

    /** One {@code URL_REQUEST} source: the events of one request. */
    record Source(NetLogFile file, int id, long startTicks) {
        void begin(String type, Map<String, Object> params) {
            file.event(this, type, PHASE_BEGIN, params);
        }

        void end(String type, Map<String, Object> params) {
            file.event(this, type, PHASE_END, params);
        }

        void point(String type, Map<String, Object> params) {
            file.event(this, type, PHASE_NONE, params);
        }
    }
}
