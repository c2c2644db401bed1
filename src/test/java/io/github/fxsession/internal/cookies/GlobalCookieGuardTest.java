package io.github.fxsession.internal.cookies;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JVM-wide handler keeps WebKit's page-blind document.cookie path empty and leaves other traffic alone. */
class GlobalCookieGuardTest {

    private static final URI SCRIPT = URI.create("javascript://example.com/page");
    private static final URI SECURE_SCRIPT = URI.create("javascripts://example.com/page");
    private static final URI HTTP = URI.create("http://example.com/page");

    @Test
    void scriptCallsWithoutAPageGetNothingAndStoreNothing() throws Exception {
        CookieManager previous = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        GlobalCookieGuard guard = new GlobalCookieGuard(previous);
        guard.put(SCRIPT, Map.of("Set-Cookie", List.of("leak=1")));
        guard.put(SECURE_SCRIPT, Map.of("Set-Cookie", List.of("leak=2")));
        assertThat(guard.get(SCRIPT, Map.of())).isEmpty();
        assertThat(guard.get(SECURE_SCRIPT, Map.of())).isEmpty();
        assertThat(previous.getCookieStore().getCookies()).isEmpty();
    }

    @Test
    void otherTrafficGoesToTheHandlerInstalledBefore() throws Exception {
        CookieManager previous = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        GlobalCookieGuard guard = new GlobalCookieGuard(previous);
        guard.put(HTTP, Map.of("Set-Cookie", List.of("app=1")));
        assertThat(guard.get(HTTP, Map.of())).containsEntry("Cookie", List.of("app=1"));
    }

    @Test
    void withoutAnEarlierHandlerOtherTrafficHasNoCookiesAsInThePlainJdk() throws Exception {
        GlobalCookieGuard guard = new GlobalCookieGuard(null);
        guard.put(HTTP, Map.of("Set-Cookie", List.of("app=1")));
        assertThat(guard.get(HTTP, Map.of())).isEmpty();
    }

    @Test
    void installingTwiceKeepsOneGuard() {
        GlobalCookieGuard.install();
        CookieHandler first = CookieHandler.getDefault();
        GlobalCookieGuard.install();
        assertThat(CookieHandler.getDefault()).isSameAs(first).isInstanceOf(GlobalCookieGuard.class);
    }
}
