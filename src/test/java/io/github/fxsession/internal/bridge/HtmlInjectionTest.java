package io.github.fxsession.internal.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlInjectionTest {

    @Test
    void scriptGoesRightAfterTheDoctype() {
        assertThat(HtmlInjection.inject("<!DOCTYPE html><html><head></head></html>"))
                .startsWith("<!DOCTYPE html>" + BridgeScript.ELEMENT + "<html>");
    }

    @Test
    void scriptGoesAfterLeadingCommentsAndXmlDeclaration() {
        assertThat(HtmlInjection.inject("<?xml version='1.0'?>\n<!-- c --><!doctype html><p>"))
                .isEqualTo("<?xml version='1.0'?>\n<!-- c --><!doctype html>" + BridgeScript.ELEMENT + "<p>");
    }

    @Test
    void scriptGoesFirstWithoutDoctype() {
        assertThat(HtmlInjection.inject("<html><body>x</body></html>")).startsWith(BridgeScript.ELEMENT + "<html>");
    }

    @Test
    void scriptGoesAfterAByteOrderMark() {
        assertThat(HtmlInjection.inject("\ufeff<p>")).isEqualTo("\ufeff" + BridgeScript.ELEMENT + "<p>");
    }

    @Test
    void bridgeScriptIsAsciiOnlyAndHashIsStable() {
        assertThat(BridgeScript.SOURCE.chars().allMatch(c -> c < 0x7f)).isTrue();
        assertThat(BridgeScript.CSP_HASH).matches("'sha256-[A-Za-z0-9+/]{43}='");
    }
}
