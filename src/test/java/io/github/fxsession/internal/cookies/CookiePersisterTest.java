package io.github.fxsession.internal.cookies;

import static io.github.fxsession.internal.cookies.TestCookies.DAY;
import static io.github.fxsession.internal.cookies.TestCookies.NOW;
import static io.github.fxsession.internal.cookies.TestCookies.persistent;
import static io.github.fxsession.internal.cookies.TestCookies.session;
import static io.github.fxsession.testing.FxToolkit.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.fxsession.cookies.SameSite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CookiePersisterTest {

    @TempDir
    Path dir;

    /** The "store": what the persister's source returns. */
    private final AtomicReference<List<StoredCookie>> store = new AtomicReference<>(List.of());
    private final AtomicInteger snapshots = new AtomicInteger();
    private CookiePersister persister;

    @AfterEach
    void close() {
        if (persister != null) {
            persister.close();
        }
    }

    private CookiePersister persister(boolean keepSessionCookies, Duration delay, int maxPending) {
        persister = new CookiePersister("test", CookieFile.in(dir), () -> {
            snapshots.incrementAndGet();
            return store.get();
        }, keepSessionCookies, () -> NOW, delay, maxPending);
        return persister;
    }

    private List<StoredCookie> onDisk() {
        CookieFile.LoadResult loaded = CookieFile.in(dir).read();
        assertThat(loaded.problem()).isNull();
        return loaded.cookies();
    }

    @Test
    void aChangeIsWrittenInTheBackgroundAfterTheDelay() {
        CookiePersister p = persister(false, Duration.ofMillis(100), 1000);
        store.set(List.of(persistent("a", "1")));

        p.changed();

        assertThat(dir.resolve("Cookies.json")).doesNotExist();
        waitUntil("the change is on disk", () -> Files.exists(dir.resolve("Cookies.json")));
        assertThat(onDisk()).containsExactly(persistent("a", "1"));
    }

    @Test
    void changesWithinTheDelayAreCoalescedIntoOneWrite() {
        CookiePersister p = persister(false, Duration.ofMillis(300), 1000);
        for (int i = 0; i < 100; i++) {
            store.set(List.of(persistent("a", String.valueOf(i))));
            p.changed();
        }

        waitUntil("the last change is on disk", () -> Files.exists(dir.resolve("Cookies.json")));

        assertThat(onDisk()).containsExactly(persistent("a", "99"));
        assertThat(snapshots).hasValue(1);
    }

    @Test
    void manyPendingChangesAreWrittenWithoutWaitingForTheDelay() {
        CookiePersister p = persister(false, Duration.ofHours(1), 10);
        store.set(List.of(persistent("a", "1")));

        for (int i = 0; i < 10; i++) {
            p.changed();
        }

        waitUntil("the changes are on disk", () -> Files.exists(dir.resolve("Cookies.json")));
        assertThat(onDisk()).containsExactly(persistent("a", "1"));
    }

    @Test
    void flushWritesWhatTheStoreHoldsAtOnce() {
        CookiePersister p = persister(false, Duration.ofHours(1), 1000);
        store.set(List.of(persistent("a", "1"), persistent("b", "2")));
        p.changed();

        p.flush().join();

        assertThat(onDisk()).containsExactly(persistent("a", "1"), persistent("b", "2"));
    }

    @Test
    void flushWritesEvenWhenTheChangeWasNotAnnouncedYet() {
        CookiePersister p = persister(false, Duration.ofHours(1), 1000);
        store.set(List.of(persistent("a", "1")));

        p.flush().join();

        assertThat(onDisk()).containsExactly(persistent("a", "1"));
    }

    @Test
    void flushWithNothingNewLeavesTheFileAlone() throws IOException {
        CookiePersister p = persister(false, Duration.ofHours(1), 1000);
        store.set(List.of(persistent("a", "1")));
        p.flush().join();
        Files.writeString(dir.resolve("Cookies.json"), "{\"format\":\"fxsession-cookies\",\"version\":1,\"cookies\":[]}");

        p.flush().join();

        assertThat(onDisk()).isEmpty();
    }

    @Test
    void sessionCookiesAreNotWrittenByDefault() {
        CookiePersister p = persister(false, Duration.ofHours(1), 1000);
        store.set(List.of(persistent("kept", "1"), session("dropped", "2")));

        p.flush().join();

        assertThat(onDisk()).extracting(StoredCookie::name).containsExactly("kept");
    }

    @Test
    void sessionCookiesAreWrittenWhenThePartitionKeepsThem() {
        CookiePersister p = persister(true, Duration.ofHours(1), 1000);
        store.set(List.of(persistent("kept", "1"), session("also", "2")));

        p.flush().join();

        assertThat(onDisk()).extracting(StoredCookie::name).containsExactly("kept", "also");
    }

    @Test
    void expiredCookiesAreNotWritten() {
        CookiePersister p = persister(false, Duration.ofHours(1), 1000);
        StoredCookie expired = new StoredCookie("old", "1", "example.com", true, "/", false, false, SameSite.LAX, true,
                NOW, NOW - DAY, NOW - DAY);
        store.set(List.of(expired, persistent("fresh", "2")));

        p.flush().join();

        assertThat(onDisk()).extracting(StoredCookie::name).containsExactly("fresh");
    }

    @Test
    void restorableDropsExpiredCookiesAndSessionCookiesUnlessKept() {
        StoredCookie expired = new StoredCookie("old", "1", "example.com", true, "/", false, false, SameSite.LAX, true,
                NOW - 1, NOW - DAY, NOW - DAY);
        List<StoredCookie> loaded = List.of(expired, persistent("fresh", "2"), session("s", "3"));

        assertThat(CookiePersister.restorable(loaded, NOW, false)).extracting(StoredCookie::name).containsExactly("fresh");
        assertThat(CookiePersister.restorable(loaded, NOW, true)).extracting(StoredCookie::name).containsExactly("fresh", "s");
    }

    @Test
    void closeWritesTheLastChanges() {
        CookiePersister p = persister(false, Duration.ofHours(1), 1000);
        store.set(List.of(persistent("last", "1")));
        p.changed();

        p.close();

        assertThat(onDisk()).extracting(StoredCookie::name).containsExactly("last");
    }

    @Test
    void aFailedWriteFailsTheFlushAndIsRetriedByTheNextOne() throws IOException {
        Path blocker = Files.writeString(dir.resolve("not-a-directory"), "");
        persister = new CookiePersister("test", CookieFile.in(blocker), store::get, false, () -> NOW,
                Duration.ofHours(1), 1000);
        store.set(List.of(persistent("a", "1")));

        CompletionException e = assertThrows(CompletionException.class, () -> persister.flush().join());
        assertThat(e.getCause()).isInstanceOf(UncheckedIOException.class)
                .hasMessage("cannot write the cookie file " + blocker.resolve("Cookies.json").toAbsolutePath());

        Files.delete(blocker);
        persister.flush().join();
        assertThat(CookieFile.in(blocker).read().cookies()).extracting(StoredCookie::name).containsExactly("a");
    }

    /** Measured: 34 ms on an idle 2-core machine (ext4), 253 ms at a load of 26; the bound only catches regressions. */
    @Test
    void aFlushOfAFullStoreIsOneQuickWrite() {
        CookiePersister p = persister(false, Duration.ofHours(1), 1000);
        p.flush().join();
        List<StoredCookie> full = TestCookies.generation(3300, 1);
        store.set(full);

        long start = System.nanoTime();
        p.flush().join();
        long millis = (System.nanoTime() - start) / 1_000_000;

        System.out.println("flush of 3300 cookies: " + millis + " ms, "
                + dir.resolve("Cookies.json").toFile().length() / 1024 + " KiB");
        assertThat(onDisk()).isEqualTo(full);
        assertThat(millis).isLessThan(5000);
    }
}
