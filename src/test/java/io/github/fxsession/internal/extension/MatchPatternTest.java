package io.github.fxsession.internal.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Chrome match patterns of content scripts. */
class MatchPatternTest {

    @ParameterizedTest(name = "''{0}'' matches {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            <all_urls>                 | file:///etc/hosts                 | true
            *://*/*                    | https://a.example/x?y=1           | true
            *://*/*                    | file:///etc/hosts                 | false
            https://*.example.com/a*z  | https://www.example.com/abcz      | true
            https://*.example.com/a*z  | https://example.com/az            | true
            https://*.example.com/a*z  | https://example.com/aza           | false
            https://*/p?q=*            | https://h.example/p?q=1           | true
            https://*/p.x              | https://h.example/pax             | false
            """)
    void pathsMatchAsGlobsWhereOnlyTheStarIsSpecial(String pattern, String url, boolean matches) {
        assertThat(MatchPattern.parse(pattern, "matches").matches(URI.create(url))).isEqualTo(matches);
    }

    @Test
    void aPathGlobWithManyStarsAnswersAtOnceForALongPath() {
        MatchPattern pattern = MatchPattern.parse("https://*/*a*a*a*a*a*a*a*a*b", "matches");
        URI url = URI.create("https://example.com/" + "a".repeat(2000));

        boolean matches = assertTimeoutPreemptively(Duration.ofSeconds(1), () -> pattern.matches(url));

        assertThat(matches).isFalse();
    }
}
