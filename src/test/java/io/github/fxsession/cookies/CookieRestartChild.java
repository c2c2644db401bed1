package io.github.fxsession.cookies;

import io.github.fxsession.PartitionOptions;
import io.github.fxsession.Session;
import java.time.Duration;
import java.time.Instant;

/**
 * The main class of the child JVMs of {@link CookiePersistenceTest}: one run of an application, under the
 * user-data root given in {@code -Dfxsession.userDataPath}.
 *
 * <p>{@code write <partition> <keepSessionCookies>} sets the persistent cookie {@code kept=1} and the
 * session cookie {@code session=2} on {@code https://example.com/}, flushes the store, prints
 * {@code WRITTEN} and halts (no shutdown hook runs: only the flush can have saved them).
 * {@code write-exit} sets them without flushing and exits normally. {@code read} prints one
 * {@code COOKIE name=value} line per cookie, then {@code DONE}.
 */
public final class CookieRestartChild {

    static final String WRITTEN = "WRITTEN";
    static final String COOKIE = "COOKIE ";
    static final String DONE = "DONE";

    private CookieRestartChild() {
    }

    public static void main(String[] args) {
        String mode = args[0];
        Session session = Session.fromPartition(args[1],
                PartitionOptions.DEFAULTS.withPersistSessionCookies(Boolean.parseBoolean(args[2])));
        Cookies cookies = session.cookies();
        switch (mode) {
            case "write", "write-exit" -> {
                cookies.set(CookieDetails.builder("https://example.com/").name("kept").value("1")
                        .expirationDate(Instant.now().plus(Duration.ofDays(1))).build()).join();
                cookies.set(CookieDetails.builder("https://example.com/").name("session").value("2").build()).join();
                if (mode.equals("write")) {
                    cookies.flushStore().join();
                    System.out.println(WRITTEN);
                    System.out.flush();
                    Runtime.getRuntime().halt(0);
                }
                System.out.println(WRITTEN);
                System.exit(0);
            }
            case "read" -> {
                for (Cookie cookie : cookies.get(CookieFilter.all()).join()) {
                    System.out.println(COOKIE + cookie.name() + "=" + cookie.value());
                }
                System.out.println(DONE);
            }
            default -> throw new IllegalArgumentException("unknown mode: '" + mode + "'");
        }
    }
}
