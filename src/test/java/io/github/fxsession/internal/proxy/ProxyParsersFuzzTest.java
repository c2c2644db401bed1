package io.github.fxsession.internal.proxy;

import static io.github.fxsession.fuzz.Fuzz.answers;
import static io.github.fxsession.fuzz.Fuzz.grammar;
import static io.github.fxsession.fuzz.Fuzz.parsesOrRejects;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URISyntaxException;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Proxy rules, bypass rules and PAC results from outside: parsed, or rejected with a message; never a hang. */
class ProxyParsersFuzzTest {

    private static final String[] HOSTS = {"proxy", "a.example", "*.example", ".example", "example.*", "*", "*a*a*a*a*a*a*a*a*b",
        "127.0.0.1", "10.0.0.0", "[::1]", "::1", "[fe80::1%eth0]", "2001:db8::", "localhost", "xn--bcher-kva", "ü", "_", "-"};

    @Provide
    Arbitrary<String> proxyRules() {
        String[] fragments = concat(HOSTS, "http=", "https=", "ftp=", "socks=", "socks4://", "socks5://", "socks://",
                "https://", "http://", "direct://", "quic://", ":", ":8080", ":0", ":65536", ":-1", ";", ",", " ", "=", "//");
        return grammar(fragments);
    }

    @Provide
    Arbitrary<String> bypassRules() {
        return grammar(concat(HOSTS, "<local>", "<-loopback>", "/8", "/33", "/129", "/", ":80", ":*", ":", "http://",
                "https://", "://", ",", ";", " ", "[", "]", "*"));
    }

    @Provide
    Arbitrary<String> pacResults() {
        return grammar(concat(HOSTS, "PROXY ", "DIRECT", "SOCKS ", "SOCKS4 ", "SOCKS5 ", "HTTP ", "HTTPS ", "QUIC ",
                ":3128", ":", "; ", ";", " ", "\t"));
    }

    @Provide
    Arbitrary<String> hosts() {
        return grammar(concat(HOSTS, "aaaaaaaaaa", "a", ".", "-"));
    }

    @Property(tries = 1000)
    void proxyRulesParseOrAreRejected(@ForAll("proxyRules") String rules) {
        parsesOrRejects(rules, () -> ProxyRules.parse(rules), IllegalArgumentException.class);
    }

    @Property(tries = 1000)
    void bypassRulesParseOrAreRejectedAndMatchAnyUrlInTime(@ForAll("bypassRules") String rules,
            @ForAll("hosts") String host) {
        BypassRules parsed = parsesOrRejects(rules, () -> BypassRules.parse(rules), IllegalArgumentException.class);
        URI url = url(host);
        if (parsed != null && url != null) {
            answers(rules + " | " + url, () -> parsed.matches(url));
        }
    }

    @Property(tries = 1000)
    void pacResultsGiveOnlyValidProxiesAndNeverThrow(@ForAll("pacResults") String answer) {
        var proxies = answers(answer, () -> PacStrategy.parse(answer));
        assertThat(proxies).doesNotHaveDuplicates().doesNotContainNull();
    }

    @Property(tries = 50)
    void hostGlobsWithManyStarsMatchLongHostsInTime(@ForAll @IntRange(min = 1, max = 12) int stars,
            @ForAll @IntRange(min = 1, max = 200) int length) {
        String rule = "*a".repeat(stars) + "*b";
        URI url = URI.create("http://" + "a".repeat(length) + "/");
        BypassRules parsed = BypassRules.parse(rule);
        answers(rule + " | " + url, () -> parsed.matches(url));
    }

    private static URI url(String host) {
        try {
            return new URI("http", null, host, 80, "/", null, null);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
