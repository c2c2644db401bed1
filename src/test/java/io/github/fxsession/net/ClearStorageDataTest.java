package io.github.fxsession.net;

import static io.github.fxsession.testing.FxToolkit.loadAndWait;
import static io.github.fxsession.testing.FxToolkit.onFx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.fxsession.Session;
import io.github.fxsession.cookies.Cookie;
import io.github.fxsession.cookies.CookieDetails;
import io.github.fxsession.cookies.CookieFilter;
import io.github.fxsession.testing.FxToolkit;
import io.github.fxsession.testing.Pages;
import io.github.fxsession.testing.SessionChain;
import io.github.fxsession.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.web.WebView;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** clearStorageData and flushStorageData act on everything a partition stores, open pages included. */
@ExtendWith(FxToolkit.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClearStorageDataTest {

    @RegisterExtension
    final TestServer one = TestServer.start();
    @RegisterExtension
    final TestServer two = TestServer.start();

    private static final ClearStorageDataOptions LOCAL_STORAGE =
            ClearStorageDataOptions.builder().storages(StorageType.LOCALSTORAGE).build();

    @BeforeAll
    void routes() {
        for (TestServer server : List.of(one, two)) {
            server.route("/page.html", "text/html", "<html><body>page</body></html>");
            server.route("/cached.txt", r -> new MockResponse.Builder().setHeader("Content-Type", "text/plain")
                    .setHeader("Cache-Control", "max-age=3600").body("cached").build());
        }
    }

    private static String origin(TestServer server) {
        String url = server.url("/");
        return url.substring(0, url.length() - 1);
    }

    private static Object get(WebView view, String key) {
        return Pages.eval(view, "String(localStorage.getItem('" + key + "'))");
    }

    private static void set(WebView view, String key, String value) {
        Pages.eval(view, "localStorage.setItem('" + key + "', '" + value + "')");
    }

    private static <T> T await(java.util.concurrent.CompletableFuture<T> future) throws Exception {
        return future.get(60, TimeUnit.SECONDS);
    }

    @Test
    void openPageSeesItsLocalStorageEmptyAtOnce() throws Exception {
        Session session = Session.fromPartition("clear-open");
        WebView view = Pages.open(session, one.url("/page.html"));
        set(view, "k", "v");
        await(session.clearStorageData(LOCAL_STORAGE));
        assertThat(get(view, "k")).isEqualTo("null");
    }

    @Test
    void onlyTheGivenOriginIsCleared() throws Exception {
        Session session = Session.fromPartition("clear-origin");
        WebView first = Pages.open(session, one.url("/page.html"));
        WebView second = Pages.open(session, two.url("/page.html"));
        set(first, "k", "one");
        set(second, "k", "two");
        await(session.clearStorageData(ClearStorageDataOptions.builder().origin(origin(one) + "/")
                .storages(StorageType.LOCALSTORAGE).build()));
        assertThat(get(first, "k")).isEqualTo("null");
        assertThat(get(second, "k")).isEqualTo("two");
    }

    @Test
    void originWithoutAnOpenPageIsClearedToo() throws Exception {
        Session session = Session.fromPartition("clear-closed");
        WebView view = Pages.open(session, one.url("/page.html"));
        set(view, "k", "gone");
        loadAndWait(view.getEngine(), () -> view.getEngine().load(two.url("/page.html")));
        await(session.clearStorageData(LOCAL_STORAGE));
        assertThat(get(Pages.open(session, one.url("/page.html")), "k")).isEqualTo("null");
    }

    @Test
    void flushStorageDataCompletesOnceLocalStorageIsInItsFile() throws Exception {
        Session session = Session.fromPartition("persist:clear-flush");
        WebView view = Pages.open(session, one.url("/page.html"));
        set(view, "flushed", "FLUSHED-VALUE");
        await(session.flushStorageData());
        assertThat(localStorageFilesContain(session, "FLUSHED-VALUE")).isTrue();
    }

    private static boolean localStorageFilesContain(Session session, String value) throws Exception {
        byte[] utf16 = value.getBytes(StandardCharsets.UTF_16LE);
        try (Stream<Path> files = Files.walk(session.getStoragePath().resolve("WebKit").resolve("localstorage"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (indexOf(Files.readAllBytes(file), utf16) >= 0) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int indexOf(byte[] data, byte[] part) {
        outer:
        for (int i = 0; i <= data.length - part.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (data[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Test
    void cachestorageClearsTheHttpCacheOfTheOriginOnly() throws Exception {
        Session session = Session.fromPartition("clear-cache-origin");
        session.setUserAgent("ClearTest/1");
        SessionChain.get(session, one.url("/cached.txt"));
        SessionChain.get(session, two.url("/cached.txt"));
        await(session.clearStorageData(ClearStorageDataOptions.builder().origin(origin(one))
                .storages(StorageType.CACHESTORAGE).build()));
        SessionChain.get(session, one.url("/cached.txt"));
        SessionChain.get(session, two.url("/cached.txt"));
        assertThat(one.requests("/cached.txt").stream()
                .filter(r -> "ClearTest/1".equals(r.getHeaders().get("User-Agent")))).hasSize(2);
        assertThat(two.requests("/cached.txt").stream()
                .filter(r -> "ClearTest/1".equals(r.getHeaders().get("User-Agent")))).hasSize(1);
    }

    @Test
    void storageKindsWebViewLacksAreAcceptedAndLeaveTheRestAlone() throws Exception {
        Session session = Session.fromPartition("clear-unsupported");
        WebView view = Pages.open(session, one.url("/page.html"));
        set(view, "k", "kept");
        await(session.clearStorageData(ClearStorageDataOptions.builder()
                .storages("appcache", "filesystem", "indexdb", "shadercache", "websql", "serviceworkers")
                .quotas("temporary", "syncable").build()));
        assertThat(get(view, "k")).isEqualTo("kept");
    }

    @Test
    void cookiesOfTheOriginAreRemovedAndOthersKept() throws Exception {
        Session session = Session.fromPartition("clear-cookies");
        session.cookies().set(CookieDetails.builder(one.url("/")).name("a").value("1").build()).join();
        session.cookies().set(CookieDetails.builder("http://other.test/").name("b").value("2").build()).join();
        await(session.clearStorageData(ClearStorageDataOptions.builder().origin(origin(one))
                .storages(StorageType.COOKIES).build()));
        assertThat(session.cookies().get(CookieFilter.all()).join()).extracting(Cookie::name).containsExactly("b");
    }

    @Test
    void malformedOptionsAreRejectedQuotingTheValue() {
        assertThatThrownBy(() -> ClearStorageDataOptions.builder().origin("https://example.com/path").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("origin must be scheme://host[:port] as window.location.origin writes it: 'https://example.com/path'");
        assertThatThrownBy(() -> ClearStorageDataOptions.builder().storages("localStorage", "sessionstorage"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown storage type: 'sessionstorage' (expected one of appcache, cookies, filesystem,"
                        + " indexdb, localstorage, shadercache, websql, serviceworkers, cachestorage)");
        assertThatThrownBy(() -> ClearStorageDataOptions.builder().storages(new StorageType[0]).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("storages must name at least one storage type: [] (leave it unset to clear every kind)");
        assertThatThrownBy(() -> ClearStorageDataOptions.builder().quotas("durable"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown quota type: 'durable' (expected one of temporary, persistent, syncable)");
    }

    @Test
    void originIsNormalizedAsWindowLocationOriginWritesIt() {
        assertThat(ClearStorageDataOptions.builder().origin("HTTPS://Example.COM:443/").build().origin())
                .isEqualTo("https://example.com");
        assertThat(ClearStorageDataOptions.builder().origin("http://localhost:8080").build().origin())
                .isEqualTo("http://localhost:8080");
    }

    @Test
    void clearingEveryKindForgetsRememberedPermissionsOfThatOriginOnly() throws Exception {
        Session session = Session.fromPartition("clear-permissions");
        var decisions = session.permissionDecisions();
        decisions.remember("https://a.example", io.github.fxsession.permission.Permission.NOTIFICATIONS, true);
        decisions.remember("https://b.example", io.github.fxsession.permission.Permission.NOTIFICATIONS, false);
        await(session.clearStorageData(ClearStorageDataOptions.builder().origin("https://a.example").build()));
        assertThat(decisions.get("https://a.example", io.github.fxsession.permission.Permission.NOTIFICATIONS)).isEmpty();
        assertThat(decisions.get("https://b.example", io.github.fxsession.permission.Permission.NOTIFICATIONS))
                .contains(false);
    }

    @Test
    void clearingOnlyCookiesKeepsRememberedPermissions() throws Exception {
        Session session = Session.fromPartition("clear-permissions-kept");
        var decisions = session.permissionDecisions();
        decisions.remember("https://a.example", io.github.fxsession.permission.Permission.GEOLOCATION, true);
        await(session.clearStorageData(ClearStorageDataOptions.builder().storages(StorageType.COOKIES).build()));
        assertThat(decisions.get("https://a.example", io.github.fxsession.permission.Permission.GEOLOCATION))
                .contains(true);
    }
}
