package io.github.fxsession.isolation;

import static io.github.fxsession.testing.FxToolkit.loadAndWait;
import static io.github.fxsession.testing.FxToolkit.waitUntil;
import static io.github.fxsession.testing.Pages.eval;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.github.fxsession.Session;
import io.github.fxsession.cookies.Cookie;
import io.github.fxsession.cookies.CookieFilter;
import io.github.fxsession.download.DownloadItem;
import io.github.fxsession.extension.Extension;
import io.github.fxsession.net.CertificateVerifyProc;
import io.github.fxsession.net.Credentials;
import io.github.fxsession.net.NetworkEmulationOptions;
import io.github.fxsession.permission.Permission;
import io.github.fxsession.protocol.ProtocolResponse;
import io.github.fxsession.proxy.ProxyConfig;
import io.github.fxsession.testing.FxToolkit;
import io.github.fxsession.testing.HttpProxy;
import io.github.fxsession.testing.Pages;
import io.github.fxsession.testing.TestServer;
import io.github.fxsession.webrequest.BeforeSendHeadersResponse;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javafx.concurrent.Worker;
import javafx.scene.web.WebView;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The isolation matrix: for every kind of state a partition has, the state is set in a partition A (and
 * shown to work there), then three observers, a partition B, the default session and an in-memory
 * partition created afterwards, are probed through what they can observe: what the loopback server
 * receives, what their WebView pages see and what the public API returns. None may see it. Last, each
 * probe is run on A itself and must fail there, so no probe passes for want of looking.
 */
@ExtendWith(FxToolkit.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IsolationMatrixTest {

    private static final AtomicLong SEQ = new AtomicLong(System.nanoTime());
    private static final String PAGE = "<!doctype html><html><body>page</body></html>";

    @RegisterExtension
    final TestServer server = TestServer.start();
    @TempDir
    Path folder;

    private final HeldCertificate root = new HeldCertificate.Builder().certificateAuthority(0)
            .commonName("isolation untrusted root").build();
    private final MockWebServer untrusted = new MockWebServer();
    private HttpProxy proxy;
    private Session partitionB;
    private final Map<String, WebView> views = new ConcurrentHashMap<>();

    @BeforeAll
    void start() throws Exception {
        HeldCertificate leaf = new HeldCertificate.Builder().commonName("isolation leaf")
                .addSubjectAlternativeName("localhost").addSubjectAlternativeName("127.0.0.1").signedBy(root).build();
        untrusted.useHttps(new HandshakeCertificates.Builder().heldCertificate(leaf, root.certificate()).build()
                .sslSocketFactory());
        untrusted.setDispatcher(new mockwebserver3.Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return TestServer.ok("text/html", "<html><body>untrusted page</body></html>");
            }
        });
        untrusted.start(InetAddress.getByName("127.0.0.1"), 0);
        proxy = HttpProxy.start();
        partitionB = Session.fromPartition("persist:iso-b-" + SEQ.incrementAndGet());

        server.route("/page.html", "text/html", PAGE);
        server.route("/set-cookie.html", r -> TestServer.okBuilder("text/html", PAGE)
                .addHeader("Set-Cookie", "isoheader=from-a; Path=/").build());
        server.route("/cache.html", "text/html", "<!doctype html><html><body><script src='/cached.js'></script></body></html>");
        server.route("/cached.js", r -> new MockResponse.Builder().setHeader("Content-Type", "application/javascript")
                .setHeader("Cache-Control", "max-age=3600").body("window.cachedRan = 'yes';").build());
        server.route("/basic/a.html", this::basicAuth);
        server.route("/basic/b.html", this::basicAuth);
        server.route("/download.bin", r -> new MockResponse.Builder().setHeader("Content-Type", "application/octet-stream")
                .setHeader("Content-Disposition", "attachment; filename=\"iso.bin\"").setHeader("Cache-Control", "no-store")
                .body("isolated bytes").build());
    }

    @AfterAll
    void stop() throws Exception {
        untrusted.close();
        proxy.close();
    }

    private MockResponse basicAuth(RecordedRequest r) {
        return okhttp3.Credentials.basic("alice", "secret").equals(r.getHeaders().get("Authorization"))
                ? TestServer.ok("text/html", "<html><body>welcome</body></html>")
                : TestServer.okBuilder("text/html", "<html><body>denied</body></html>").code(401)
                        .setHeader("WWW-Authenticate", "Basic realm=\"iso realm\"").build();
    }

    /** One kind of state: how to set it in A and show it works there, and how to probe an observer. */
    private record Kind(String name, StateSetter set, Probe probe) {
    }

    @FunctionalInterface
    private interface StateSetter {
        void setAndCheck(Session a) throws Exception;
    }

    @FunctionalInterface
    private interface Probe {
        void assertInvisible(Session observer, String label) throws Exception;
    }

    @TestFactory
    Stream<DynamicNode> everyKindOfStateSetInAIsInvisibleToEveryOtherSession() {
        return kinds().stream().map(kind -> {
            Session a = Session.fromPartition("persist:iso-a-" + kind.name().replaceAll("[^a-z]+", "-") + "-" + SEQ.incrementAndGet());
            List<DynamicNode> tests = new ArrayList<>();
            tests.add(dynamicTest(kind.name() + " set in A works in A", () -> kind.set().setAndCheck(a)));
            tests.add(dynamicTest(kind.name() + " set in A is invisible to partition B",
                    () -> kind.probe().assertInvisible(partitionB, "partition B")));
            tests.add(dynamicTest(kind.name() + " set in A is invisible to the default session",
                    () -> kind.probe().assertInvisible(Session.defaultSession(), "default session")));
            tests.add(dynamicTest(kind.name() + " set in A is invisible to a fresh in-memory partition",
                    () -> kind.probe().assertInvisible(Session.fromPartition("iso-fresh-" + SEQ.incrementAndGet()),
                            "fresh in-memory partition")));
            tests.add(dynamicTest(kind.name() + " probe run on A itself sees it (the probe can fail)",
                    () -> assertThatThrownBy(() -> kind.probe().assertInvisible(a, "partition A"))
                            .isInstanceOf(AssertionError.class)));
            return dynamicContainer(kind.name(), tests);
        });
    }

    /** The one WebView of {@code session} used by this class, on {@code url}; asserts the load's outcome. */
    private WebView load(Session session, String url, Worker.State expected) {
        WebView view = views.computeIfAbsent(session.getPartition(), p -> Pages.attached(session));
        Worker.State state = loadAndWait(view.getEngine(), () -> view.getEngine().load(url));
        assertThat(state).as("loading " + url + " in " + session).isEqualTo(expected);
        return view;
    }

    private WebView open(Session session, String url) {
        return load(session, url, Worker.State.SUCCEEDED);
    }

    private String page(String tag) {
        return server.url("/page.html?" + tag);
    }

    private RecordedRequest last(String path) {
        List<RecordedRequest> requests = server.requests(path);
        assertThat(requests).as("requests for " + path).isNotEmpty();
        return requests.get(requests.size() - 1);
    }

    private List<Kind> kinds() {
        List<Kind> kinds = new ArrayList<>();
        kinds.add(new Kind("cookie set by a Set-Cookie header", a -> {
            open(a, server.url("/set-cookie.html"));
            open(a, page("cookie-check-a"));
            assertThat(last("/page.html").getHeaders().get("Cookie")).isEqualTo("isoheader=from-a");
        }, (o, label) -> assertNoCookie(o, label, "isoheader")));
        kinds.add(new Kind("cookie set by document.cookie", a -> {
            eval(open(a, page("script-cookie-a")), "document.cookie = 'isoscript=from-a; path=/'");
            open(a, page("script-cookie-check-a"));
            assertThat(last("/page.html").getHeaders().get("Cookie")).isEqualTo("isoscript=from-a");
        }, (o, label) -> assertNoCookie(o, label, "isoscript")));
        kinds.add(new Kind("localStorage", a -> {
            WebView view = open(a, page("storage-a"));
            eval(view, "localStorage.setItem('iso', 'from-a')");
            assertThat(eval(open(a, page("storage-a2")), "localStorage.getItem('iso')")).isEqualTo("from-a");
        }, (o, label) -> assertThat(eval(open(o, page("storage-probe")), "String(localStorage.getItem('iso'))"))
                .as(label).isEqualTo("null")));
        kinds.add(new Kind("HTTP cache", a -> {
            assertThat(eval(open(a, server.url("/cache.html")), "window.cachedRan")).isEqualTo("yes");
            int before = server.requests("/cached.js").size();
            WebView second = Pages.open(a, server.url("/cache.html"));
            assertThat(eval(second, "window.cachedRan")).isEqualTo("yes");
            assertThat(server.requests("/cached.js")).as("A's second load comes from its cache").hasSize(before);
            assertThat(a.getCacheSize().join()).isPositive();
        }, (o, label) -> {
            int before = server.requests("/cached.js").size();
            assertThat(eval(open(o, server.url("/cache.html")), "window.cachedRan")).isEqualTo("yes");
            assertThat(server.requests("/cached.js")).as(label + " asks the server itself").hasSize(before + 1);
        }));
        kinds.add(new Kind("HTTP auth cache", a -> {
            a.setLoginHandler(info -> CompletableFuture.completedFuture(new Credentials("alice", "secret")));
            assertThat(eval(open(a, server.url("/basic/a.html")), "document.body.textContent")).isEqualTo("welcome");
            a.setLoginHandler(info -> CompletableFuture.completedFuture(null));
            assertThat(eval(open(a, server.url("/basic/b.html?a")), "document.body.textContent"))
                    .as("A answers from its auth cache").isEqualTo("welcome");
        }, (o, label) -> {
            List<String> asked = new CopyOnWriteArrayList<>();
            o.setLoginHandler(info -> {
                asked.add(info.realm());
                return CompletableFuture.completedFuture(null);
            });
            try {
                assertThat(eval(open(o, server.url("/basic/b.html?probe")), "document.body.textContent")).as(label).isEqualTo("denied");
                assertThat(last("/basic/b.html").getHeaders().get("Authorization")).as(label + " sends no credentials").isNull();
                assertThat(asked).as(label + " asks its own handler").containsExactly("iso realm");
            } finally {
                o.setLoginHandler(null);
            }
        }));
        kinds.add(new Kind("proxy configuration", a -> {
            a.setProxy(ProxyConfig.builder().proxyRules("http://" + proxy.address()).proxyBypassRules("<-loopback>").build()).join();
            open(a, page("proxied-a"));
            assertThat(proxy.served()).anyMatch(line -> line.endsWith("/page.html?proxied-a"));
            assertThat(a.resolveProxy(page("x")).join()).isEqualTo("PROXY " + proxy.address());
        }, (o, label) -> {
            String tag = "direct-" + SEQ.incrementAndGet();
            open(o, page(tag));
            assertThat(proxy.served()).as(label).noneMatch(line -> line.endsWith(tag));
            assertThat(last("/page.html").getUrl().query()).isEqualTo(tag);
            assertThat(o.resolveProxy(page("x")).join()).as(label).isEqualTo("DIRECT");
        }));
        kinds.add(new Kind("certificate verify decision", a -> {
            List<String> asked = new CopyOnWriteArrayList<>();
            a.setCertificateVerifyProc((request, callback) -> {
                asked.add(request.hostname());
                callback.accept(CertificateVerifyProc.ACCEPT);
            });
            open(a, untrusted.url("/a.html").toString());
            assertThat(asked).isNotEmpty();
        }, (o, label) -> load(o, untrusted.url("/probe.html").toString(), Worker.State.FAILED)));
        kinds.add(new Kind("permission check handler", a -> {
            a.setPermissionCheckHandler((contents, permission, origin, details) -> true);
            assertThat(eval(open(a, page("check-a")), "Notification.permission")).isEqualTo("granted");
        }, (o, label) -> assertThat(eval(open(o, page("check-probe")), "Notification.permission")).as(label).isEqualTo("default")));
        kinds.add(new Kind("remembered permission decision", a -> {
            a.permissionDecisions().remember(server.url("/"), Permission.NOTIFICATIONS, true);
            assertThat(eval(open(a, page("remembered-a")), "Notification.permission")).isEqualTo("granted");
        }, (o, label) -> {
            assertThat(o.permissionDecisions().get(server.url("/"), Permission.NOTIFICATIONS)).as(label).isEmpty();
            assertThat(eval(open(o, page("remembered-probe")), "Notification.permission")).as(label).isEqualTo("default");
        }));
        kinds.add(new Kind("protocol handler", a -> {
            a.protocol().handle("isoa", request -> CompletableFuture.completedFuture(
                    ProtocolResponse.ofString("<html><body>from-a</body></html>", "text/html")));
            assertThat(eval(open(a, "isoa://host/"), "document.body.textContent")).isEqualTo("from-a");
        }, (o, label) -> {
            assertThat(o.protocol().isProtocolHandled("isoa")).as(label).isFalse();
            load(o, "isoa://host/", Worker.State.FAILED);
        }));
        List<String> seenByA = new CopyOnWriteArrayList<>();
        kinds.add(new Kind("webRequest listener", a -> {
            a.webRequest().onBeforeSendHeaders((details, callback) -> {
                seenByA.add(details.url());
                Map<String, String> headers = new LinkedHashMap<>(details.requestHeaders());
                headers.put("X-Iso", "from-a");
                callback.accept(BeforeSendHeadersResponse.headers(headers));
            });
            open(a, page("webrequest-a"));
            assertThat(last("/page.html").getHeaders().get("X-Iso")).isEqualTo("from-a");
        }, (o, label) -> {
            String tag = "webrequest-" + SEQ.incrementAndGet();
            open(o, page(tag));
            assertThat(last("/page.html").getHeaders().get("X-Iso")).as(label).isNull();
            assertThat(seenByA).as(label).noneMatch(url -> url.endsWith(tag));
        }));
        kinds.add(new Kind("preload", a -> {
            Path preload = Files.writeString(folder.resolve("preload.js"), "window.isoPreload = 'from-a';");
            a.setPreloads(List.of(preload));
            assertThat(eval(open(a, page("preload-a")), "window.isoPreload")).isEqualTo("from-a");
        }, (o, label) -> {
            assertThat(o.getPreloads()).as(label).isEmpty();
            assertThat(eval(open(o, page("preload-probe")), "typeof window.isoPreload")).as(label).isEqualTo("undefined");
        }));
        kinds.add(new Kind("spellcheck custom word", a -> {
            assertThat(a.isWordMisspelled("fxisolationword")).isTrue();
            assertThat(a.addWordToSpellCheckerDictionary("fxisolationword")).isTrue();
            assertThat(a.isWordMisspelled("fxisolationword")).isFalse();
            assertThat(a.listWordsInSpellCheckerDictionary().get(10, TimeUnit.SECONDS)).containsExactly("fxisolationword");
        }, (o, label) -> {
            assertThat(o.listWordsInSpellCheckerDictionary().get(10, TimeUnit.SECONDS)).as(label).doesNotContain("fxisolationword");
            assertThat(o.isWordMisspelled("fxisolationword")).as(label).isTrue();
        }));
        Path aDownloads = folder.resolve("downloads-a");
        kinds.add(new Kind("download folder", a -> {
            Files.createDirectories(aDownloads);
            a.setDownloadPath(aDownloads);
            List<String> whileDeciding = new CopyOnWriteArrayList<>();
            DownloadItem item = download(a, (event, candidate, contents) -> whileDeciding.addAll(afterFirstByte(candidate, aDownloads)));
            assertThat(whileDeciding).as("A writes its part file in its folder from the first byte").singleElement()
                    .satisfies(name -> assertThat(name).startsWith("iso.bin").endsWith(".part"));
            assertThat(item.getSavePath()).isEqualTo(aDownloads.resolve("iso.bin"));
            assertThat(Files.readString(aDownloads.resolve("iso.bin"))).isEqualTo("isolated bytes");
        }, (o, label) -> {
            List<String> inAWhileDeciding = new CopyOnWriteArrayList<>();
            Path own = Files.createDirectories(folder.resolve("downloads-" + SEQ.incrementAndGet())).resolve("mine.bin");
            DownloadItem item = download(o, (event, candidate, contents) -> {
                inAWhileDeciding.addAll(afterFirstByte(candidate, aDownloads));
                candidate.setSavePath(own);
            });
            assertThat(inAWhileDeciding).as(label + ": its part file is not in A's folder").containsExactly("iso.bin");
            assertThat(item.getSavePath()).isEqualTo(own);
            assertThat(Files.readString(own)).isEqualTo("isolated bytes");
            assertThat(names(aDownloads)).as(label).containsExactly("iso.bin");
        }));
        kinds.add(new Kind("extension", a -> {
            Path dir = Files.createDirectories(folder.resolve("ext"));
            Files.writeString(dir.resolve("manifest.json"), "{\"manifest_version\": 3, \"name\": \"iso\", \"version\": \"1.0\","
                    + " \"content_scripts\": [{\"matches\": [\"<all_urls>\"], \"js\": [\"cs.js\"], \"run_at\": \"document_end\"}]}");
            Files.writeString(dir.resolve("cs.js"), "document.documentElement.dataset.iso = 'from-a';");
            Extension ext = a.loadExtension(dir).get(30, TimeUnit.SECONDS);
            assertThat(a.getAllExtensions()).containsExactly(ext);
            WebView view = open(a, page("extension-a"));
            waitUntil("A's content script ran", () -> "from-a".equals(eval(view, "document.documentElement.dataset.iso")));
        }, (o, label) -> {
            assertThat(o.getAllExtensions()).as(label).isEmpty();
            WebView view = open(o, page("extension-probe"));
            Thread.sleep(300); // the time A's content script is given before its absence counts (run on A, this fails)
            assertThat(eval(view, "String(document.documentElement.dataset.iso)")).as(label).isEqualTo("undefined");
        }));
        kinds.add(new Kind("network emulation", a -> {
            a.enableNetworkEmulation(NetworkEmulationOptions.OFFLINE);
            int before = server.requests("/page.html").size();
            WebView view = Pages.attached(a);
            assertThat(loadAndWait(view.getEngine(), () -> view.getEngine().load(page("offline-a")))).isEqualTo(Worker.State.FAILED);
            assertThat(server.requests("/page.html")).hasSize(before);
        }, (o, label) -> {
            String tag = "online-" + SEQ.incrementAndGet();
            open(o, page(tag));
            assertThat(last("/page.html").getUrl().query()).as(label).isEqualTo(tag);
        }));
        return kinds;
    }

    private void assertNoCookie(Session observer, String label, String name) {
        String tag = "cookie-probe-" + SEQ.incrementAndGet();
        WebView view = open(observer, page(tag));
        RecordedRequest request = last("/page.html");
        assertThat(request.getUrl().query()).isEqualTo(tag);
        String header = request.getHeaders().get("Cookie");
        assertThat(header == null ? "" : header).as(label + " over HTTP").doesNotContain(name);
        assertThat((String) eval(view, "document.cookie")).as(label + " by script").doesNotContain(name);
        assertThat(observer.cookies().get(CookieFilter.all()).join()).extracting(Cookie::name).as(label + " by API")
                .doesNotContain(name);
    }

    /**
     * The names in {@code dir} once {@code item} has written its first byte to its part file, which
     * happens before its destination is decided (so in the session's download folder, if it has one).
     * Waits inside the 'will-download' listener, on the FX thread, for that first byte (a few ms).
     */
    private static List<String> afterFirstByte(DownloadItem item, Path dir) {
        waitUntil("the first byte of " + item.getURL(), () -> item.getReceivedBytes() > 0);
        return names(dir);
    }

    private static List<String> names(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Downloads {@code /download.bin} in {@code session} and waits until it is done. */
    private DownloadItem download(Session session, io.github.fxsession.download.WillDownloadListener decide) throws Exception {
        CompletableFuture<DownloadItem> done = new CompletableFuture<>();
        var subscription = session.onWillDownload((event, item, contents) -> {
            if (decide != null) {
                decide.willDownload(event, item, contents);
            }
            item.onDone(state -> done.complete(item));
        });
        try {
            session.downloadURL(server.url("/download.bin"));
            return done.get(30, TimeUnit.SECONDS);
        } finally {
            subscription.unsubscribe();
        }
    }
}
