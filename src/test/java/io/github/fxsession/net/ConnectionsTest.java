package io.github.fxsession.net;

import static io.github.fxsession.testing.FxToolkit.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.fxsession.Session;
import io.github.fxsession.internal.net.NetResponse;
import io.github.fxsession.testing.FxToolkit;
import io.github.fxsession.testing.Pages;
import io.github.fxsession.testing.SessionChain;
import io.github.fxsession.testing.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** preconnect, the 'preconnect' event and closeAllConnections on a partition's own connections. */
@ExtendWith(FxToolkit.class)
class ConnectionsTest {

    /** A plain server socket on loopback that counts the connections it accepts and keeps them open. */
    private static final class CountingServer implements AutoCloseable {
        final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        final AtomicInteger accepted = new AtomicInteger();
        final List<Socket> open = new CopyOnWriteArrayList<>();

        CountingServer() throws IOException {
            Thread thread = new Thread(() -> {
                try {
                    while (true) {
                        open.add(socket.accept());
                        accepted.incrementAndGet();
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            }, "counting-server");
            thread.setDaemon(true);
            thread.start();
        }

        String url() {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/";
        }

        @Override
        public void close() throws IOException {
            socket.close();
            for (Socket s : open) {
                s.close();
            }
        }
    }

    private static Session session(String partition) {
        Session session = Session.fromPartition(partition);
        session.setUserAgent("ConnectionsTest/1");
        return session;
    }

    @Test
    void preconnectOpensTheRequestedNumberOfSocketsBeforeAnyRequest() throws Exception {
        try (CountingServer server = new CountingServer()) {
            session("connect-count").preconnect(new PreconnectOptions(server.url() + "app/page", 3)).get(10, TimeUnit.SECONDS);
            waitUntil(() -> "3 accepted connections, not " + server.accepted.get(), () -> server.accepted.get() == 3);
        }
    }

    @Test
    void nextRequestTravelsOnThePreconnectedSocket() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse.Builder().body("on the early socket").build());
            server.start(InetAddress.getByName("127.0.0.1"), 0);
            Session session = session("connect-reuse");
            session.preconnect(new PreconnectOptions(server.url("/").toString())).get(10, TimeUnit.SECONDS);
            assertThat(SessionChain.get(session, server.url("/first").toString())).isEqualTo("on the early socket");
            RecordedRequest request = server.takeRequest();
            assertThat(request.getConnectionIndex()).isZero();
            assertThat(request.getExchangeIndex()).isZero();
        }
    }

    @Test
    void numSocketsOutsideOneToSixIsRejectedQuotingTheValue() {
        assertThatThrownBy(() -> new PreconnectOptions("https://example.com", 7))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("numSockets must be between 1 and 6: 7");
        assertThatThrownBy(() -> new PreconnectOptions("https://example.com", 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("numSockets must be between 1 and 6: 0");
    }

    @Test
    void preconnectToAnythingButAnHttpUrlIsRejectedQuotingIt() {
        assertThatThrownBy(() -> new PreconnectOptions("ftp://example.com/", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("url must be an absolute http or https URL with a host: 'ftp://example.com/'");
        assertThatThrownBy(() -> new PreconnectOptions("not a url"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("url must be an absolute http or https URL with a host: 'not a url'");
    }

    @Test
    void linkRelPreconnectInAPageEmitsTheEventAndOpensTheSocket() throws Exception {
        try (CountingServer credentialed = new CountingServer(); CountingServer anonymous = new CountingServer();
             TestServer pages = new TestServer()) {
            pages.route("/hints.html", "text/html", "<html><head>"
                    + "<link rel=\"preconnect\" href=\"" + credentialed.url() + "\">"
                    + "<link href='" + anonymous.url() + "' crossorigin rel='dns-prefetch preconnect'>"
                    + "<link rel=stylesheet href=\"data:text/css,\">"
                    + "</head><body>hints</body></html>");
            Session session = session("connect-hints");
            List<PreconnectEvent> events = new CopyOnWriteArrayList<>();
            session.onPreconnect(events::add);
            Pages.open(session, pages.url("/hints.html"));
            assertThat(events).containsExactly(new PreconnectEvent(credentialed.url(), true),
                    new PreconnectEvent(anonymous.url(), false));
            waitUntil(() -> "each hinted origin accepted a connection: " + credentialed.accepted.get() + ", "
                    + anonymous.accepted.get(), () -> credentialed.accepted.get() == 1 && anonymous.accepted.get() == 1);
        }
    }

    @Test
    void unsubscribedListenerHearsNoMoreHints() throws Exception {
        try (TestServer pages = new TestServer()) {
            pages.route("/one.html", "text/html", "<html><head><link rel=preconnect href=/x></head></html>");
            Session session = session("connect-unsubscribe");
            List<PreconnectEvent> events = new CopyOnWriteArrayList<>();
            session.onPreconnect(events::add).unsubscribe();
            Pages.open(session, pages.url("/one.html"));
            assertThat(events).isEmpty();
        }
    }

    @Test
    void closeAllConnectionsFailsARequestInFlight() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse.Builder().body(new okio.Buffer().write(new byte[64 * 1024]))
                    .throttleBody(1024, 100, TimeUnit.MILLISECONDS).build());
            server.start(InetAddress.getByName("127.0.0.1"), 0);
            Session session = session("connect-close-flight");
            NetResponse response = SessionChain.send(session, "GET", server.url("/slow").toString(), null);
            InputStream body = response.body();
            assertThat(body.read(new byte[512])).isPositive();
            CompletableFuture<Throwable> reading = CompletableFuture.supplyAsync(() -> {
                try {
                    body.readAllBytes();
                    return null;
                } catch (IOException e) {
                    return e;
                }
            });
            session.closeAllConnections().get(10, TimeUnit.SECONDS);
            assertThat(reading.get(10, TimeUnit.SECONDS)).isInstanceOf(IOException.class);
        }
    }

    @Test
    void closeAllConnectionsClosesPooledConnections() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse.Builder().body("one").build());
            server.enqueue(new MockResponse.Builder().body("two").build());
            server.start(InetAddress.getByName("127.0.0.1"), 0);
            Session session = session("connect-close-pool");
            assertThat(SessionChain.get(session, server.url("/1").toString())).isEqualTo("one");
            session.closeAllConnections().get(10, TimeUnit.SECONDS);
            assertThat(SessionChain.get(session, server.url("/2").toString())).isEqualTo("two");
            assertThat(server.takeRequest().getConnectionIndex()).isZero();
            assertThat(server.takeRequest().getConnectionIndex()).isEqualTo(1);
        }
    }
}
