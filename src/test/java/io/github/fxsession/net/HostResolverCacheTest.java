package io.github.fxsession.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.fxsession.Session;
import io.github.fxsession.internal.session.SessionRegistry;
import io.github.fxsession.testing.FxToolkit;
import io.github.fxsession.testing.Pages;
import io.github.fxsession.testing.TestServer;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A session's pages resolve names through the session's own cache, which clearHostResolverCache empties. */
@ExtendWith(FxToolkit.class)
class HostResolverCacheTest {

    @RegisterExtension
    final TestServer server = TestServer.start();

    @Test
    void afterClearingTheNextPageResolvesItsHostAgain() throws Exception {
        // every response closes its connection, so each page load needs a new connection and a route
        server.route("/dns.html", r -> TestServer.okBuilder("text/html", "<html><body>resolved</body></html>")
                .setHeader("Connection", "close").build());
        Session session = Session.fromPartition("dns-clear");
        AtomicInteger lookups = new AtomicInteger();
        SessionRegistry.get("dns-clear", null, c -> null).hostResolver().setDelegate(host -> {
            assertThat(host).isEqualTo("fxsession-dns.test");
            lookups.incrementAndGet();
            return List.of(InetAddress.getByName("127.0.0.1"));
        });
        String url = "http://fxsession-dns.test:" + server.port() + "/dns.html";

        Pages.open(session, url + "?1");
        Pages.open(session, url + "?2");
        assertThat(lookups).as("second page served from the session's resolver cache").hasValue(1);

        session.clearHostResolverCache().get(5, TimeUnit.SECONDS);
        Pages.open(session, url + "?3");
        assertThat(lookups).hasValue(2);
        assertThat(server.requests("/dns.html")).hasSize(3);
    }
}
