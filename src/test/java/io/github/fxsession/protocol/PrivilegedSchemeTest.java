package io.github.fxsession.protocol;

import static io.github.fxsession.testing.FxToolkit.loadAndWait;
import static io.github.fxsession.testing.FxToolkit.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.fxsession.Session;
import io.github.fxsession.testing.FxToolkit;
import io.github.fxsession.testing.Pages;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.concurrent.Worker;
import javafx.scene.web.WebView;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** Pages of privileged custom schemes behave as a web origin. */
@ExtendWith(FxToolkit.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrivilegedSchemeTest {

    private final List<String> served = new CopyOnWriteArrayList<>();

    @BeforeAll
    void privileges() {
        Protocol.registerSchemesAsPrivileged(List.of(new CustomScheme("fxpriv", SchemePrivileges.webOrigin()),
                new CustomScheme("fxplain", new SchemePrivileges(true, false, false, false, false, false, false, false))));
    }

    private Session session(String name, String scheme) {
        Session session = Session.fromPartition("privileged-" + name);
        session.protocol().handle(scheme, request -> {
            served.add(request.url());
            if (request.url().endsWith(".json")) {
                return CompletableFuture.completedFuture(ProtocolResponse.ofString("{\"from\":\"" + request.url() + "\"}",
                        "application/json"));
            }
            return CompletableFuture.completedFuture(ProtocolResponse.ofString("<!doctype html><p id=t>app</p>", "text/html"));
        });
        return session;
    }

    private static String await(WebView view, String promise) {
        Pages.eval(view, "window.outcome = 'pending'; " + promise
                + ".then(t => window.outcome = t, e => window.outcome = 'failed ' + e);");
        waitUntil("the promise", () -> !"pending".equals(Pages.eval(view, "window.outcome")));
        return (String) Pages.eval(view, "window.outcome");
    }

    @Test
    void privilegedSchemePageIsASecureOriginWithLocalStorage() {
        WebView view = Pages.open(session("storage", "fxpriv"), "fxpriv://bundle/index.html");
        assertThat(Pages.eval(view, "location.href")).isEqualTo("https://bundle.fxpriv.fxsession.invalid/index.html");
        assertThat(Pages.eval(view, "window.isSecureContext")).isEqualTo(true);
        assertThat(Pages.eval(view, "localStorage.setItem('k', 'v'); localStorage.getItem('k')")).isEqualTo("v");
        assertThat(served).contains("fxpriv://bundle/index.html");
    }

    @Test
    void webRequestListenersSeeThePrivilegedSchemesUrls() {
        Session session = session("webrequest", "fxpriv");
        List<String> urls = new CopyOnWriteArrayList<>();
        List<Long> ids = new CopyOnWriteArrayList<>();
        List<String> redirects = new CopyOnWriteArrayList<>();
        session.webRequest().onBeforeRequest(io.github.fxsession.webrequest.WebRequestFilter.of("fxpriv://bundle/index.html"),
                (d, callback) -> {
                    ids.add(d.id());
                    callback.accept(null);
                });
        session.webRequest().onBeforeRedirect(d -> redirects.add(d.url()));
        session.webRequest().onCompleted(io.github.fxsession.webrequest.WebRequestFilter.of("fxpriv://bundle/*"),
                d -> urls.add(d.url()));
        WebView view = Pages.open(session, "fxpriv://bundle/index.html");
        assertThat(await(view, "fetch('data.json').then(r => r.text()).then(t => 'ok')")).isEqualTo("ok");
        waitUntil("onCompleted", () -> urls.contains("fxpriv://bundle/data.json"));
        assertThat(urls).contains("fxpriv://bundle/index.html");
        assertThat(ids).hasSize(2).containsOnly(ids.get(0));
        assertThat(redirects).isEmpty();
    }

    @Test
    void privilegedSchemePageFetchesRelativeAndAbsoluteUrlsOfItsScheme() {
        WebView view = Pages.open(session("fetch", "fxpriv"), "fxpriv://bundle/dir/index.html");
        assertThat(await(view, "fetch('data.json').then(r => r.json()).then(j => j.from)"))
                .isEqualTo("fxpriv://bundle/dir/data.json");
        assertThat(await(view, "fetch('fxpriv://bundle/abs.json').then(r => r.json()).then(j => j.from)"))
                .isEqualTo("fxpriv://bundle/abs.json");
    }

    @Test
    void privilegedSchemePageSendsXhrToItsScheme() {
        WebView view = Pages.open(session("xhr", "fxpriv"), "fxpriv://bundle/index.html");
        assertThat(Pages.eval(view, "var x = new XMLHttpRequest(); x.open('GET', 'fxpriv://bundle/sync.json', false);"
                + " x.send(); x.status + ' ' + JSON.parse(x.responseText).from")).isEqualTo("200 fxpriv://bundle/sync.json");
        assertThat(await(view, "new Promise((ok, ko) => { var x = new XMLHttpRequest(); x.open('GET', '/async.json');"
                + " x.onload = () => ok(JSON.parse(x.responseText).from); x.onerror = ko; x.send(); })"))
                .isEqualTo("fxpriv://bundle/async.json");
    }

    @Test
    void standardSchemeWithoutSecureIsServedOverHttp() {
        WebView view = Pages.open(session("plain", "fxplain"), "fxplain://bundle/");
        assertThat(Pages.eval(view, "location.origin")).isEqualTo("http://bundle.fxplain.fxsession.invalid");
    }

    @Test
    void privilegedSchemeIsUnknownInAPartitionThatDoesNotHandleIt() {
        Session other = Session.fromPartition("privileged-unhandled");
        WebView view = Pages.attached(other);
        assertThat(loadAndWait(view.getEngine(), () -> view.getEngine().load("fxpriv://bundle/"))).isEqualTo(Worker.State.FAILED);
        assertThat(loadAndWait(view.getEngine(), () -> view.getEngine().load(
                "https://bundle.fxpriv.fxsession.invalid/"))).isEqualTo(Worker.State.FAILED);
    }

    @Test
    void schemeWithoutPrivilegesKeepsWebViewsOpaqueOrigin() {
        WebView view = Pages.open(session("opaque", "fxopaque"), "fxopaque://bundle/");
        assertThat(Pages.eval(view, "location.href")).isEqualTo("fxopaque://bundle/");
        assertThat(Pages.eval(view, "location.origin")).isEqualTo("null");
        assertThat(Pages.eval(view, "(function () { try { return String(window.localStorage); } catch (e) { return e.name; } })()"))
                .isEqualTo("SecurityError");
    }

    @Test
    void builtInSchemesCannotBePrivileged() {
        assertThat(assertThrows(IllegalArgumentException.class, () -> new CustomScheme("https", SchemePrivileges.webOrigin())))
                .hasMessage("built-in schemes cannot be registered as privileged: 'https'");
        assertThat(assertThrows(IllegalArgumentException.class, () -> new CustomScheme("a.b", SchemePrivileges.webOrigin())))
                .hasMessage("a privileged scheme is letters, digits and '-', starting with a letter: 'a.b'");
    }

    @Test
    void privilegedSchemePagesKeepCookiesInTheirPartitionOnly() {
        Session session = session("cookies", "fxpriv");
        WebView view = Pages.open(session, "fxpriv://bundle/index.html");
        Pages.eval(view, "document.cookie = 'theme=dark; path=/'");
        assertThat(Pages.eval(view, "document.cookie")).isEqualTo("theme=dark");
        WebView again = Pages.open(session, "fxpriv://bundle/other.html");
        assertThat(Pages.eval(again, "document.cookie")).isEqualTo("theme=dark");
        WebView elsewhere = Pages.open(session("cookies-other", "fxpriv"), "fxpriv://bundle/index.html");
        assertThat(Pages.eval(elsewhere, "document.cookie")).isEqualTo("");
    }
}
