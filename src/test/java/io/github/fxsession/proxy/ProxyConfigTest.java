package io.github.fxsession.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The public configuration: Electron's mode names, the unspecified-mode rules, validation, secrets. */
class ProxyConfigTest {

    @ParameterizedTest
    @EnumSource(ProxyMode.class)
    void everyModeRoundTripsThroughItsElectronName(ProxyMode mode) {
        assertThat(ProxyMode.fromElectronName(mode.electronName())).isEqualTo(mode);
    }

    @Test
    void anUnknownModeIsRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> ProxyConfig.builder().mode("fixed"));
        assertThat(error).hasMessage("Invalid mode: 'fixed'");
    }

    @Test
    void withoutModeAPacScriptWinsOverProxyRules() {
        ProxyConfig config = ProxyConfig.builder().pacScript("http://pac.example/proxy.pac").proxyRules("foopy:80").build();
        assertThat(config.mode()).isEqualTo(ProxyMode.PAC_SCRIPT);
    }

    @Test
    void withoutModeProxyRulesMeanFixedServers() {
        assertThat(ProxyConfig.builder().proxyRules("foopy:80").build().mode()).isEqualTo(ProxyMode.FIXED_SERVERS);
    }

    @Test
    void withoutAnythingTheModeIsDirect() {
        assertThat(ProxyConfig.builder().build().mode()).isEqualTo(ProxyMode.DIRECT);
    }

    @Test
    void malformedProxyRulesAreRejectedAtBuild() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ProxyConfig.builder().proxyRules("http=:80").build());
        assertThat(error).hasMessage("Invalid proxy rule: 'http=:80'");
    }

    @Test
    void malformedBypassRulesAreRejectedAtBuild() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ProxyConfig.builder().proxyBypassRules("a.com,b.com:x").build());
        assertThat(error).hasMessage("Invalid proxy bypass rule: 'b.com:x'");
    }

    @Test
    void unsupportedPacUrlsAreRejectedAtBuild() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ProxyConfig.builder().pacScript("ftp://pac.example/p.pac").build());
        assertThat(error).hasMessage("Invalid pacScript URL: 'ftp://pac.example/p.pac'");
    }

    @Test
    void pacScriptModeNeedsAUrl() {
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> ProxyConfig.builder().mode(ProxyMode.PAC_SCRIPT).build());
        assertThat(error).hasMessage("mode pac_script needs a pacScript URL");
    }

    @Test
    void passwordsNeverAppearInToString() {
        ProxyConfig config = ProxyConfig.builder().proxyRules("foopy:80").credentials("alice", "s3cret").build();
        assertThat(config.toString()).isEqualTo("ProxyConfig[mode=fixed_servers, proxyRules=foopy:80, credentials=alice:***]")
                .doesNotContain("s3cret");
        assertThat(config.credentials().orElseThrow().toString()).doesNotContain("s3cret");
    }

    @Test
    void nullCredentialsAreRejected() {
        NullPointerException error = assertThrows(NullPointerException.class, () -> new ProxyCredentials("alice", null));
        assertThat(error).hasMessage("password == null");
    }
}
