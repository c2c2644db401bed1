package io.github.fxsession.internal.cookies;

import io.github.fxsession.cookies.SameSite;
import java.util.List;
import java.util.stream.IntStream;

/** Stored cookies for persistence tests. */
final class TestCookies {

    /** 2026-01-01T00:00:00Z, a fixed "now" for the tests. */
    static final long NOW = 1_767_225_600_000L;
    static final long DAY = 86_400_000L;

    private TestCookies() {
    }

    /** A persistent cookie for {@code example.com} that expires a day after {@link #NOW}. */
    static StoredCookie persistent(String name, String value) {
        return new StoredCookie(name, value, "example.com", true, "/", false, false, SameSite.LAX, true,
                NOW + DAY, NOW - DAY, NOW);
    }

    /** A session cookie (no expiry) for {@code example.com}. */
    static StoredCookie session(String name, String value) {
        return new StoredCookie(name, value, "example.com", true, "/", false, false, SameSite.LAX, false,
                Long.MAX_VALUE, NOW - DAY, NOW);
    }

    /** {@code count} persistent cookies of about Chromium's average size, their values carrying {@code generation}. */
    static List<StoredCookie> generation(int count, long generation) {
        return IntStream.range(0, count)
                .mapToObj(i -> new StoredCookie("cookie" + i, generation + "-" + "v".repeat(40), "host" + (i % 50)
                        + ".example.com", i % 2 == 0, "/path/" + (i % 7), i % 3 == 0, i % 5 == 0,
                        SameSite.values()[i % 4], true, NOW + 400 * DAY, NOW - i, NOW))
                .toList();
    }
}
