package io.github.fxsession.internal.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Chrome's extension ids and match patterns, without a WebView. */
class ExtensionIdsTest {

    @Test
    void idIsChromesHashWrittenWithLettersAToP() {
        // crx_file id_util's own test vector: GenerateId("test")
        assertThat(ExtensionIds.fromBytes("test".getBytes(StandardCharsets.US_ASCII))).isEqualTo("jpignaibiiemhngfjkcpokkamffknabf");
    }

    @Test
    void unpackedIdHashesTheAbsolutePathsBytes() {
        assertThat(ExtensionIds.forPath(Path.of("/opt/ext"))).isEqualTo(ExtensionIds.fromBytes("/opt/ext".getBytes(StandardCharsets.UTF_8)))
                .hasSize(32).matches("[a-p]{32}");
    }

    @Test
    void matchPatternsFollowChromesRules() {
        MatchPattern any = MatchPattern.parse("*://*.example.com/docs/*", "matches[0]");
        assertThat(any.matches(URI.create("https://www.example.com/docs/a?b=1"))).isTrue();
        assertThat(any.matches(URI.create("http://example.com/docs/"))).isTrue();
        assertThat(any.matches(URI.create("https://example.org/docs/"))).isFalse();
        assertThat(any.matches(URI.create("file:///docs/a"))).isFalse();
        assertThat(MatchPattern.parse("<all_urls>", "m").matches(URI.create("file:///tmp/a.html"))).isTrue();
        assertThat(MatchPattern.parse("file:///*", "m").matches(URI.create("file:///tmp/a.html"))).isTrue();
    }

    @Test
    void anInvalidMatchPatternIsNamedWithItsField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MatchPattern.parse("example.com", "content_scripts[0].matches[1]"));
        assertThat(e).hasMessage("Invalid value for 'content_scripts[0].matches[1]': Invalid match pattern 'example.com'");
    }
}
