package io.github.fxsession.internal.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.fxsession.proxy.ProxyConfig;
import io.github.fxsession.proxy.ProxyMode;
import io.github.fxsession.testing.TestServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** resolveProxy in every mode, PAC sources, reloading and failures: one partition's proxy state, without WebViews. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionProxyTest {

    private static final String PAC = """
            function FindProxyForURL(url, host) {
                if (isPlainHostName(host)) return 'DIRECT';
                if (dnsDomainIs(host, '.corp.example')) return 'PROXY proxy.corp.example:3128; SOCKS5 socks.corp.example:1080';
                if (url.substring(0, 6) == 'https:') return 'HTTPS secure.example:443;DIRECT';
                return 'PROXY web.example:8080';
            }
            """;

    @RegisterExtension
    final TestServer server = TestServer.start();

    private static String resolve(SessionProxy proxy, String url) {
        return proxy.resolve(url).join();
    }

    private static String dataUrl(String script) {
        return "data:application/x-ns-proxy-autoconfig;base64," + Base64.getEncoder().encodeToString(script.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aNewPartitionGoesDirect() {
        SessionProxy proxy = new SessionProxy("new");
        assertThat(resolve(proxy, "http://example.com/")).isEqualTo("DIRECT");
        assertThat(proxy.config().mode()).isEqualTo(ProxyMode.DIRECT);
    }

    @Test
    void fixedServersAnswerInChromiumsForm() {
        SessionProxy proxy = new SessionProxy("fixed");
        proxy.setProxy(ProxyConfig.builder().proxyRules("http=foopy:80,socks5://bar.com;socks=foopy2").build()).join();
        assertThat(resolve(proxy, "http://example.com/")).isEqualTo("PROXY foopy:80;SOCKS5 bar.com:1080");
        assertThat(resolve(proxy, "https://example.com/")).isEqualTo("SOCKS foopy2:1080");
    }

    @Test
    void bypassRulesAndLoopbackGoDirect() {
        SessionProxy proxy = new SessionProxy("bypass");
        proxy.setProxy(ProxyConfig.builder().proxyRules("foopy:80").proxyBypassRules("*.internal,10.0.0.0/8").build()).join();
        assertThat(resolve(proxy, "http://a.internal/")).isEqualTo("DIRECT");
        assertThat(resolve(proxy, "http://10.2.3.4/")).isEqualTo("DIRECT");
        assertThat(resolve(proxy, "http://localhost:8080/")).isEqualTo("DIRECT");
        assertThat(resolve(proxy, "http://example.com/")).isEqualTo("PROXY foopy:80");
        proxy.setProxy(ProxyConfig.builder().proxyRules("foopy:80").proxyBypassRules("<-loopback>").build()).join();
        assertThat(resolve(proxy, "http://localhost:8080/")).isEqualTo("PROXY foopy:80");
    }

    @Test
    void eachPartitionKeepsItsOwnConfiguration() {
        SessionProxy one = new SessionProxy("one");
        SessionProxy two = new SessionProxy("two");
        one.setProxy(ProxyConfig.builder().proxyRules("p1:1").build()).join();
        two.setProxy(ProxyConfig.builder().proxyRules("p2:2").build()).join();
        assertThat(resolve(one, "http://example.com/")).isEqualTo("PROXY p1:1");
        assertThat(resolve(two, "http://example.com/")).isEqualTo("PROXY p2:2");
        one.setProxy(ProxyConfig.direct()).join();
        assertThat(resolve(one, "http://example.com/")).isEqualTo("DIRECT");
        assertThat(resolve(two, "http://example.com/")).isEqualTo("PROXY p2:2");
    }

    @Test
    void aPacScriptFromADataUrlAnswersEveryKindOfProxy() {
        SessionProxy proxy = new SessionProxy("pac-data");
        proxy.setProxy(ProxyConfig.builder().pacScript(dataUrl(PAC)).proxyRules("ignored:1").build()).join();
        assertThat(proxy.config().mode()).isEqualTo(ProxyMode.PAC_SCRIPT);
        assertThat(resolve(proxy, "http://intranet/")).isEqualTo("DIRECT");
        assertThat(resolve(proxy, "http://www.corp.example/x")).isEqualTo("PROXY proxy.corp.example:3128;SOCKS5 socks.corp.example:1080");
        assertThat(resolve(proxy, "https://bank.example/login")).isEqualTo("HTTPS secure.example:443;DIRECT");
        assertThat(resolve(proxy, "http://news.example/")).isEqualTo("PROXY web.example:8080");
        assertThat(proxy.lastError()).isEmpty();
    }

    @Test
    void aPercentEncodedDataUrlWorksToo() {
        SessionProxy proxy = new SessionProxy("pac-percent");
        String script = "function FindProxyForURL(u, h) { return 'SOCKS4 s4:1081'; }";
        proxy.setProxy(ProxyConfig.builder().pacScript("data:," + URLEncoder.encode(script, StandardCharsets.UTF_8).replace("+", "%20")).build()).join();
        assertThat(resolve(proxy, "http://example.com/")).isEqualTo("SOCKS s4:1081");
    }

    @Test
    void aPacScriptFromAFileUrl(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("proxy.pac");
        Files.writeString(file, PAC);
        SessionProxy proxy = new SessionProxy("pac-file");
        proxy.setProxy(ProxyConfig.builder().pacScript(file.toUri().toString()).build()).join();
        assertThat(resolve(proxy, "http://news.example/")).isEqualTo("PROXY web.example:8080");
    }

    @Test
    void forceReloadFetchesThePacScriptAgain() {
        AtomicInteger version = new AtomicInteger(1);
        server.route("/proxy.pac", request -> new MockResponse.Builder()
                .setHeader("Content-Type", "application/x-ns-proxy-autoconfig")
                .body("function FindProxyForURL(u, h) { return 'PROXY v" + version.get() + ":80'; }").build());
        SessionProxy proxy = new SessionProxy("pac-http");
        proxy.setProxy(ProxyConfig.builder().pacScript(server.url("/proxy.pac")).build()).join();
        assertThat(resolve(proxy, "http://example.com/")).isEqualTo("PROXY v1:80");
        version.set(2);
        assertThat(resolve(proxy, "http://example.com/")).as("cached").isEqualTo("PROXY v1:80");
        proxy.reload().join();
        assertThat(resolve(proxy, "http://example.com/")).isEqualTo("PROXY v2:80");
        assertThat(server.requests("/proxy.pac")).hasSize(2);
    }

    @Test
    void resultsAreCachedPerUrlUntilTheConfigurationChanges() {
        String counting = "var calls = 0; function FindProxyForURL(u, h) { calls++; return 'PROXY call' + calls + ':80'; }";
        SessionProxy proxy = new SessionProxy("pac-cache");
        proxy.setProxy(ProxyConfig.builder().pacScript(dataUrl(counting)).build()).join();
        assertThat(resolve(proxy, "http://a.example/")).isEqualTo("PROXY call1:80");
        assertThat(resolve(proxy, "http://a.example/")).isEqualTo("PROXY call1:80");
        assertThat(resolve(proxy, "http://b.example/")).isEqualTo("PROXY call2:80");
        proxy.reload().join();
        assertThat(resolve(proxy, "http://a.example/")).isEqualTo("PROXY call1:80");
    }

    @Test
    void aPacScriptThatCannotBeFetchedGivesDirectAndAnError() {
        SessionProxy proxy = new SessionProxy("pac-missing");
        proxy.setProxy(ProxyConfig.builder().pacScript(server.url("/missing.pac")).build()).join();
        assertThat(resolve(proxy, "http://example.com/")).isEqualTo("DIRECT");
        assertThat(proxy.lastError()).hasValue("cannot fetch PAC script " + server.url("/missing.pac")
                + ": fetching PAC script " + server.url("/missing.pac") + " failed: HTTP 404; using DIRECT");
    }

    @Test
    void aLoopingPacScriptTimesOutToDirectWithoutHangingTheCaller() {
        System.setProperty("fxsession.pacTimeoutMillis", "300");
        try {
            SessionProxy proxy = new SessionProxy("pac-loop");
            proxy.setProxy(ProxyConfig.builder().pacScript(dataUrl("function FindProxyForURL(u, h) { while (true) {} }")).build()).join();
            long start = System.nanoTime();
            assertThat(resolve(proxy, "http://example.com/")).isEqualTo("DIRECT");
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(3000);
            assertThat(proxy.lastError()).hasValue("FindProxyForURL(http://example.com/) in data: URL timed out after 300 ms");
        } finally {
            System.clearProperty("fxsession.pacTimeoutMillis");
        }
    }

    @Test
    void aPacScriptAnsweringGarbageGivesDirectAndAnError() {
        SessionProxy proxy = new SessionProxy("pac-garbage");
        proxy.setProxy(ProxyConfig.builder().pacScript(dataUrl("function FindProxyForURL(u, h) { return 'BOGUS x'; }")).build()).join();
        assertThat(resolve(proxy, "http://example.com/")).isEqualTo("DIRECT");
        assertThat(proxy.lastError()).hasValue("FindProxyForURL(http://example.com/) returned no valid proxy: 'BOGUS x'");
    }

    @Test
    void autoDetectWithoutWpadFallsBackToDirect() {
        SessionProxy proxy = new SessionProxy("wpad");
        proxy.setProxy(ProxyConfig.builder().mode(ProxyMode.AUTO_DETECT).build()).join();
        assertThat(resolve(proxy, "http://example.com/")).isEqualTo("DIRECT");
        assertThat(proxy.lastError()).get().asString().startsWith("cannot fetch PAC script http://wpad/wpad.dat: ");
    }

    @Test
    void systemModeReadsTheProxyVariables() {
        SessionProxy proxy = new SessionProxy("system-env");
        proxy.environment(Map.of("http_proxy", "http://user:pw@envproxy:3128/", "HTTPS_PROXY", "socks5h://envsocks:1080",
                "no_proxy", "skip.example,.corp,10.0.0.0/8"));
        proxy.setProxy(ProxyConfig.builder().mode("system").build()).join();
        assertThat(resolve(proxy, "http://example.com/")).isEqualTo("PROXY envproxy:3128");
        assertThat(resolve(proxy, "https://example.com/")).isEqualTo("SOCKS5 envsocks:1080");
        assertThat(resolve(proxy, "http://skip.example/")).isEqualTo("DIRECT");
        assertThat(resolve(proxy, "http://a.skip.example/")).isEqualTo("DIRECT");
        assertThat(resolve(proxy, "http://x.corp/")).isEqualTo("DIRECT");
        assertThat(resolve(proxy, "http://10.1.1.1/")).isEqualTo("DIRECT");
    }

    @Test
    void systemModeWithoutVariablesAsksTheJdk() {
        SessionProxy proxy = new SessionProxy("system-jdk");
        proxy.environment(Map.of());
        proxy.setProxy(ProxyConfig.builder().mode(ProxyMode.SYSTEM).build()).join();
        // the test JVM sets no http.proxyHost: the JDK's default selector answers DIRECT
        assertThat(resolve(proxy, "http://example.com/")).isEqualTo("DIRECT");
    }

    @Test
    void aLaterSetProxyWinsOverAnEarlierOneStillLoading() {
        SessionProxy proxy = new SessionProxy("order");
        proxy.setProxy(ProxyConfig.builder().pacScript(dataUrl(PAC)).build());
        proxy.setProxy(ProxyConfig.builder().proxyRules("last:1").build());
        assertThat(resolve(proxy, "http://news.example/")).isEqualTo("PROXY last:1");
    }

    @Test
    void resolveProxyRejectsWhatIsNotAUrl() {
        SessionProxy proxy = new SessionProxy("bad-url");
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> proxy.resolve("not a url"));
        assertThat(error).hasMessage("Invalid URL: 'not a url'");
    }
}
