package io.github.fxsession.internal.cookies;

import io.github.fxsession.testing.CrashLoop;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The main class of a child JVM that writes a cookie file as hard as it can until it is killed. It starts
 * up (writing and reading a small file elsewhere, so that its classes are loaded), waits for "go"
 * ({@link CrashLoop#awaitGo()}), loads {@code <dir>/Cookies.json} (printing {@code LOADED <generation>}, or
 * {@code CORRUPT <problem>} and exit code 3), then replaces all its cookies with those of the next
 * generation again and again, through a {@link CookiePersister} with a short delay, and flushes every
 * other generation, acknowledging ({@link CrashLoop#ack}) the generation each time a flush completed.
 */
public final class CookieWriterChild {

    /** Cookies in each generation. */
    static final int COUNT = 500;
    static final String LOADED = "LOADED ";
    static final String CORRUPT = "CORRUPT ";

    private CookieWriterChild() {
    }

    public static void main(String[] args) throws IOException {
        Path warmUp = Files.createTempDirectory("cookie-writer-");
        CookieFile.in(warmUp).write(TestCookies.generation(10, 1));
        CookieFile.in(warmUp).read();
        Files.delete(warmUp.resolve(CookieFile.FILE_NAME));
        Files.delete(warmUp);
        CrashLoop.awaitGo();
        CookieFile file = CookieFile.in(Path.of(args[0]));
        CookieFile.LoadResult loaded = file.read();
        if (loaded.corrupt()) {
            System.out.println(CORRUPT + loaded.problem());
            System.exit(3);
        }
        long generation = generationOf(loaded.cookies());
        System.out.println(LOADED + generation);
        AtomicReference<List<StoredCookie>> store = new AtomicReference<>(loaded.cookies());
        CookiePersister persister = new CookiePersister("crash-test", file, store::get, false, () -> TestCookies.NOW,
                Duration.ofMillis(2), 1000);
        while (true) {
            generation++;
            store.set(TestCookies.generation(COUNT, generation));
            persister.changed();
            if (generation % 2 == 0) {
                persister.flush().join();
                CrashLoop.ack(generation);
            }
        }
    }

    /** The generation of a file written by this class; 0 for an empty one; -1 when its cookies disagree. */
    static long generationOf(List<StoredCookie> cookies) {
        if (cookies.isEmpty()) {
            return 0;
        }
        long generation = Long.parseLong(cookies.getFirst().value().substring(0, cookies.getFirst().value().indexOf('-')));
        return cookies.equals(TestCookies.generation(COUNT, generation)) ? generation : -1;
    }
}
