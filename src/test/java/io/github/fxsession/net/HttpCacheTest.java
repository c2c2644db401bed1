package io.github.fxsession.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.fxsession.PartitionOptions;
import io.github.fxsession.Session;
import io.github.fxsession.internal.net.NetResponse;
import io.github.fxsession.testing.FxToolkit;
import io.github.fxsession.testing.Pages;
import io.github.fxsession.testing.SessionChain;
import io.github.fxsession.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each partition has its own HTTP cache, used as HTTP's caching rules say. */
@ExtendWith(FxToolkit.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpCacheTest {

    @RegisterExtension
    final TestServer server = TestServer.start();
    private final AtomicInteger etagHits = new AtomicInteger();
    /** Larger than an in-memory partition's whole cache. */
    private static final byte[] BIG = new byte[(int) io.github.fxsession.internal.storage.HttpCache.MEMORY_MAX_BYTES + 4096];

    static {
        new java.util.Random(7).nextBytes(BIG);
    }

    @BeforeAll
    void routes() {
        server.route("/fresh.txt", r -> new MockResponse.Builder().setHeader("Content-Type", "text/plain")
                .setHeader("Cache-Control", "max-age=3600").body("fresh " + r.getHeaders().get("User-Agent")).build());
        server.route("/etag.txt", r -> {
            etagHits.incrementAndGet();
            if ("\"v1\"".equals(r.getHeaders().get("If-None-Match"))) {
                return new MockResponse.Builder().code(304).setHeader("ETag", "\"v1\"").build();
            }
            return new MockResponse.Builder().setHeader("Content-Type", "text/plain").setHeader("Cache-Control", "no-cache")
                    .setHeader("ETag", "\"v1\"").body("validated body").build();
        });
        server.route("/modified.txt", r -> {
            if (r.getHeaders().get("If-Modified-Since") != null) {
                return new MockResponse.Builder().code(304).build();
            }
            return new MockResponse.Builder().setHeader("Content-Type", "text/plain").setHeader("Cache-Control", "no-cache")
                    .setHeader("Last-Modified", "Mon, 01 Jan 2024 00:00:00 GMT").body("modified body").build();
        });
        server.route("/cookie.txt", r -> new MockResponse.Builder().setHeader("Content-Type", "text/plain")
                .setHeader("Cache-Control", "max-age=3600").setHeader("Set-Cookie", "once=1").body("cookie").build());
        server.route("/big.bin", r -> new MockResponse.Builder().setHeader("Content-Type", "application/octet-stream")
                .setHeader("Cache-Control", "max-age=3600").body(new okio.Buffer().write(BIG)).build());
        server.route("/page.html", "text/html", "<html><body><script src='/script.js'></script></body></html>");
        server.route("/script.js", r -> new MockResponse.Builder().setHeader("Content-Type", "application/javascript")
                .setHeader("Cache-Control", "max-age=3600").body("window.loaded = 'yes';").build());
    }

    private static Session session(String partition) {
        Session session = Session.fromPartition(partition);
        session.setUserAgent("CacheTest/" + partition);
        return session;
    }

    @Test
    void secondLoadOfAFreshResponseNeverReachesTheServer() throws Exception {
        Session session = session("cache-fresh");
        assertThat(SessionChain.get(session, server.url("/fresh.txt"))).isEqualTo("fresh CacheTest/cache-fresh");
        assertThat(SessionChain.get(session, server.url("/fresh.txt"))).isEqualTo("fresh CacheTest/cache-fresh");
        assertThat(server.requests("/fresh.txt")).hasSize(1);
    }

    @Test
    void staleResponseIsValidatedWithItsEtagAndServedFromTheCacheOn304() throws Exception {
        Session session = session("cache-etag");
        int before = etagHits.get();
        assertThat(SessionChain.get(session, server.url("/etag.txt"))).isEqualTo("validated body");
        NetResponse second = SessionChain.send(session, "GET", server.url("/etag.txt"), null);
        assertThat(second.code()).isEqualTo(200);
        assertThat(new String(second.body().readAllBytes())).isEqualTo("validated body");
        assertThat(etagHits.get() - before).isEqualTo(2);
        List<RecordedRequest> requests = server.requests("/etag.txt");
        assertThat(requests.get(requests.size() - 1).getHeaders().get("If-None-Match")).isEqualTo("\"v1\"");
    }

    @Test
    void staleResponseIsValidatedWithItsLastModifiedDate() throws Exception {
        Session session = session("cache-modified");
        assertThat(SessionChain.get(session, server.url("/modified.txt"))).isEqualTo("modified body");
        assertThat(SessionChain.get(session, server.url("/modified.txt"))).isEqualTo("modified body");
        List<RecordedRequest> requests = server.requests("/modified.txt");
        assertThat(requests.get(requests.size() - 1).getHeaders().get("If-Modified-Since"))
                .isEqualTo("Mon, 01 Jan 2024 00:00:00 GMT");
    }

    @Test
    void partitionsNeverShareCachedResponses() throws Exception {
        String url = server.url("/fresh.txt?shared");
        assertThat(SessionChain.get(session("cache-share-a"), url)).isEqualTo("fresh CacheTest/cache-share-a");
        assertThat(SessionChain.get(session("cache-share-b"), url)).isEqualTo("fresh CacheTest/cache-share-b");
        assertThat(SessionChain.get(session("cache-share-a"), url)).isEqualTo("fresh CacheTest/cache-share-a");
        assertThat(server.requests("/fresh.txt").stream().filter(r -> "shared".equals(r.getUrl().query()))).hasSize(2);
    }

    @Test
    void partitionCreatedWithoutCacheAsksTheServerEachTime() throws Exception {
        Session session = Session.fromPartition("cache-off", new PartitionOptions(false));
        session.setUserAgent("CacheTest/off");
        String url = server.url("/fresh.txt?off");
        SessionChain.get(session, url);
        SessionChain.get(session, url);
        assertThat(server.requests("/fresh.txt").stream().filter(r -> "off".equals(r.getUrl().query()))).hasSize(2);
        assertThat(session.getCacheSize().join()).isZero();
    }

    @Test
    void cacheSizeCountsStoredBytesAndClearCacheEmptiesIt() throws Exception {
        Session session = session("cache-size");
        assertThat(session.getCacheSize().join()).isZero();
        String url = server.url("/fresh.txt?size");
        SessionChain.get(session, url);
        assertThat(session.getCacheSize().join()).isGreaterThan("fresh CacheTest/cache-size".length());
        session.clearCache().join();
        assertThat(session.getCacheSize().join()).isZero();
        SessionChain.get(session, url);
        assertThat(server.requests("/fresh.txt").stream().filter(r -> "size".equals(r.getUrl().query()))).hasSize(2);
    }

    @Test
    void persistentPartitionKeepsItsCacheUnderItsStoragePath() throws Exception {
        Session session = session("persist:cache-disk");
        session.clearCache().join();
        SessionChain.get(session, server.url("/fresh.txt?disk"));
        try (var files = Files.list(session.getStoragePath().resolve("Cache"))) {
            assertThat(files.map(p -> p.getFileName().toString())).contains("journal");
        }
        assertThat(session.getCacheSize().join()).isPositive();
    }

    @Test
    void inMemoryPartitionKeepsItsCacheInTheHeapNeverOnDisk() throws Exception {
        Session session = session("cache-heap");
        String url = server.url("/fresh.txt?heap");
        SessionChain.get(session, url);
        SessionChain.get(session, url);
        assertThat(server.requests("/fresh.txt").stream().filter(r -> "heap".equals(r.getUrl().query()))).hasSize(1);
        assertThat(session.getCacheSize().join()).isPositive();
        Path webKit = io.github.fxsession.internal.session.SessionRegistry.get("cache-heap", null, c -> c).webKitDirectory();
        try (var files = Files.walk(webKit)) {
            assertThat(files.filter(p -> p.getFileName().toString().equals("journal"))).isEmpty();
        }
    }

    @Test
    void responseLargerThanTheInMemoryCacheStreamsWholeAndStaysUncached() throws Exception {
        Session session = session("cache-memory-big");
        for (int i = 0; i < 2; i++) {
            NetResponse response = SessionChain.send(session, "GET", server.url("/big.bin"), null);
            try (var body = response.body()) {
                assertThat(body.readAllBytes()).isEqualTo(BIG);
            }
        }
        assertThat(server.requests("/big.bin")).hasSize(2);
        assertThat(session.getCacheSize().join()).isLessThan(io.github.fxsession.internal.storage.HttpCache.MEMORY_MAX_BYTES);
    }

    @Test
    void cachedCopyDoesNotSetItsCookieAgain() throws Exception {
        Session session = session("cache-cookie");
        NetResponse first = SessionChain.send(session, "GET", server.url("/cookie.txt"), null);
        first.body().readAllBytes();
        NetResponse cached = SessionChain.send(session, "GET", server.url("/cookie.txt"), null);
        cached.body().readAllBytes();
        assertThat(first.header("Set-Cookie")).isEqualTo("once=1");
        assertThat(cached.header("Set-Cookie")).isNull();
        assertThat(server.requests("/cookie.txt")).hasSize(1);
    }

    @Test
    void anotherWebViewOfThePartitionGetsTheScriptFromTheCache() {
        Session session = session("cache-webview");
        var first = Pages.open(session, server.url("/page.html"));
        var second = Pages.open(session, server.url("/page.html"));
        assertThat(Pages.eval(first, "window.loaded")).isEqualTo("yes");
        assertThat(Pages.eval(second, "window.loaded")).isEqualTo("yes");
        assertThat(server.requests("/script.js")).hasSize(1);
    }
}
