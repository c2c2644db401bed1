package io.github.fxsession.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Chromium's wildcard server list for integrated authentication. */
class DomainListTest {

    @Test
    void wildcardEntriesMatchTheNameAndEverythingEndingWithIt() {
        DomainList list = DomainList.parse("*example.com, *foobar.com, *baz");
        assertThat(list.matches("example.com")).isTrue();
        assertThat(list.matches("intranet.EXAMPLE.com")).isTrue();
        assertThat(list.matches("foobar.com")).isTrue();
        assertThat(list.matches("x.baz")).isTrue();
        assertThat(list.matches("example.org")).isFalse();
        assertThat(list.matches("baz.example.org")).isFalse();
    }

    @Test
    void starMatchesEveryHostAndEmptyMatchesNone() {
        assertThat(DomainList.parse("*").matches("anything.test")).isTrue();
        assertThat(DomainList.parse("").matches("anything.test")).isFalse();
    }

    @Test
    void entryWithoutWildcardMatchesOnlyThatHost() {
        DomainList list = DomainList.parse("intranet");
        assertThat(list.matches("intranet")).isTrue();
        assertThat(list.matches("my.intranet")).isFalse();
    }

    @Test
    void malformedEntryIsRejectedQuotingIt() {
        assertThatThrownBy(() -> DomainList.parse("*example.com,, *baz"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("domains: invalid host pattern '' in '*example.com,, *baz' (expected comma-separated host names"
                        + " where * matches anything, such as '*example.com, *baz')");
        assertThatThrownBy(() -> DomainList.parse("bad host"))
                .hasMessageStartingWith("domains: invalid host pattern 'bad host' in 'bad host'");
    }
}
