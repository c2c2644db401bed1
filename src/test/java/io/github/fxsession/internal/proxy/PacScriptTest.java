package io.github.fxsession.internal.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** PAC scripts: the standard helpers, the sandbox, and scripts that throw, loop or answer garbage. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PacScriptTest {

    /** Wednesday 2025-06-18 14:30:15 UTC. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-18T14:30:15Z"), ZoneOffset.UTC);
    private static final PacScript.Resolver DNS = host -> Map.of("proxy.corp", "10.1.2.3", "intranet", "192.168.7.9").get(host);

    private static PacScript script(String body, Duration timeout) throws PacScript.PacException {
        return PacScript.compile("function FindProxyForURL(url, host) { " + body + " }", "test.pac", timeout, CLOCK, DNS);
    }

    /** One engine for the expression tests (an engine costs up to a second on a busy machine): {@code host} is evaluated. */
    private PacScript evaluator;

    @BeforeAll
    void startEvaluator() throws Exception {
        evaluator = script("return String(eval(host));", Duration.ofSeconds(5));
    }

    @AfterAll
    void closeEvaluator() {
        evaluator.close();
    }

    private String evaluate(String expression) throws Exception {
        return evaluator.findProxyForUrl("http://example.com/", expression);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            isPlainHostName('www')                                  | true
            isPlainHostName('www.example.com')                      | false
            dnsDomainIs('www.example.com', '.example.com')          | true
            dnsDomainIs('www', '.example.com')                      | false
            localHostOrDomainIs('www.example.com', 'www.example.com') | true
            localHostOrDomainIs('www', 'www.example.com')           | true
            localHostOrDomainIs('www.other.com', 'www.example.com') | false
            isResolvable('proxy.corp')                              | true
            isResolvable('nowhere.invalid')                         | false
            dnsResolve('intranet')                                  | 192.168.7.9
            dnsResolve('nowhere.invalid')                           | null
            isInNet('intranet', '192.168.0.0', '255.255.0.0')       | true
            isInNet('10.1.2.3', '10.0.0.0', '255.0.0.0')            | true
            isInNet('10.1.2.3', '192.168.0.0', '255.255.0.0')       | false
            isInNet('nowhere.invalid', '10.0.0.0', '255.0.0.0')     | false
            dnsDomainLevels('www')                                  | 0
            dnsDomainLevels('www.example.com')                      | 2
            shExpMatch('http://home.example.com/a/b', '*/a/*')      | true
            shExpMatch('www.example.com', '*.example.???')          | true
            shExpMatch('www.example.com', '*.example.org')          | false
            convert_addr('104.16.0.1')                              | 1745879041
            weekdayRange('MON', 'FRI', 'GMT')                       | true
            weekdayRange('SAT', 'GMT')                              | false
            weekdayRange('FRI', 'MON', 'GMT')                       | false
            dateRange('JUN', 'GMT')                                 | true
            dateRange(2025, 'GMT')                                  | true
            dateRange(18, 'GMT')                                    | true
            dateRange('JAN', 'MAR', 'GMT')                          | false
            dateRange(1, 'JUN', 30, 'JUN', 'GMT')                   | true
            timeRange(14, 'GMT')                                    | true
            timeRange(9, 17, 'GMT')                                 | true
            timeRange(15, 30, 16, 0, 'GMT')                         | false
            timeRange(14, 30, 0, 14, 30, 30, 'GMT')                 | true
            typeof myIpAddress()                                    | string
            """)
    void standardHelpersAnswerAsInBrowsers(String expression, String expected) throws Exception {
        assertThat(evaluate(expression)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is unreachable")
    @CsvSource(textBlock = """
            typeof Java
            typeof Packages
            typeof java
            typeof load
            typeof loadWithNewGlobal
            typeof quit
            typeof exit
            typeof print
            typeof JavaImporter
            """)
    void theScriptCannotReachJavaOrTheHost(String expression) throws Exception {
        assertThat(evaluate(expression)).isEqualTo("undefined");
    }

    @Test
    void aScriptThatReachesForJavaClassesFails() throws Exception {
        try (PacScript script = script("return Java.type('java.lang.System').getProperty('user.home');", Duration.ofSeconds(5))) {
            PacScript.PacException error = assertThrows(PacScript.PacException.class,
                    () -> script.findProxyForUrl("http://example.com/", "example.com"));
            assertThat(error.getMessage()).startsWith("FindProxyForURL(http://example.com/) failed in test.pac: ");
        }
    }

    @Test
    void anEndlessLoopTimesOutAndTheEngineStopsByItself() throws Exception {
        try (PacScript script = script("if (host == 'loop') { while (true) {} } return 'PROXY p:1';", Duration.ofMillis(300))) {
            long start = System.nanoTime();
            PacScript.PacException error = assertThrows(PacScript.PacException.class,
                    () -> script.findProxyForUrl("http://loop/", "loop"));
            assertThat(error).hasMessage("FindProxyForURL(http://loop/) in test.pac timed out after 300 ms");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
            // the loop ended by itself (the tick threw), so the same engine answers again
            assertThat(script.findProxyForUrl("http://ok/", "ok")).isEqualTo("PROXY p:1");
        }
    }

    @Test
    void aLoopThatCatchesTheTimeoutStillEnds() throws Exception {
        String body = "for (;;) { try { while (true) {} } catch (e) {} } return 'x';";
        try (PacScript script = script(body, Duration.ofMillis(200))) {
            assertThrows(PacScript.PacException.class, () -> script.findProxyForUrl("http://a/", "a"));
        }
    }

    @Test
    void aThrowingScriptFailsWithItsMessage() throws Exception {
        try (PacScript script = script("throw new Error('no proxy for you');", Duration.ofSeconds(5))) {
            PacScript.PacException error = assertThrows(PacScript.PacException.class,
                    () -> script.findProxyForUrl("http://a/", "a"));
            assertThat(error.getMessage()).startsWith("FindProxyForURL(http://a/) failed in test.pac: ")
                    .contains("no proxy for you");
        }
    }

    @Test
    void aScriptReturningANonStringFails() throws Exception {
        try (PacScript script = script("return 42;", Duration.ofSeconds(5))) {
            PacScript.PacException error = assertThrows(PacScript.PacException.class,
                    () -> script.findProxyForUrl("http://a/", "a"));
            assertThat(error).hasMessage("FindProxyForURL(http://a/) in test.pac returned a Integer, not a string");
        }
    }

    @Test
    void aScriptWithoutFindProxyForUrlIsRejected() {
        PacScript.PacException error = assertThrows(PacScript.PacException.class,
                () -> PacScript.compile("var x = 1;", "empty.pac", Duration.ofSeconds(5), CLOCK, DNS));
        assertThat(error.getMessage()).startsWith("PAC script empty.pac failed to load: ")
                .contains("the script defines no function FindProxyForURL(url, host)");
    }

    @Test
    void aScriptWithASyntaxErrorIsRejected() {
        PacScript.PacException error = assertThrows(PacScript.PacException.class,
                () -> PacScript.compile("function FindProxyForURL(url, host) { return ", "broken.pac", Duration.ofSeconds(5), CLOCK, DNS));
        assertThat(error.getMessage()).startsWith("PAC script broken.pac does not parse: ");
    }

    @Test
    void garbageAnswersKeepTheirValidElementsOnly() {
        assertThat(SessionProxy.pacString(PacStrategy.parse("PROXY a:1; nonsense; SOCKS5 b; DIRECT"))).isEqualTo("PROXY a:1;SOCKS5 b:1080;DIRECT");
        assertThat(PacStrategy.parse("complete garbage")).isEmpty();
        assertThat(SessionProxy.pacString(PacStrategy.parse("proxy  A:8080;socks c;HTTPS d"))).isEqualTo("PROXY a:8080;SOCKS c:1080;HTTPS d:443");
    }

    @Test
    void httpsUrlsReachTheScriptWithoutPathOrQuery() {
        assertThat(PacStrategy.scriptUrl(java.net.URI.create("https://user@secure.example:8443/a/b?q=1#f"))).isEqualTo("https://secure.example:8443/");
        assertThat(PacStrategy.scriptUrl(java.net.URI.create("http://user@plain.example/a/b?q=1#f"))).isEqualTo("http://plain.example/a/b?q=1");
    }
}
