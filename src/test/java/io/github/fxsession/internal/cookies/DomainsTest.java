package io.github.fxsession.internal.cookies;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link Domains}: registrable domains from OkHttp's public suffix list, read on the module path too. */
class DomainsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "null", value = {
            "www.example.com,           example.com",
            "example.com,               example.com",
            "com,                       null",
            "www.example.co.uk,         example.co.uk",
            "co.uk,                     null",
            "user.github.io,            user.github.io",
            "github.io,                 null",
            "a.b.kawasaki.jp,           a.b.kawasaki.jp",
            "b.kawasaki.jp,             null",
            "www.city.kawasaki.jp,      city.kawasaki.jp",
            "localhost,                 null",
            "s0.example,                s0.example",
            "www.xn--bcher-kva.example, xn--bcher-kva.example",
            "a.b.xn--3e0b707e,          b.xn--3e0b707e",
            "127.0.0.1,                 null",
            "::1,                       null"})
    void theRegistrableDomainFollowsThePublicSuffixList(String host, String registrable) {
        assertThat(Domains.registrableDomain(host)).isEqualTo(registrable);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "null", value = {
            ".Example.COM, example.com",
            "BÜCHER.example, xn--bcher-kva.example",
            "example.com., null",
            "'', null",
            "., null",
            "a/b, null",
            "example.com:80, null"})
    void aDomainAttributeIsCanonicalOrNull(String domain, String canonical) {
        assertThat(Domains.canonical(domain)).isEqualTo(canonical);
    }
}
