package io.github.fxsession.internal.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CspTest {

    private static final String H = "'sha256-abc='";

    @Test
    void scriptSrcGetsTheHash() {
        assertThat(Csp.allowScriptHash("script-src 'self'", H)).isEqualTo(" script-src 'self' " + H);
    }

    @Test
    void noneIsReplacedByTheHash() {
        assertThat(Csp.allowScriptHash("script-src 'none'", H)).isEqualTo(" script-src " + H);
    }

    @Test
    void defaultSrcIsCopiedIntoANewScriptSrcSoOtherTypesStayAsTheyWere() {
        assertThat(Csp.allowScriptHash("default-src 'none'; img-src 'self'", H))
                .isEqualTo("default-src 'none'; img-src 'self'; script-src " + H);
    }

    @Test
    void unsafeInlineWithoutNoncesIsLeftAloneSoThePagesInlineScriptsKeepRunning() {
        assertThat(Csp.allowScriptHash("script-src 'self' 'unsafe-inline'", H)).isEqualTo("script-src 'self' 'unsafe-inline'");
    }

    @Test
    void nonceBasedPoliciesGetTheHashBesideTheNonce() {
        assertThat(Csp.allowScriptHash("script-src 'nonce-x' 'strict-dynamic'", H))
                .isEqualTo(" script-src 'nonce-x' 'strict-dynamic' " + H);
    }

    @Test
    void policiesWithoutScriptRulesAreUnchanged() {
        assertThat(Csp.allowScriptHash("img-src 'self'; frame-ancestors 'none'", H))
                .isEqualTo("img-src 'self'; frame-ancestors 'none'");
    }

    @Test
    void everyPolicyOfAHeaderIsHandled() {
        assertThat(Csp.allowScriptHash("script-src 'self', script-src 'none'", H))
                .isEqualTo(" script-src 'self' " + H + ", script-src " + H);
    }

    @Test
    void scriptSrcElemGetsTheHashToo() {
        assertThat(Csp.allowScriptHash("script-src-elem 'self'; script-src 'self'", H))
                .isEqualTo(" script-src-elem 'self' " + H + "; script-src 'self' " + H);
    }
}
