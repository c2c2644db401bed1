package io.github.fxsession.internal.serial;

import com.fazecast.jSerialComm.SerialPort;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * One open port: a reader thread hands chunks of up to {@code bufferSize} bytes to a consumer, a writer
 * thread writes queued chunks. Nothing runs on the FX Application Thread.
 *
 * <p>Threading: any thread.
 */
final class SerialConnection implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(SerialConnection.class.getName());

    private final SerialPort port;
    private final String path;
    private final ExecutorService writer;
    private final Thread reader;
    private final Consumer<byte[]> onData;
    private final Runnable onLost;
    private volatile boolean closed;

    private SerialConnection(SerialPort port, String path, int bufferSize, Consumer<byte[]> onData, Runnable onLost) {
        this.port = port;
        this.path = path;
        this.onData = onData;
        this.onLost = onLost;
        this.writer = Executors.newSingleThreadExecutor(r -> daemon(r, "fxsession-serial-write " + path));
        this.reader = daemon(() -> read(bufferSize), "fxsession-serial-read " + path);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /**
     * Opens {@code path} with {@code options}.
     *
     * @throws OpenOptions.WebError NetworkError when the port cannot be opened
     */
    static SerialConnection open(String path, OpenOptions options, Consumer<byte[]> onData, Runnable onLost) {
        SerialPort port = SerialPort.getCommPort(path);
        port.setComPortParameters(options.baudRate(), options.dataBits(),
                options.stopBits() == 2 ? SerialPort.TWO_STOP_BITS : SerialPort.ONE_STOP_BIT,
                switch (options.parity()) {
                    case "even" -> SerialPort.EVEN_PARITY;
                    case "odd" -> SerialPort.ODD_PARITY;
                    default -> SerialPort.NO_PARITY;
                });
        port.setFlowControl(options.flowControl().equals("hardware")
                ? SerialPort.FLOW_CONTROL_RTS_ENABLED | SerialPort.FLOW_CONTROL_CTS_ENABLED
                : SerialPort.FLOW_CONTROL_DISABLED);
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING, 100, 0);
        if (!port.openPort(0, options.bufferSize(), options.bufferSize())) {
            throw new OpenOptions.WebError("NetworkError", "Failed to open serial port.");
        }
        SerialConnection connection = new SerialConnection(port, path, options.bufferSize(), onData, onLost);
        connection.reader.start();
        return connection;
    }

    private void read(int bufferSize) {
        byte[] buffer = new byte[Math.max(bufferSize, 1)];
        while (!closed) {
            int n;
            try {
                n = port.readBytes(buffer, buffer.length);
            } catch (RuntimeException e) {
                n = -1;
            }
            if (closed) {
                return;
            }
            if (n < 0 || (n == 0 && !Files.exists(Path.of(path)))) {
                lost();
                return;
            }
            if (n > 0) {
                onData.accept(Arrays.copyOf(buffer, n));
            }
        }
    }

    private void lost() {
        if (!closed) {
            close();
            onLost.run();
        }
    }

    /** Writes {@code bytes}; completes when the port took them, exceptionally (NetworkError) when lost. */
    CompletableFuture<Void> write(byte[] bytes) {
        return CompletableFuture.runAsync(() -> {
            int done = 0;
            while (done < bytes.length) {
                if (closed) {
                    throw new OpenOptions.WebError("NetworkError", "The device has been lost.");
                }
                int n = port.writeBytes(bytes, bytes.length - done, done);
                if (n < 0) {
                    writer.execute(this::lost);
                    throw new OpenOptions.WebError("NetworkError", "The device has been lost.");
                }
                done += n;
            }
        }, writer);
    }

    /** Sets the given output signals ({@code dataTerminalReady}, {@code requestToSend}, {@code break}). */
    void setSignals(Boolean dtr, Boolean rts, Boolean brk) {
        boolean ok = true;
        if (dtr != null) {
            ok &= dtr ? port.setDTR() : port.clearDTR();
        }
        if (rts != null) {
            ok &= rts ? port.setRTS() : port.clearRTS();
        }
        if (brk != null) {
            ok &= brk ? port.setBreak() : port.clearBreak();
        }
        if (!ok) {
            throw new OpenOptions.WebError("NetworkError", "Failed to set control signals.");
        }
    }

    /** The input signals as the specification names them. */
    Map<String, Object> signals() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("dataCarrierDetect", port.getDCD());
        s.put("clearToSend", port.getCTS());
        s.put("ringIndicator", port.getRI());
        s.put("dataSetReady", port.getDSR());
        return s;
    }

    boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        writer.shutdown();
        try {
            port.closePort();
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, "closing " + path + " failed", e);
        }
    }
}
