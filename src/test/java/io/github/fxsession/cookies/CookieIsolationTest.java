package io.github.fxsession.cookies;

import static io.github.fxsession.testing.FxToolkit.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.fxsession.Session;
import io.github.fxsession.testing.FxToolkit;
import io.github.fxsession.testing.Pages;
import io.github.fxsession.testing.TestServer;
import java.net.CookieHandler;
import java.net.URI;
import java.util.List;
import java.util.Map;
import javafx.scene.web.WebView;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One cookie store per partition, shared by HTTP and {@code document.cookie}, seen by nobody else: real
 * WebViews, real servers on loopback.
 */
@ExtendWith(FxToolkit.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CookieIsolationTest {

    @RegisterExtension
    final TestServer server = TestServer.start();
    @RegisterExtension
    final TestServer secure = TestServer.startHttps();

    @BeforeAll
    void routes() {
        for (TestServer s : List.of(server, secure)) {
            s.route("/page.html", "text/html", "<html><body>page</body></html>");
            s.route("/check.html", "text/html", "<html><body>check</body></html>");
            s.route("/set.html", r -> TestServer.okBuilder("text/html", "<html><body>set</body></html>")
                    .addHeader("Set-Cookie", "header=h1; Path=/")
                    .addHeader("Set-Cookie", "hidden=h2; Path=/; HttpOnly")
                    .build());
            s.route("/secure-set.html", r -> TestServer.okBuilder("text/html", "<html><body>secure</body></html>")
                    .addHeader("Set-Cookie", "locked=s1; Path=/; Secure")
                    .build());
        }
        server.route("/hop", r -> new mockwebserver3.MockResponse.Builder().code(302)
                .setHeader("Location", "http://localhost:" + server.port() + "/landing.html")
                .setHeader("Set-Cookie", "hop=set-on-redirect; Path=/")
                .setHeader("Cache-Control", "no-store").build());
        server.route("/landing.html", "text/html", "<html><body>landing</body></html>");
        server.route("/frames.html", "text/html", "<html><body><iframe id=f src='about:blank'></iframe></body></html>");
    }

    private String cookieHeaderOfLast(TestServer on, String path) {
        List<RecordedRequest> requests = on.requests(path);
        assertThat(requests).as("requests for " + path).isNotEmpty();
        String header = requests.get(requests.size() - 1).getHeaders().get("Cookie");
        return header == null ? "" : header;
    }

    private static Object eval(WebView view, String script) {
        return Pages.eval(view, script);
    }

    @Test
    void setCookieHeadersComeBackWithTheNextRequestOfThePartition() {
        Session session = Session.fromPartition("cookie-e2e-header");
        Pages.open(session, server.url("/set.html"));
        Pages.open(session, server.url("/check.html"));
        assertThat(cookieHeaderOfLast(server, "/check.html")).isEqualTo("header=h1; hidden=h2");
    }

    @Test
    void scriptWritesLandInTheStoreAndTravelInHeaders() {
        Session session = Session.fromPartition("cookie-e2e-script");
        WebView view = Pages.open(session, server.url("/page.html"));
        eval(view, "document.cookie = 'script=s1; path=/'");
        assertThat(session.cookies().get(CookieFilter.url(server.url("/"))).join())
                .extracting(Cookie::name, Cookie::value, Cookie::httpOnly)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("script", "s1", false));
        Pages.open(session, server.url("/check.html"));
        assertThat(cookieHeaderOfLast(server, "/check.html")).isEqualTo("script=s1");
    }

    @Test
    void scriptsSeeTheirPartitionsCookiesButNeverHttpOnlyOnes() {
        Session session = Session.fromPartition("cookie-e2e-httponly");
        WebView view = Pages.open(session, server.url("/set.html"));
        assertThat(eval(view, "document.cookie")).isEqualTo("header=h1");
    }

    @Test
    void otherPartitionsAndTheDefaultSessionNeverSeeAPartitionsCookies() {
        Session a = Session.fromPartition("cookie-e2e-iso-a");
        WebView inA = Pages.open(a, server.url("/set.html"));
        eval(inA, "document.cookie = 'script=only-a; path=/'");
        for (Session other : List.of(Session.fromPartition("cookie-e2e-iso-b"), Session.defaultSession())) {
            WebView view = Pages.open(other, server.url("/check.html"));
            assertThat(cookieHeaderOfLast(server, "/check.html")).as(other + " over HTTP").isEmpty();
            assertThat(eval(view, "document.cookie")).as(other + " by script").isEqualTo("");
            assertThat(other.cookies().get(CookieFilter.all()).join()).as(other + " by API").isEmpty();
        }
        assertThat(eval(inA, "document.cookie")).isEqualTo("header=h1; script=only-a");
    }

    @Test
    void clearingOnePartitionsCookiesLeavesAnotherIntact() {
        Session a = Session.fromPartition("cookie-e2e-clear-a");
        Session b = Session.fromPartition("cookie-e2e-clear-b");
        Pages.open(a, server.url("/set.html"));
        Pages.open(b, server.url("/set.html"));
        for (Cookie cookie : a.cookies().get(CookieFilter.all()).join()) {
            a.cookies().remove(server.url("/"), cookie.name()).join();
        }
        assertThat(a.cookies().get(CookieFilter.all()).join()).isEmpty();
        Pages.open(b, server.url("/check.html"));
        assertThat(cookieHeaderOfLast(server, "/check.html")).isEqualTo("header=h1; hidden=h2");
    }

    @Test
    void eachRedirectHopCarriesItsOwnHostsCookies() {
        Session session = Session.fromPartition("cookie-e2e-redirect");
        String ipOrigin = "http://127.0.0.1:" + server.port() + "/";
        String localhostOrigin = "http://localhost:" + server.port() + "/";
        session.cookies().set(CookieDetails.builder(ipOrigin).name("who").value("ip").build()).join();
        session.cookies().set(CookieDetails.builder(localhostOrigin).name("who").value("localhost").build()).join();
        Pages.open(session, ipOrigin + "hop");
        assertThat(cookieHeaderOfLast(server, "/hop")).isEqualTo("who=ip");
        assertThat(cookieHeaderOfLast(server, "/landing.html")).isEqualTo("who=localhost");
        assertThat(session.cookies().get(CookieFilter.builder().url(ipOrigin).name("hop").build()).join())
                .extracting(Cookie::value).containsExactly("set-on-redirect");
    }

    @Test
    void secureCookiesGoOnlyToHttpsPages() {
        Session session = Session.fromPartition("cookie-e2e-secure");
        WebView overTls = Pages.open(session, secure.url("/secure-set.html"));
        assertThat(eval(overTls, "document.cookie")).isEqualTo("locked=s1");
        WebView plain = Pages.open(session, server.url("/check.html"));
        assertThat(cookieHeaderOfLast(server, "/check.html")).isEmpty();
        assertThat(eval(plain, "document.cookie")).isEqualTo("");
        Pages.open(session, secure.url("/check.html"));
        assertThat(cookieHeaderOfLast(secure, "/check.html")).isEqualTo("locked=s1");
    }

    @Test
    void aPageCannotReachAnotherOriginsCookiesThroughTheBridge() {
        Session session = Session.fromPartition("cookie-e2e-forge");
        String other = "http://127.0.0.1:" + server.port() + "/";
        session.cookies().set(CookieDetails.builder(other).name("other").value("origin").build()).join();
        WebView view = Pages.open(session, "http://localhost:" + server.port() + "/page.html");
        assertThat(eval(view, "String(window.__fxsession.call('cookie.get', {url: '" + other + "'}))"))
                .isEqualTo("");
        eval(view, "window.__fxsession.call('cookie.set', {url: '" + other + "', cookie: 'planted=1'})");
        assertThat(session.cookies().get(CookieFilter.url(other)).join())
                .extracting(Cookie::name).containsExactly("other");
        String forged = "prompt('__fxsession_bridge__:' + JSON.stringify({t: '00112233445566778899aabbccddeeff',"
                + " m: 'cookie.get', a: {url: location.href}}), '')";
        assertThat(String.valueOf(eval(view, forged))).isEqualTo("{\"r\":\"\"}");
    }

    @Test
    void documentsWithoutTheBridgeNeitherLeakNorKeepCookiesThroughTheGlobalHandler() throws Exception {
        WebView a = Pages.open(Session.fromPartition("cookie-e2e-blank-a"), server.url("/frames.html"));
        WebView b = Pages.open(Session.fromPartition("cookie-e2e-blank-b"), server.url("/frames.html"));
        assertThat(CookieHandler.getDefault()).isInstanceOf(io.github.fxsession.internal.cookies.GlobalCookieGuard.class);
        eval(a, "document.getElementById('f').contentDocument.cookie = 'blank=from-a'");
        assertThat(eval(b, "document.getElementById('f').contentDocument.cookie")).isEqualTo("");
        assertThat(eval(a, "document.getElementById('f').contentDocument.cookie")).isEqualTo("");
        CookieHandler.getDefault().put(URI.create("javascript://127.0.0.1/"), Map.of("Set-Cookie", List.of("direct=1")));
        assertThat(CookieHandler.getDefault().get(URI.create("javascript://127.0.0.1/"), Map.of())).isEmpty();
        assertThat(onFx(() -> a.getEngine().executeScript("document.cookie"))).isEqualTo("");
    }
}
