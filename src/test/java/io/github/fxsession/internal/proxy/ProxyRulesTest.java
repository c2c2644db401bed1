package io.github.fxsession.internal.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Electron's proxyRules grammar, table-driven, with the spec's own examples first. */
class ProxyRulesTest {

    private static String resolve(String rules, String url) {
        return SessionProxy.pacString(ProxyStrategy.fixed(ProxyRules.parse(rules)).proxiesFor(URI.create(url)));
    }

    @ParameterizedTest(name = "{0} for {1} gives {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # the spec's examples
            http=foopy:80;ftp=foopy2           | http://example.com/a   | PROXY foopy:80
            http=foopy:80;ftp=foopy2           | ftp://example.com/f    | PROXY foopy2:80
            http=foopy:80;ftp=foopy2           | https://example.com/   | DIRECT
            foopy:80                           | http://example.com/    | PROXY foopy:80
            foopy:80                           | https://example.com/   | PROXY foopy:80
            foopy:80,bar,direct://             | http://example.com/    | PROXY foopy:80;PROXY bar:80;DIRECT
            socks4://foopy                     | http://example.com/    | SOCKS foopy:1080
            http=foopy,socks5://bar.com        | http://example.com/    | PROXY foopy:80;SOCKS5 bar.com:1080
            http=foopy,socks5://bar.com        | https://example.com/   | DIRECT
            http=foopy,direct://               | http://example.com/    | PROXY foopy:80;DIRECT
            http=foopy;socks=foopy2            | http://example.com/    | PROXY foopy:80
            http=foopy;socks=foopy2            | https://example.com/   | SOCKS foopy2:1080
            http=foopy;socks=foopy2            | ftp://example.com/     | SOCKS foopy2:1080
            # proxy schemes and default ports
            https://secure                     | http://example.com/    | HTTPS secure:443
            https://secure:8443                | http://example.com/    | HTTPS secure:8443
            http://plain                       | http://example.com/    | PROXY plain:80
            socks://s                          | http://example.com/    | SOCKS5 s:1080
            socks5://s:9050                    | http://example.com/    | SOCKS5 s:9050
            socks=socks5://s:9                 | http://example.com/    | SOCKS5 s:9
            socks=s                            | https://example.com/   | SOCKS s:1080
            https=a:1;http=b:2                 | https://example.com/   | PROXY a:1
            https=a:1;http=b:2                 | ws://example.com/      | PROXY b:2
            HTTP=Upper.Example:3128            | http://example.com/    | PROXY upper.example:3128
            [::1]:3128                         | http://example.com/    | PROXY [::1]:3128
            socks5://[fe80::1]                 | http://example.com/    | SOCKS5 [fe80::1]:1080
            ' foopy:80 , bar:81 '              | http://example.com/    | PROXY foopy:80;PROXY bar:81
            foopy:80;                          | http://example.com/    | PROXY foopy:80
            direct://                          | http://example.com/    | DIRECT
            ''                                 | http://example.com/    | DIRECT
            """)
    void rulesResolveToChromiumsPacString(String rules, String url, String expected) {
        assertThat(resolve(rules, url)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is rejected quoting {1}")
    @CsvSource(delimiter = '|', textBlock = """
            http=:80                 | http=:80
            gopher=foo               | gopher=foo
            foo:99999                | foo:99999
            foo:x                    | foo:x
            ftp://foo                | ftp://foo
            foopy:80,,bar            | foopy:80,,bar
            direct://x               | direct://x
            http=foo;bar             | bar
            bar;http=foo             | http=foo
            foo bar                  | foo bar
            ::1:80                   | ::1:80
            [::1                     | [::1
            a;;b                     | a;;b
            """)
    void malformedRulesAreRejectedWithAMessageQuotingThem(String rules, String quoted) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> ProxyRules.parse(rules));
        assertThat(error).hasMessage("Invalid proxy rule: '" + quoted + "'");
    }
}
