package io.github.fxsession.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * A pair of connected pseudo-terminals made by socat ({@code socat -d -d pty,raw,echo=0 pty,raw,echo=0}):
 * bytes written to one end are read at the other. {@link #unplug()} kills socat, which removes both
 * devices, as an unplugged USB adapter would. Tests needing it are skipped when socat is not installed
 * ({@code .ci/run} installs it).
 */
public final class PtyPair implements AutoCloseable {

    private static final Pattern PTY = Pattern.compile("PTY is (\\S+)");
    private final Process process;
    private final Path a;
    private final Path b;

    private PtyPair(Process process, Path a, Path b) {
        this.process = process;
        this.a = a;
        this.b = b;
    }

    /** Starts socat; skips the test (an assumption naming socat) when socat is not installed. */
    public static PtyPair open() throws IOException {
        return start("pty,raw,echo=0", "pty,raw,echo=0", null, null);
    }

    /**
     * Starts socat with symbolic links to the two devices at {@code linkA} and {@code linkB} (socat removes
     * them when it ends), so that a pair started again at the same links is the same port "plugged back";
     * {@link #a()} and {@link #b()} are the links.
     */
    public static PtyPair openAt(Path linkA, Path linkB) throws IOException {
        PtyPair pair = start("pty,raw,echo=0,link=" + linkA, "pty,raw,echo=0,link=" + linkB, linkA, linkB);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!(Files.exists(linkA) && Files.exists(linkB))) {
            if (System.nanoTime() > deadline) {
                pair.process.destroyForcibly();
                throw new IOException("socat did not create " + linkA + " and " + linkB);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for socat's links", e);
            }
        }
        return pair;
    }

    private static PtyPair start(String first, String second, Path linkA, Path linkB) throws IOException {
        Assumptions.assumeTrue(socatInstalled(), "socat is not installed: the serial tests need it (apt-get install socat)");
        Process process = new ProcessBuilder("socat", "-d", "-d", first, second)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
        List<Path> paths = new ArrayList<>();
        String line;
        while (paths.size() < 2 && (line = err.readLine()) != null) {
            Matcher m = PTY.matcher(line);
            if (m.find()) {
                paths.add(Path.of(m.group(1)));
            }
        }
        if (paths.size() < 2) {
            process.destroyForcibly();
            throw new IOException("socat did not report two pseudo-terminals");
        }
        Thread drain = new Thread(() -> {
            try {
                while (err.readLine() != null) {
                    // keep socat's stderr from filling up
                }
            } catch (IOException e) {
                // socat ended
            }
        }, "socat-stderr");
        drain.setDaemon(true);
        drain.start();
        return new PtyPair(process, linkA != null ? linkA : paths.get(0), linkB != null ? linkB : paths.get(1));
    }

    private static boolean socatInstalled() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, "socat"))) {
                return true;
            }
        }
        return false;
    }

    /** The end given to the code under test. */
    public Path a() {
        return a;
    }

    /** The test's end. */
    public Path b() {
        return b;
    }

    /** Kills socat: both devices disappear. */
    public void unplug() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    /** Opens the test's end with jSerialComm (reads wait up to 5 s). */
    public com.fazecast.jSerialComm.SerialPort openB() {
        com.fazecast.jSerialComm.SerialPort port = com.fazecast.jSerialComm.SerialPort.getCommPort(b.toString());
        port.setComPortTimeouts(com.fazecast.jSerialComm.SerialPort.TIMEOUT_READ_SEMI_BLOCKING, 5000, 0);
        if (!port.openPort()) {
            throw new IllegalStateException("cannot open " + b);
        }
        return port;
    }

    /** Reads exactly {@code n} bytes from {@code port} as ISO-8859-1 text; fails on a timeout. */
    public static String read(com.fazecast.jSerialComm.SerialPort port, int n) {
        // ISO-8859-1: one char per byte, so binary data survives
        byte[] buffer = new byte[n];
        int done = 0;
        while (done < n) {
            int r = port.readBytes(buffer, n - done, done);
            if (r <= 0) {
                throw new AssertionError("read " + done + " of " + n + " bytes: " + new String(buffer, 0, done, StandardCharsets.US_ASCII));
            }
            done += r;
        }
        return new String(buffer, StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws InterruptedException {
        unplug();
    }
}
