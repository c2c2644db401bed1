package io.github.fxsession.internal.webrequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.fxsession.webrequest.WebRequestFilter;
import org.junit.jupiter.api.Test;

class UrlPatternTest {

    @Test
    void patternWithoutPathIsRejectedWithChromiumsReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WebRequestFilter.of("*://host"));
        assertThat(e).hasMessage("Invalid url pattern *://host: Empty path.");
    }

    @Test
    void otherInvalidPatternsNameTheirReason() {
        assertThat(assertThrows(IllegalArgumentException.class, () -> UrlPattern.parse("example.com/*")))
                .hasMessage("Invalid url pattern example.com/*: Missing scheme separator.");
        assertThat(assertThrows(IllegalArgumentException.class, () -> UrlPattern.parse("http:example.com/*")))
                .hasMessage("Invalid url pattern http:example.com/*: Wrong scheme type.");
        assertThat(assertThrows(IllegalArgumentException.class, () -> UrlPattern.parse("http:///*")))
                .hasMessage("Invalid url pattern http:///*: Host can not be empty.");
        assertThat(assertThrows(IllegalArgumentException.class, () -> UrlPattern.parse("http://a*b.com/*")))
                .hasMessage("Invalid url pattern http://a*b.com/*: Invalid host wildcard.");
        assertThat(assertThrows(IllegalArgumentException.class, () -> UrlPattern.parse("http://a.com:99999/*")))
                .hasMessage("Invalid url pattern http://a.com:99999/*: Invalid port.");
        assertThat(assertThrows(IllegalArgumentException.class, () -> UrlPattern.parse("1http://a.com/*")))
                .hasMessage("Invalid url pattern 1http://a.com/*: Invalid scheme.");
    }

    @Test
    void wildcardSchemeMatchesHttpAndHttpsOnly() {
        UrlPattern pattern = UrlPattern.parse("*://*/*");
        assertThat(pattern.matches("http://a.com/x")).isTrue();
        assertThat(pattern.matches("https://a.com/")).isTrue();
        assertThat(pattern.matches("app://a/x")).isFalse();
        assertThat(UrlPattern.parse("<all_urls>").matches("app://a/x")).isTrue();
    }

    @Test
    void subdomainWildcardMatchesTheDomainAndItsSubdomains() {
        UrlPattern pattern = UrlPattern.parse("https://*.example.com/*");
        assertThat(pattern.matches("https://example.com/")).isTrue();
        assertThat(pattern.matches("https://a.b.example.com/p?q=1")).isTrue();
        assertThat(pattern.matches("https://badexample.com/")).isFalse();
    }

    @Test
    void pathGlobCoversTheQueryAndPortIsOptional() {
        assertThat(UrlPattern.parse("http://h/a/*.png").matches("http://h:8080/a/b/c.png")).isTrue();
        assertThat(UrlPattern.parse("http://h/a/*.png").matches("http://h/a/c.png?x")).isFalse();
        assertThat(UrlPattern.parse("http://h/*?x=1").matches("http://h/a?x=1")).isTrue();
        assertThat(UrlPattern.parse("http://h:81/*").matches("http://h/a")).isFalse();
        assertThat(UrlPattern.parse("http://h/a").matches("http://h/a#frag")).isTrue();
        assertThat(UrlPattern.parse("file:///tmp/*").matches("file:///tmp/x.html")).isTrue();
    }
}
