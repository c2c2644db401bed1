package io.github.fxsession.protocol;

import static io.github.fxsession.testing.FxToolkit.loadAndWait;
import static io.github.fxsession.testing.FxToolkit.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.fxsession.Session;
import io.github.fxsession.testing.FxToolkit;
import io.github.fxsession.testing.Pages;
import io.github.fxsession.testing.TestServer;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import javafx.concurrent.Worker;
import javafx.scene.web.WebView;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Custom and intercepted protocols against real WebViews. */
@ExtendWith(FxToolkit.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProtocolTest {

    private static final String PAGE = "<!doctype html><html><head><script src=\"app.js\"></script></head>"
            + "<body><p id=t>%s</p><img src=\"pic.png\"></body></html>";

    @RegisterExtension
    final TestServer server = TestServer.start();

    @BeforeAll
    void routes() {
        server.route("/remote.html", "text/html", "<!doctype html><p id=t>remote</p>");
        server.route("/plain.html", "text/html", "<!doctype html><p id=t>plain</p>");
    }

    private static Session session(String name) {
        return Session.fromPartition("protocol-" + name);
    }

    private static Object text(WebView view) {
        return Pages.eval(view, "document.getElementById('t') ? document.getElementById('t').textContent : null");
    }

    private static Worker.State load(Session session, String url) {
        WebView view = Pages.attached(session);
        return loadAndWait(view.getEngine(), () -> view.getEngine().load(url));
    }

    private static CompletableFuture<ProtocolResponse> done(ProtocolResponse response) {
        return CompletableFuture.completedFuture(response);
    }

    @Test
    void handledSchemeServesPagesAndRelativeSubresources() {
        Session session = session("handle");
        List<String> urls = new CopyOnWriteArrayList<>();
        session.protocol().handle("fxa", request -> {
            urls.add(request.url());
            if (request.url().endsWith("app.js")) {
                return done(ProtocolResponse.ofString("window.ran = 'yes';", "text/javascript"));
            }
            if (request.url().endsWith("pic.png")) {
                return done(ProtocolResponse.ofBytes(new byte[] {1, 2, 3}, "image/png"));
            }
            return done(ProtocolResponse.ofString(PAGE.formatted("served"), "text/html"));
        });
        WebView view = Pages.open(session, "fxa://bundle/dir/index.html");
        assertThat(text(view)).isEqualTo("served");
        assertThat(Pages.eval(view, "window.ran")).isEqualTo("yes");
        waitUntil("the image", () -> urls.contains("fxa://bundle/dir/pic.png"));
        assertThat(urls).contains("fxa://bundle/dir/index.html", "fxa://bundle/dir/app.js");
    }

    @Test
    void schemeHandledInOnePartitionIsUnknownInAnother() {
        Session owner = session("owner");
        owner.protocol().handle("fxb", request -> done(ProtocolResponse.ofString("<p id=t>mine</p>", "text/html")));
        assertThat(text(Pages.open(owner, "fxb://host/"))).isEqualTo("mine");
        Session other = session("other");
        assertThat(other.protocol().isProtocolHandled("fxb")).isFalse();
        assertThat(load(other, "fxb://host/")).isEqualTo(Worker.State.FAILED);
    }

    @Test
    void registeringTwiceFailsAndRemovingAMissingSchemeReturnsFalse() {
        Protocol protocol = session("twice").protocol();
        ProtocolHandler handler = request -> done(ProtocolResponse.ofString("", "text/plain"));
        protocol.handle("fxc", handler);
        assertThat(assertThrows(IllegalStateException.class, () -> protocol.handle("fxc", handler)))
                .hasMessage("Failed to register protocol: fxc");
        assertThat(protocol.registerStringProtocol("fxc", (r, cb) -> { })).isFalse();
        assertThat(protocol.registerStringProtocol("http", (r, cb) -> { })).isFalse();
        assertThat(protocol.isProtocolRegistered("fxc")).isTrue();
        assertThat(protocol.unhandle("fxc")).isTrue();
        assertThat(protocol.unhandle("fxc")).isFalse();
        assertThat(protocol.unregisterProtocol("nothing")).isFalse();
        assertThat(protocol.uninterceptProtocol("https")).isFalse();
        assertThat(protocol.isProtocolHandled("fxc")).isFalse();
    }

    @Test
    void schemesWebViewNeverShowsCannotBeIntercepted() {
        Protocol protocol = session("file").protocol();
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> protocol.interceptFileProtocol("file", (r, cb) -> { }));
        assertThat(e).hasMessage("WebView never lets a URL handler see 'file:' requests (the JDK does not allow"
                + " overriding file:); only http, https and custom schemes can be handled or intercepted");
        assertThat(assertThrows(IllegalArgumentException.class, () -> protocol.handle("bad scheme", r -> null)))
                .hasMessage("scheme must be a letter followed by letters, digits, '+', '-' or '.': 'bad scheme'");
    }

    @Test
    void urlsWithoutHostOrPathResolveToAHostAsInElectron() {
        Session session = session("normalize");
        List<String> urls = new CopyOnWriteArrayList<>();
        session.protocol().handle("fxd", request -> {
            urls.add(request.url());
            return done(ProtocolResponse.ofString("<!doctype html><p id=t>x</p><img src=\"i.png\">", "text/html"));
        });
        WebView view = Pages.open(session, "fxd:///bundle/index.html");
        assertThat(FxToolkit.onFx(() -> view.getEngine().getLocation())).isEqualTo("fxd://bundle/index.html");
        waitUntil("the image", () -> urls.contains("fxd://bundle/i.png"));
        Pages.open(session, "fxd://other");
        assertThat(urls).contains("fxd://bundle/index.html", "fxd://other/");
    }

    @Test
    void statusHeadersCharsetAndRedirectsReachThePage() {
        Session session = session("intact");
        session.protocol().handle("http", request -> {
            if (request.url().endsWith("/start.html")) {
                return done(ProtocolResponse.builder().statusCode(302).header("Location", "/latin.html").build());
            }
            if (request.url().endsWith("/teapot")) {
                return done(ProtocolResponse.builder().statusCode(418).statusText("Teapot").header("X-One", "1")
                        .header("X-One", "2").data("short").mimeType("text/plain").build());
            }
            return done(ProtocolResponse.builder().data("<!doctype html><p id=t>caf\u00e9</p>")
                    .mimeType("text/html").charset("ISO-8859-1").build());
        });
        WebView view = Pages.open(session, server.url("/start.html"));
        assertThat(FxToolkit.onFx(() -> view.getEngine().getLocation())).isEqualTo(server.url("/latin.html"));
        assertThat(text(view)).isEqualTo("caf\u00e9");
        Pages.eval(view, "window.outcome = 'pending'; fetch('/teapot').then(r => r.text().then(t => window.outcome ="
                + " r.status + ' ' + r.headers.get('X-One') + ' ' + t));");
        waitUntil("the fetch", () -> !"pending".equals(Pages.eval(view, "window.outcome")));
        assertThat(Pages.eval(view, "window.outcome")).isEqualTo("418 1, 2 short");
        assertThat(server.requests()).noneMatch(r -> r.getUrl().encodedPath().equals("/start.html"));
    }

    @Test
    void requestBodiesReachTheHandler() {
        Session session = session("body");
        session.protocol().interceptBufferProtocol("http", (request, callback) -> {
            try {
                byte[] body = request.body().readAllBytes();
                callback.accept(ProtocolResponse.ofBytes(("got " + request.method() + " "
                        + new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8), "text/plain"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        WebView view = Pages.open(session, server.url("/any.html"));
        Pages.eval(view, "window.outcome = 'pending'; fetch('/post', {method: 'POST', body: 'payload'})"
                + ".then(r => r.text()).then(t => window.outcome = t);");
        waitUntil("the fetch", () -> !"pending".equals(Pages.eval(view, "window.outcome")));
        assertThat(Pages.eval(view, "window.outcome")).isEqualTo("got POST payload");
    }

    @Test
    void handlerThatThrowsGivesAFailedLoad() {
        Session session = session("throws");
        session.protocol().handle("fxe", request -> {
            throw new IllegalStateException("broken handler");
        });
        assertThat(load(session, "fxe://host/")).isEqualTo(Worker.State.FAILED);
    }

    @Test
    void responseTheHandlerKindCannotUseGivesAFailedLoad() {
        Session session = session("invalid");
        session.protocol().registerFileProtocol("fxf", (request, callback) ->
                callback.accept(ProtocolResponse.ofString("not a file", "text/html")));
        assertThat(load(session, "fxf://host/")).isEqualTo(Worker.State.FAILED);
    }

    @Test
    void registerFileProtocolServesFiles(@TempDir Path root) throws Exception {
        Files.writeString(root.resolve("index.html"), "<!doctype html><p id=t>from file</p>");
        Session session = session("register-file");
        assertThat(session.protocol().registerFileProtocol("fxg", (request, callback) ->
                callback.accept(ProtocolResponse.ofPath(root.resolve(request.url().substring("fxg://host/".length())))))).isTrue();
        assertThat(text(Pages.open(session, "fxg://host/index.html"))).isEqualTo("from file");
        assertThat(load(session, "fxg://host/missing.html")).isEqualTo(Worker.State.FAILED);
    }

    @Test
    void registerBufferStringStreamAndHttpProtocolsServeTheirKind() {
        Session session = session("register-kinds");
        Protocol protocol = session.protocol();
        assertThat(protocol.registerBufferProtocol("fxbuf", (r, cb) -> cb.accept(ProtocolResponse.ofBytes(
                "<p id=t>buffer</p>".getBytes(StandardCharsets.UTF_8), "text/html")))).isTrue();
        assertThat(protocol.registerStringProtocol("fxstr", (r, cb) -> cb.accept(ProtocolResponse.ofString(
                "<p id=t>string</p>", "text/html")))).isTrue();
        assertThat(protocol.registerStreamProtocol("fxstream", (r, cb) -> cb.accept(ProtocolResponse.ofStream(
                new ByteArrayInputStream("<p id=t>stream</p>".getBytes(StandardCharsets.UTF_8)), "text/html")))).isTrue();
        assertThat(protocol.registerHttpProtocol("fxhttp", (r, cb) -> cb.accept(
                ProtocolResponse.ofUrl(server.url("/remote.html"))))).isTrue();
        assertThat(text(Pages.open(session, "fxbuf://h/"))).isEqualTo("buffer");
        assertThat(text(Pages.open(session, "fxstr://h/"))).isEqualTo("string");
        assertThat(text(Pages.open(session, "fxstream://h/"))).isEqualTo("stream");
        assertThat(text(Pages.open(session, "fxhttp://h/"))).isEqualTo("remote");
    }

    @Test
    void interceptMethodsAnswerHttpRequestsAndUninterceptRestoresTheNetwork(@TempDir Path root) throws Exception {
        Files.writeString(root.resolve("f.html"), "<!doctype html><p id=t>intercepted file</p>");
        Session session = session("intercept-kinds");
        Protocol protocol = session.protocol();
        List<BiFunction<Protocol, ProtocolCallbackHandler, Boolean>> methods = List.of(
                (p, h) -> p.interceptFileProtocol("http", h), (p, h) -> p.interceptBufferProtocol("http", h),
                (p, h) -> p.interceptStringProtocol("http", h), (p, h) -> p.interceptStreamProtocol("http", h),
                (p, h) -> p.interceptHttpProtocol("http", h));
        List<ProtocolResponse> answers = List.of(ProtocolResponse.ofPath(root.resolve("f.html")),
                ProtocolResponse.ofBytes("<p id=t>intercepted buffer</p>".getBytes(StandardCharsets.UTF_8), "text/html"),
                ProtocolResponse.ofString("<p id=t>intercepted string</p>", "text/html"),
                ProtocolResponse.ofStream(new ByteArrayInputStream("<p id=t>intercepted stream</p>".getBytes(StandardCharsets.UTF_8)), "text/html"),
                ProtocolResponse.ofUrl(server.url("/remote.html")));
        List<String> expected = List.of("intercepted file", "intercepted buffer", "intercepted string", "intercepted stream", "remote");
        for (int i = 0; i < methods.size(); i++) {
            ProtocolResponse answer = answers.get(i);
            assertThat(methods.get(i).apply(protocol, (r, cb) -> cb.accept(answer))).isTrue();
            assertThat(methods.get(i).apply(protocol, (r, cb) -> cb.accept(answer))).isFalse();
            assertThat(protocol.isProtocolIntercepted("http")).isTrue();
            assertThat(text(Pages.open(session, server.url("/plain.html")))).isEqualTo(expected.get(i));
            assertThat(protocol.uninterceptProtocol("http")).isTrue();
        }
        assertThat(text(Pages.open(session, server.url("/plain.html")))).isEqualTo("plain");
    }
}
