package io.github.fxsession.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.fxsession.samples.browser.DemoBrowser;
import org.junit.jupiter.api.Test;

/** What the demo browser's address bar loads for the text typed in it. */
class DemoBrowserAddressTest {

    @Test
    void addressWithoutSchemeGetsHttps() {
        assertThat(DemoBrowser.toUrl("example.com/path")).isEqualTo("https://example.com/path");
    }

    @Test
    void hostWithPortIsNotMistakenForAScheme() {
        assertThat(DemoBrowser.toUrl("localhost:8080/")).isEqualTo("https://localhost:8080/");
    }

    @Test
    void addressWithSchemeIsKeptAsTyped() {
        assertThat(DemoBrowser.toUrl("http://127.0.0.1:8080/")).isEqualTo("http://127.0.0.1:8080/");
        assertThat(DemoBrowser.toUrl("about:blank")).isEqualTo("about:blank");
    }

    @Test
    void surroundingBlanksAreIgnored() {
        assertThat(DemoBrowser.toUrl("  example.com \n")).isEqualTo("https://example.com");
    }

    @Test
    void blankAddressIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DemoBrowser.toUrl(" "));
        assertThat(e).hasMessage("typed must not be blank: ' '");
    }
}
