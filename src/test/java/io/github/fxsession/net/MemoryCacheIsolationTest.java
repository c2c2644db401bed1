package io.github.fxsession.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.fxsession.Session;
import io.github.fxsession.testing.FxToolkit;
import io.github.fxsession.testing.Pages;
import io.github.fxsession.testing.TestServer;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * WebKit keeps one memory cache for the whole process; a response one partition cached must not be
 * served to another partition's page without a request of its own.
 */
@ExtendWith(FxToolkit.class)
class MemoryCacheIsolationTest {

    @Test
    void cacheableResourceOfOnePartitionIsFetchedAgainForAnother() throws Exception {
        try (TestServer server = new TestServer()) {
            server.route("/cached.html", "text/html", "<html><body><script src='/cached.js'></script></body></html>");
            server.route("/cached.js", r -> new MockResponse.Builder().setHeader("Content-Type", "application/javascript")
                    .setHeader("Cache-Control", "public, max-age=3600")
                    .body("window.servedTo = '" + r.getHeaders().get("User-Agent") + "';").build());
            Session a = Session.fromPartition("memcache-a");
            Session b = Session.fromPartition("memcache-b");
            a.setUserAgent("CacheA/1");
            b.setUserAgent("CacheB/1");
            var viewA = Pages.open(a, server.url("/cached.html"));
            var viewB = Pages.open(b, server.url("/cached.html"));
            List<String> agents = server.requests("/cached.js").stream().map(RecordedRequest::getHeaders)
                    .map(h -> h.get("User-Agent")).toList();
            assertThat(agents).containsExactly("CacheA/1", "CacheB/1");
            assertThat(Pages.eval(viewA, "window.servedTo")).isEqualTo("CacheA/1");
            assertThat(Pages.eval(viewB, "window.servedTo")).isEqualTo("CacheB/1");
        }
    }
}
