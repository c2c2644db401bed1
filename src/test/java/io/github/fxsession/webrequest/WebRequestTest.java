package io.github.fxsession.webrequest;

import static io.github.fxsession.testing.FxToolkit.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.fxsession.Session;
import io.github.fxsession.WebContents;
import io.github.fxsession.internal.session.EngineBinding;
import io.github.fxsession.testing.FxToolkit;
import io.github.fxsession.testing.Pages;
import io.github.fxsession.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.web.WebView;
import javafx.util.Subscription;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** webRequest listeners against real WebViews and a loopback server. */
@ExtendWith(FxToolkit.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebRequestTest {

    @RegisterExtension
    final TestServer server = TestServer.start();

    @BeforeAll
    void routes() {
        server.route("/plain.html", "text/html", "<!doctype html><html><body><p id=t>plain</p></body></html>");
        server.route("/other.html", "text/html", "<!doctype html><html><body><p id=t>other</p></body></html>");
        server.route("/image.png", "image/png", "not really a png");
        server.route("/blocked.html", "text/html", """
                <!doctype html><html><body>
                <script>window.outcome = 'pending';
                  fetch('/data.txt').then(r => r.text()).then(t => window.outcome = 'loaded ' + t,
                      e => window.outcome = 'failed');</script></body></html>""");
        server.route("/data.txt", "text/plain", "data");
        server.route("/cacheable.txt", r -> new MockResponse.Builder().setHeader("Content-Type", "text/plain")
                .setHeader("Cache-Control", "max-age=3600").body("cached").build());
        server.route("/echo", r -> TestServer.ok("text/plain", "posted " + r.getBody().utf8()));
        server.route("/status.txt", r -> new MockResponse.Builder().code(404).setHeader("Content-Type", "text/plain")
                .setHeader("Cache-Control", "no-store").setHeader("X-Original", "yes").body("body").build());
        server.route("/kinds.html", "text/html", """
                <!doctype html><html><head>
                <link rel="stylesheet" href="/kinds.css"><script src="/kinds.js"></script></head><body>
                <img src="/kinds.png"><iframe src="/kinds-frame.html"></iframe>
                <script>var x = new XMLHttpRequest(); x.open('GET', '/kinds-xhr'); x.send(); fetch('/kinds-fetch');</script>
                </body></html>""");
        for (String path : List.of("/kinds.css", "/kinds.js", "/kinds.png", "/kinds-xhr", "/kinds-fetch")) {
            server.route(path, "text/plain", "");
        }
        server.route("/kinds-frame.html", "text/html", "<!doctype html><p>frame</p>");
        server.route("/hop", r -> TestServer.redirect("/plain.html"));
    }

    private static Session session(String name) {
        return Session.fromPartition("webrequest-" + name);
    }

    private static Object eval(WebView view, String script) {
        return Pages.eval(view, script);
    }

    private static void awaitOutcome(WebView view) {
        waitUntil("the page's outcome", () -> !"pending".equals(eval(view, "window.outcome")));
    }

    @Test
    void cancelledRequestFailsInThePageAndReportsBlockedByClient() {
        Session session = session("cancel");
        List<WebRequestDetails> errors = new CopyOnWriteArrayList<>();
        session.webRequest().onBeforeRequest(WebRequestFilter.of("*://*/data.txt"),
                (details, callback) -> callback.accept(BeforeRequestResponse.cancelled()));
        session.webRequest().onErrorOccurred(errors::add);
        WebView view = Pages.open(session, server.url("/blocked.html"));
        awaitOutcome(view);
        assertThat(eval(view, "window.outcome")).isEqualTo("failed");
        waitUntil("onErrorOccurred", () -> !errors.isEmpty());
        assertThat(errors.get(0).error()).isEqualTo("net::ERR_BLOCKED_BY_CLIENT");
        assertThat(errors.get(0).url()).isEqualTo(server.url("/data.txt"));
        assertThat(server.requests("/data.txt")).isEmpty();
    }

    @Test
    void redirectUrlLoadsTheOtherAddressAndReportsTheRedirectUnderOneId() {
        Session session = session("redirect");
        List<WebRequestDetails> redirects = new CopyOnWriteArrayList<>();
        List<WebRequestDetails> completed = new CopyOnWriteArrayList<>();
        session.webRequest().onBeforeRequest(WebRequestFilter.of("*://*/plain.html"),
                (details, callback) -> callback.accept(BeforeRequestResponse.redirect(server.url("/other.html"))));
        session.webRequest().onBeforeRedirect(redirects::add);
        session.webRequest().onCompleted(WebRequestFilter.of("*://*/other.html"), completed::add);
        WebView view = Pages.open(session, server.url("/plain.html"));
        assertThat(eval(view, "document.getElementById('t').textContent")).isEqualTo("other");
        assertThat(redirects).singleElement().satisfies(d -> {
            assertThat(d.redirectURL()).isEqualTo(server.url("/other.html"));
            assertThat(d.statusCode()).isEqualTo(307);
            assertThat(d.statusLine()).isEqualTo("HTTP/1.1 307 Internal Redirect");
        });
        waitUntil("onCompleted", () -> !completed.isEmpty());
        assertThat(completed.get(0).id()).isEqualTo(redirects.get(0).id());
        assertThat(server.requests("/plain.html")).isEmpty();
    }

    @Test
    void serverRedirectsReachOnBeforeRedirectWithTheirStatus() {
        Session session = session("server-redirect");
        List<WebRequestDetails> redirects = new CopyOnWriteArrayList<>();
        session.webRequest().onBeforeRedirect(redirects::add);
        Pages.open(session, server.url("/hop"));
        assertThat(redirects).singleElement().satisfies(d -> {
            assertThat(d.statusCode()).isEqualTo(302);
            assertThat(d.redirectURL()).isEqualTo(server.url("/plain.html"));
            assertThat(d.responseHeaders().get("Location")).containsExactly("/plain.html");
        });
    }

    @Test
    void onBeforeSendHeadersSeesTheFinalHeadersAndReplacesThem() {
        Session session = session("send-headers");
        session.setUserAgent("WebRequestAgent/1.0");
        List<WebRequestDetails> seen = new CopyOnWriteArrayList<>();
        List<WebRequestDetails> sent = new CopyOnWriteArrayList<>();
        session.webRequest().onBeforeSendHeaders(WebRequestFilter.of("*://*/plain.html"), (details, callback) -> {
            seen.add(details);
            Map<String, String> headers = new LinkedHashMap<>(details.requestHeaders());
            headers.put("X-Added", "by listener");
            headers.remove("Accept-Language");
            callback.accept(BeforeSendHeadersResponse.headers(headers));
        });
        session.webRequest().onSendHeaders(WebRequestFilter.of("*://*/plain.html"), sent::add);
        Pages.open(session, server.url("/plain.html"));
        assertThat(seen.get(0).requestHeaders()).containsEntry("User-Agent", "WebRequestAgent/1.0")
                .containsKey("Accept-Language");
        assertThat(sent.get(0).requestHeaders()).containsEntry("X-Added", "by listener").doesNotContainKey("Accept-Language");
        var recorded = server.requests("/plain.html").get(server.requests("/plain.html").size() - 1);
        assertThat(recorded.getHeaders().get("X-Added")).isEqualTo("by listener");
        assertThat(recorded.getHeaders().get("Accept-Language")).isNull();
        assertThat(recorded.getHeaders().get("User-Agent")).isEqualTo("WebRequestAgent/1.0");
    }

    @Test
    void invalidHeadersFromAListenerAreDroppedAndValidOnesKept() {
        Session session = session("bad-headers");
        session.webRequest().onBeforeSendHeaders(WebRequestFilter.of("*://*/other.html"), (details, callback) -> {
            Map<String, String> headers = new LinkedHashMap<>(details.requestHeaders());
            headers.put("Bad Name", "x");
            headers.put("X-Bad-Value", "a\r\nInjected: 1");
            headers.put("X-Good", "kept");
            callback.accept(BeforeSendHeadersResponse.headers(headers));
        });
        Pages.open(session, server.url("/other.html"));
        var recorded = server.requests("/other.html").get(server.requests("/other.html").size() - 1);
        assertThat(recorded.getHeaders().get("X-Good")).isEqualTo("kept");
        assertThat(recorded.getHeaders().get("X-Bad-Value")).isNull();
        assertThat(recorded.getHeaders().get("Injected")).isNull();
        assertThat(recorded.getHeaders().names()).doesNotContain("Bad Name");
    }

    @Test
    void onHeadersReceivedReplacesResponseHeadersAndStatusLine() {
        Session session = session("headers-received");
        List<WebRequestDetails> seen = new CopyOnWriteArrayList<>();
        session.webRequest().onHeadersReceived(WebRequestFilter.of("*://*/status.txt"), (details, callback) -> {
            seen.add(details);
            Map<String, List<String>> headers = new LinkedHashMap<>(details.responseHeaders());
            headers.remove("X-Original");
            headers.put("X-Replaced", List.of("yes"));
            callback.accept(new HeadersReceivedResponse(false, headers, "HTTP/1.1 200 Fine"));
        });
        WebView view = Pages.open(session, server.url("/plain.html"));
        eval(view, """
                window.outcome = 'pending';
                fetch('/status.txt').then(r => window.outcome = r.status + ' '
                    + r.headers.get('X-Replaced') + ' ' + r.headers.get('X-Original'));""");
        awaitOutcome(view);
        assertThat(eval(view, "window.outcome")).isEqualTo("200 yes null");
        assertThat(seen.get(0).statusCode()).isEqualTo(404);
        assertThat(seen.get(0).statusLine()).isEqualTo("HTTP/1.1 404 Client Error");
    }

    @Test
    void resourceTypesAreReportedWithElectronsNames() {
        Session session = session("types");
        Map<String, ResourceType> types = new java.util.concurrent.ConcurrentHashMap<>();
        session.webRequest().onBeforeRequest((details, callback) -> {
            types.put(details.url().substring(details.url().lastIndexOf('/')), details.resourceType());
            callback.accept(BeforeRequestResponse.proceed());
        });
        Pages.open(session, server.url("/kinds.html"));
        waitUntil("every request", () -> types.size() >= 7);
        assertThat(types).containsEntry("/kinds.html", ResourceType.MAIN_FRAME)
                .containsEntry("/kinds-frame.html", ResourceType.SUB_FRAME)
                .containsEntry("/kinds.css", ResourceType.STYLESHEET)
                .containsEntry("/kinds.js", ResourceType.SCRIPT)
                .containsEntry("/kinds.png", ResourceType.IMAGE)
                .containsEntry("/kinds-xhr", ResourceType.XHR)
                .containsEntry("/kinds-fetch", ResourceType.XHR);
    }

    @Test
    void typeFilterOnlyShowsTheChosenTypes() {
        Session session = session("type-filter");
        List<String> images = new CopyOnWriteArrayList<>();
        session.webRequest().onCompleted(new WebRequestFilter(List.of("<all_urls>"), List.of("*://*/kinds-frame.html"),
                Set.of(ResourceType.IMAGE, ResourceType.SUB_FRAME)), d -> images.add(d.url()));
        Pages.open(session, server.url("/kinds.html"));
        waitUntil("the image", () -> !images.isEmpty());
        assertThat(images).containsOnly(server.url("/kinds.png"));
    }

    @Test
    void listenerMayAnswerLaterFromAnotherThread() {
        Session session = session("async");
        session.webRequest().onBeforeRequest(WebRequestFilter.of("*://*/data.txt"), (details, callback) ->
                CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS)
                        .execute(() -> callback.accept(BeforeRequestResponse.cancelled())));
        WebView view = Pages.open(session, server.url("/blocked.html"));
        awaitOutcome(view);
        assertThat(eval(view, "window.outcome")).isEqualTo("failed");
    }

    @Test
    void synchronousXhrWaitsForAListenerThatAnswersOnTheFxThread() {
        Session session = session("sync-xhr");
        List<String> threads = new CopyOnWriteArrayList<>();
        session.webRequest().onBeforeRequest(WebRequestFilter.of("*://*/data.txt"), (details, callback) -> {
            threads.add(Thread.currentThread().getName());
            Platform.runLater(() -> callback.accept(BeforeRequestResponse.proceed()));
        });
        WebView view = Pages.open(session, server.url("/plain.html"));
        Object text = eval(view, "var x = new XMLHttpRequest(); x.open('GET', '/data.txt', false); x.send(); x.responseText");
        assertThat(text).isEqualTo("data");
        assertThat(threads).singleElement().asString().contains("JavaFX Application Thread");
    }

    @Test
    void listenersRunInRegistrationOrderAndEachSubscriptionRemovesItsOwn() {
        Session session = session("order");
        List<String> calls = new CopyOnWriteArrayList<>();
        WebRequestFilter filter = WebRequestFilter.of("*://*/plain.html");
        Subscription first = session.webRequest().onSendHeaders(filter, d -> calls.add("first"));
        session.webRequest().onSendHeaders(filter, d -> calls.add("second"));
        session.webRequest().onSendHeaders(filter, d -> calls.add("third"));
        Pages.open(session, server.url("/plain.html"));
        assertThat(calls).containsExactly("first", "second", "third");
        calls.clear();
        first.unsubscribe();
        Pages.open(session, server.url("/plain.html"));
        assertThat(calls).containsExactly("second", "third");
    }

    @Test
    void detailsCarryTheWebContentsTheBodyAndTheResponse() {
        Session session = session("details");
        List<WebRequestDetails> before = new CopyOnWriteArrayList<>();
        List<WebRequestDetails> started = new CopyOnWriteArrayList<>();
        List<WebRequestDetails> completed = new CopyOnWriteArrayList<>();
        WebRequestFilter echo = WebRequestFilter.of("*://*/echo");
        session.webRequest().onBeforeRequest(echo, (d, callback) -> {
            before.add(d);
            callback.accept(BeforeRequestResponse.proceed());
        });
        session.webRequest().onResponseStarted(echo, started::add);
        session.webRequest().onCompleted(echo, completed::add);
        WebView view = Pages.open(session, server.url("/plain.html"));
        eval(view, """
                window.outcome = 'pending';
                fetch('/echo', {method: 'POST', body: 'hello'}).then(r => r.text()).then(t => window.outcome = t);""");
        awaitOutcome(view);
        assertThat(eval(view, "window.outcome")).isEqualTo("posted hello");
        waitUntil("onCompleted", () -> !completed.isEmpty());
        WebContents contents = FxToolkit.onFx(() -> (WebContents) EngineBinding.of(view.getEngine()).facade());
        WebRequestDetails request = before.get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.webContents()).isSameAs(contents);
        assertThat(request.webContentsId()).isEqualTo(contents.getId());
        assertThat(request.referrer()).isEqualTo(server.url("/plain.html"));
        assertThat(request.timestamp()).isGreaterThan(0);
        assertThat(new String(request.uploadData().get(0).bytes(), StandardCharsets.UTF_8)).isEqualTo("hello");
        assertThat(started.get(0).statusCode()).isEqualTo(200);
        assertThat(completed.get(0).statusLine()).isEqualTo("HTTP/1.1 200 OK");
        assertThat(completed.get(0).responseHeaders().get("Content-Type")).containsExactly("text/plain");
        assertThat(List.of(started.get(0).id(), completed.get(0).id())).containsOnly(request.id());
    }

    /**
     * The JDK never gives {@code file:} URLs to a URL handler, so a {@code file:} page's subresources load
     * beside the chain; its main-frame navigation is seen through the engine's location.
     */
    @Test
    void fileNavigationsReachListenersButTheirSubresourcesDoNot(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Files.writeString(dir.resolve("page.html"), "<!doctype html><p id=t>local</p><img src=\"pic.png\">");
        java.nio.file.Files.write(dir.resolve("pic.png"), new byte[] {1});
        Session session = session("file");
        List<String> seen = new CopyOnWriteArrayList<>();
        List<WebRequestDetails> completed = new CopyOnWriteArrayList<>();
        session.webRequest().onBeforeRequest((details, callback) -> {
            seen.add(details.resourceType().electronName() + " " + details.url());
            callback.accept(BeforeRequestResponse.proceed());
        });
        session.webRequest().onCompleted(completed::add);
        String page = dir.resolve("page.html").toUri().toString();
        WebView view = Pages.open(session, page);
        assertThat(eval(view, "document.getElementById('t').textContent")).isEqualTo("local");
        assertThat(seen).containsExactly("mainFrame " + page);
        waitUntil("onCompleted", () -> !completed.isEmpty());
        assertThat(completed.get(0).url()).isEqualTo(page);
    }

    @Test
    void redirectedFileNavigationLoadsTheOtherUrl(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Files.writeString(dir.resolve("old.html"), "<!doctype html><p id=t>old</p>");
        Session session = session("file-redirect");
        session.webRequest().onBeforeRequest(WebRequestFilter.of("file:///*"),
                (details, callback) -> callback.accept(BeforeRequestResponse.redirect(server.url("/other.html"))));
        WebView view = Pages.attached(session);
        io.github.fxsession.testing.FxToolkit.loadAndWait(view.getEngine(),
                () -> view.getEngine().load(dir.resolve("old.html").toUri().toString()));
        waitUntil("the other page", () -> "other".equals(eval(view,
                "document.getElementById('t') ? document.getElementById('t').textContent : null")));
    }

    @Test
    void cancelledFileNavigationNeverShowsThePage(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Files.writeString(dir.resolve("secret.html"), "<!doctype html><script>window.ran = 1;</script><p id=t>secret</p>");
        Session session = session("file-cancel");
        List<WebRequestDetails> errors = new CopyOnWriteArrayList<>();
        session.webRequest().onBeforeRequest(WebRequestFilter.of("file:///*"),
                (details, callback) -> callback.accept(BeforeRequestResponse.cancelled()));
        session.webRequest().onErrorOccurred(errors::add);
        WebView view = Pages.attached(session);
        io.github.fxsession.testing.FxToolkit.loadAndWait(view.getEngine(),
                () -> view.getEngine().load(dir.resolve("secret.html").toUri().toString()));
        assertThat(eval(view, "document.getElementById('t') === null && window.ran === undefined")).isEqualTo(true);
        assertThat(errors).singleElement().extracting(WebRequestDetails::error).isEqualTo("net::ERR_BLOCKED_BY_CLIENT");
    }

    @Test
    void completedDetailsTellTheServersAddressOrThatThePartitionsCacheAnswered() throws Exception {
        Session session = Session.fromPartition("webrequest-from-cache");
        List<Boolean> fromCache = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<String> ips = new java.util.concurrent.CopyOnWriteArrayList<>();
        session.webRequest().onCompleted(d -> {
            ips.add(String.valueOf(d.ip()));
            fromCache.add(d.fromCache());
        });
        String url = server.url("/cacheable.txt");
        assertThat(io.github.fxsession.testing.SessionChain.get(session, url)).isEqualTo("cached");
        assertThat(io.github.fxsession.testing.SessionChain.get(session, url)).isEqualTo("cached");
        io.github.fxsession.testing.FxToolkit.waitUntil("two completions", () -> fromCache.size() == 2);
        assertThat(fromCache).containsExactly(false, true);
        assertThat(ips).containsExactly("127.0.0.1", "null");
        assertThat(server.requests("/cacheable.txt")).hasSize(1);
    }
}
