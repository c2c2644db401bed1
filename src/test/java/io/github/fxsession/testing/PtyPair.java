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
        Assumptions.assumeTrue(socatInstalled(), "socat is not installed: the serial tests need it (apt-get install socat)");
        Process process = new ProcessBuilder("socat", "-d", "-d", "pty,raw,echo=0", "pty,raw,echo=0")
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
        return new PtyPair(process, paths.get(0), paths.get(1));
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

    @Override
    public void close() throws InterruptedException {
        unplug();
    }
}
