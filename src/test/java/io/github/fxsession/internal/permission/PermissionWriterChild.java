package io.github.fxsession.internal.permission;

import io.github.fxsession.permission.Permission;
import io.github.fxsession.permission.RememberedPermission;
import io.github.fxsession.testing.CrashLoop;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The main class of a child JVM that remembers permission decisions as fast as it can until it is killed.
 * Decision number {@code n} is for the site {@link #origin}{@code (n)} (one of {@value #SITES}, in turn),
 * grants when {@code n} is even, and is dated {@code n} ms after the epoch, so that the file tells which
 * decision each entry is. After its warm-up and "go" ({@link CrashLoop#awaitGo()}) it loads
 * {@code <dir>/Permissions.json} (printing {@code LOADED <last n>}), then remembers one decision after
 * the other, waiting for each to be on disk ({@link PermissionStore#flush()}) and acknowledging its number.
 */
public final class PermissionWriterChild {

    static final int SITES = 100;
    static final String LOADED = "LOADED ";

    private PermissionWriterChild() {
    }

    public static void main(String[] args) throws IOException {
        Path warmUp = Files.createTempDirectory("permission-writer-");
        PermissionStore warm = new PermissionStore(warmUp, "warm-up", Clock.systemUTC());
        warm.remember(origin(0), Permission.GEOLOCATION, true);
        warm.flush().join();
        new PermissionStore(warmUp, "warm-up", Clock.systemUTC()).list();
        Files.delete(warmUp.resolve(PermissionStore.FILE_NAME));
        Files.delete(warmUp);
        CrashLoop.awaitGo();

        AtomicLong n = new AtomicLong();
        PermissionStore store = new PermissionStore(Path.of(args[0]), "crash-test", new NumberClock(n));
        long last = store.list().stream().mapToLong(PermissionWriterChild::numberOf).max().orElse(0);
        System.out.println(LOADED + last);
        for (n.set(last + 1); ; n.incrementAndGet()) {
            store.remember(origin(n.get()), Permission.GEOLOCATION, n.get() % 2 == 0);
            store.flush().join();
            CrashLoop.ack(n.get());
        }
    }

    /** Tells the number of the decision being made as its time, in ms after the epoch. */
    private static final class NumberClock extends Clock {
        private final AtomicLong n;

        NumberClock(AtomicLong n) {
            this.n = n;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(n.get());
        }
    }

    /** The site of decision {@code n}. */
    static String origin(long n) {
        return "https://site" + (n % SITES) + ".example";
    }

    /** The number of a decision this class remembered. */
    static long numberOf(RememberedPermission decision) {
        return decision.decidedAt().toEpochMilli();
    }
}
