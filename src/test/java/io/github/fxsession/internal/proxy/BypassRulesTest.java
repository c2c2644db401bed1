package io.github.fxsession.internal.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Electron's proxyBypassRules grammar, table-driven, with the spec's examples. */
class BypassRulesTest {

    @ParameterizedTest(name = "''{0}'' bypasses {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            foobar.com                      | http://foobar.com/             | true
            foobar.com                      | http://www.foobar.com/         | false
            *foobar.com                     | http://www.foobar.com/         | true
            *foobar.com                     | http://foobar.com/             | true
            *.foobar.com                    | http://www.foobar.com/         | true
            *.foobar.com                    | http://foobar.com/             | false
            *foobar.com:99                  | http://x.foobar.com:99/        | true
            *foobar.com:99                  | http://x.foobar.com/           | false
            https://x.*.y.com:99            | https://x.a.y.com:99/          | true
            https://x.*.y.com:99            | http://x.a.y.com:99/           | false
            FOOBAR.com                      | http://FooBar.COM/             | true
            foobar.com:443                  | https://foobar.com/            | true
            .google.com                     | http://maps.google.com/        | true
            .google.com                     | http://google.com/             | false
            .com                            | http://a.com/                  | true
            http://.google.com              | http://www.google.com/         | true
            http://.google.com              | https://www.google.com/        | false
            127.0.1,<-loopback>             | http://127.0.0.1/              | true
            127.0.1,<-loopback>             | http://127.0.0.2/              | false
            10.1.2.3                        | http://10.1.2.3:8080/          | true
            [0:0::1];<-loopback>            | http://[::1]/                  | true
            [::1],<-loopback>               | http://[0:0::1]:80/            | true
            http://[::1]:99,<-loopback>     | http://[::1]:99/               | true
            http://[::1]:99,<-loopback>     | http://[::1]:98/               | false
            http://[::1]:99,<-loopback>     | https://[::1]:99/              | false
            192.168.1.1/16                  | http://192.168.200.3/          | true
            192.168.1.1/16                  | http://192.169.0.1/            | false
            192.168.1.1/16                  | http://host.example/           | false
            fefe:13::abc/33                 | http://[fefe:13:1000::1]/      | true
            fefe:13::abc/33                 | http://[fefe:13:8000::1]/      | false
            10.0.0.0/8                      | http://[::1]/                  | true
            <local>                         | http://intranet/               | true
            <local>                         | http://example.com/            | false
            <local>,<-loopback>             | http://127.0.0.1/              | true
            <local>,<-loopback>             | http://[::1]/                  | true
            <local>,<-loopback>             | http://127.0.0.2/              | false
            ''                              | http://localhost/              | true
            ''                              | http://127.0.0.1:8080/         | true
            ''                              | http://127.5.6.7/              | true
            ''                              | http://[::1]/                  | true
            ''                              | http://foo.localhost/          | true
            ''                              | http://169.254.1.1/            | true
            ''                              | http://[fe80::1]/              | true
            ''                              | http://example.com/            | false
            <-loopback>                     | http://localhost/              | false
            <-loopback>                     | http://127.0.0.1/              | false
            <-loopback>                     | http://[::1]/                  | false
            'a.com, b.com'                  | http://b.com/                  | true
            """)
    void rulesMatchUrlsAsChromiumDoes(String rules, String url, boolean expected) {
        assertThat(BypassRules.parse(rules).matches(URI.create(url))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "''{0}'' is rejected")
    @ValueSource(strings = {"foo:bar", "http://", "1.2.3.4/33", "[::1", "foo bar", "[nothost]", "a.com:70000", "fefe::1/129"})
    void malformedRulesAreRejectedWithAMessageQuotingThem(String rule) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> BypassRules.parse("ok.com," + rule));
        assertThat(error).hasMessage("Invalid proxy bypass rule: '" + rule + "'");
    }

    @org.junit.jupiter.api.Test
    void aHostGlobWithManyStarsAnswersAtOnceForALongHost() {
        BypassRules rules = BypassRules.parse("*a*a*a*a*a*a*a*a*b");
        URI url = URI.create("http://" + "a".repeat(250) + "/");

        boolean bypassed = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(1),
                () -> rules.matches(url));

        assertThat(bypassed).isFalse();
        assertThat(rules.matches(URI.create("http://" + "a".repeat(250) + "b/"))).isTrue();
    }
}
