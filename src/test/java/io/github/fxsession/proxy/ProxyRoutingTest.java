package io.github.fxsession.proxy;

import static io.github.fxsession.testing.FxToolkit.loadAndWait;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.fxsession.Session;
import io.github.fxsession.testing.FxToolkit;
import io.github.fxsession.testing.HttpProxy;
import io.github.fxsession.testing.Pages;
import io.github.fxsession.testing.SocksProxy;
import io.github.fxsession.testing.TestServer;
import io.github.fxsession.testing.TestTls;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.concurrent.Worker;
import javafx.scene.web.WebView;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Real WebViews through real proxies on 127.0.0.1. The pages are on loopback too, which bypasses
 * proxies by default (as in Chromium): every configuration here says {@code <-loopback>}.
 */
@ExtendWith(FxToolkit.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProxyRoutingTest {

    private static final String PROXY_LOOPBACK = "<-loopback>";

    @RegisterExtension
    final TestServer server = TestServer.start();

    private HttpProxy p1;
    private SocksProxy p2;

    @BeforeAll
    void start() throws Exception {
        p1 = HttpProxy.start();
        p2 = SocksProxy.start();
        server.route("/page.html", "text/html", "<html><body>page</body></html>");
    }

    @AfterAll
    void stop() throws Exception {
        p1.close();
        p2.close();
    }

    private static Session partition(String name, String rules) {
        Session session = Session.fromPartition(name);
        session.setProxy(ProxyConfig.builder().proxyRules(rules).proxyBypassRules(PROXY_LOOPBACK).build()).join();
        return session;
    }

    private static Worker.State load(Session session, String url) {
        WebView view = Pages.attached(session);
        return loadAndWait(view.getEngine(), () -> view.getEngine().load(url));
    }

    /** A login handler that notes what it was asked and answers {@code credentials} (null: cancel). */
    private static ProxyLoginHandler answering(List<ProxyAuthInfo> asked, ProxyCredentials credentials) {
        return info -> {
            asked.add(info);
            return CompletableFuture.completedFuture(credentials);
        };
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    @Test
    void threePartitionsEachReachTheServerOnlyThroughTheirOwnProxy() {
        Session viaP1 = partition("proxy-p1", "http://" + p1.address());
        Session viaP2 = partition("proxy-p2", "socks5://" + p2.address());
        Session direct = Session.fromPartition("proxy-direct");
        int p1Before = p1.log().size();
        int p2Before = p2.log().size();

        Pages.open(viaP1, server.url("/page.html?p1"));
        List<String> p1Traffic = p1.served().subList(p1Before, p1.served().size());
        assertThat(p1Traffic).isNotEmpty().allMatch(line -> line.startsWith("GET http://") && line.endsWith("/page.html?p1"));
        assertThat(p2.log()).hasSize(p2Before);

        Pages.open(viaP2, server.url("/page.html?p2"));
        assertThat(p2.log().subList(p2Before, p2.log().size())).isNotEmpty()
                .allMatch(line -> line.startsWith("SOCKS5 ") && line.endsWith(":" + server.port()));
        assertThat(p1.served().subList(p1Before, p1.served().size())).isEqualTo(p1Traffic);

        int p2After = p2.log().size();
        Pages.open(direct, server.url("/page.html?direct"));
        assertThat(p1.served().subList(p1Before, p1.served().size())).isEqualTo(p1Traffic);
        assertThat(p2.log()).hasSize(p2After);
        assertThat(server.requests("/page.html")).extracting(r -> r.getUrl().encodedQuery()).contains("p1", "p2", "direct");
    }

    @Test
    void httpsPagesTunnelThroughConnect() throws Exception {
        try (MockWebServer secure = new MockWebServer()) {
            secure.useHttps(TestTls.serverContext().getSocketFactory());
            secure.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/html").body("<html><body>tls</body></html>").build());
            secure.start(InetAddress.getByName("127.0.0.1"), 0);
            Session session = partition("proxy-connect", "https=" + p1.address());
            Pages.open(session, secure.url("/secure.html").toString());
            assertThat(p1.served()).anyMatch(line -> line.startsWith("CONNECT ") && line.endsWith(":" + secure.getPort()));
            assertThat(secure.takeRequest().getHandshake()).isNotNull();
        }
    }

    @Test
    void anUnreachableProxyFailsOverToTheNextOne() throws Exception {
        Session session = partition("proxy-failover", "http://127.0.0.1:" + closedPort() + ",http://" + p1.address());
        Pages.open(session, server.url("/page.html?failover"));
        assertThat(p1.served()).anyMatch(line -> line.endsWith("/page.html?failover"));
    }

    @Test
    void whenEveryProxyIsUnreachableTheLoadFailsInsteadOfGoingDirect() throws Exception {
        Session session = partition("proxy-dead", "http://127.0.0.1:" + closedPort() + ",socks5://127.0.0.1:" + closedPort());
        assertThat(load(session, server.url("/page.html?dead"))).isEqualTo(Worker.State.FAILED);
        assertThat(server.requests("/page.html")).noneMatch(r -> "dead".equals(r.getUrl().encodedQuery()));
    }

    @Test
    void anHttpsProxyIsReachedOverTls() throws Exception {
        try (HttpProxy tlsProxy = HttpProxy.startTls(TestTls.serverContext())) {
            Session session = partition("proxy-https", "https://localhost:" + tlsProxy.port());
            Pages.open(session, server.url("/page.html?tlsproxy"));
            assertThat(tlsProxy.served()).anyMatch(line -> line.endsWith("/page.html?tlsproxy"));
        }
    }

    @Test
    void aSocks4ProxyCarriesThePage() throws Exception {
        Session session = partition("proxy-socks4", "socks4://" + p2.address());
        Pages.open(session, server.url("/page.html?socks4"));
        assertThat(p2.log()).contains("SOCKS4 127.0.0.1:" + server.port());
    }

    @Test
    void httpProxyCredentialsComeFromTheLoginHandler() throws Exception {
        try (HttpProxy guarded = HttpProxy.start().requireBasic("alice", "wonderland")) {
            Session session = partition("proxy-auth-handler", "http://" + guarded.address());
            List<ProxyAuthInfo> asked = new CopyOnWriteArrayList<>();
            session.setProxyLoginHandler(answering(asked, new ProxyCredentials("alice", "wonderland")));
            Pages.open(session, server.url("/page.html?auth1"));
            Pages.open(session, server.url("/page.html?auth2"));
            assertThat(asked).containsExactly(new ProxyAuthInfo("basic", "127.0.0.1", guarded.port(), "test proxy", 1));
            assertThat(guarded.served()).anyMatch(line -> line.endsWith("?auth1")).anyMatch(line -> line.endsWith("?auth2"));
        }
    }

    @Test
    void httpProxyCredentialsFromTheConfigurationNeedNoHandler() throws Exception {
        try (HttpProxy guarded = HttpProxy.start().requireBasic("bob", "builder")) {
            Session session = Session.fromPartition("proxy-auth-config");
            List<ProxyAuthInfo> asked = new CopyOnWriteArrayList<>();
            session.setProxyLoginHandler(answering(asked, null));
            session.setProxy(ProxyConfig.builder().proxyRules("http://" + guarded.address()).proxyBypassRules(PROXY_LOOPBACK)
                    .credentials("bob", "builder").build()).join();
            Pages.open(session, server.url("/page.html?config-auth"));
            assertThat(asked).isEmpty();
            assertThat(guarded.served()).anyMatch(line -> line.endsWith("?config-auth"));
        }
    }

    @Test
    void aRefusingHandlerLeavesTheProxysRefusal() throws Exception {
        try (HttpProxy guarded = HttpProxy.start().requireBasic("carol", "x")) {
            Session session = partition("proxy-auth-cancel", "http://" + guarded.address());
            session.setProxyLoginHandler(info -> CompletableFuture.completedFuture(null));
            load(session, server.url("/page.html?cancelled"));
            assertThat(guarded.served()).isEmpty();
            assertThat(server.requests("/page.html")).noneMatch(r -> "cancelled".equals(r.getUrl().encodedQuery()));
        }
    }

    @Test
    void socks5CredentialsComeFromTheLoginHandlerOrTheConfiguration() throws Exception {
        try (SocksProxy guarded = SocksProxy.start().requireLogin("dave", "secret")) {
            Session byHandler = partition("proxy-socks-handler", "socks5://" + guarded.address());
            List<ProxyAuthInfo> asked = new CopyOnWriteArrayList<>();
            byHandler.setProxyLoginHandler(answering(asked, new ProxyCredentials("dave", "secret")));
            Pages.open(byHandler, server.url("/page.html?socks-handler"));
            assertThat(asked).containsExactly(new ProxyAuthInfo("socks5", "127.0.0.1", guarded.port(), "", 1));

            Session byConfig = Session.fromPartition("proxy-socks-config");
            byConfig.setProxyLoginHandler(info -> CompletableFuture.failedFuture(new AssertionError("not asked")));
            byConfig.setProxy(ProxyConfig.builder().proxyRules("socks5://" + guarded.address()).proxyBypassRules(PROXY_LOOPBACK)
                    .credentials("dave", "secret").build()).join();
            Pages.open(byConfig, server.url("/page.html?socks-config"));
            assertThat(guarded.logins()).isNotEmpty().allMatch("ok dave"::equals);
        }
    }
}
