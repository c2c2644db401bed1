package io.github.fxsession.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Digest responses match RFC 7616's examples (section 3.9.1). */
class DigestTest {

    private static final String NONCE = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
    private static final String OPAQUE = "FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS";
    private static final String CNONCE = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";

    private static Digest challenge(String algorithm) {
        return Digest.of(Map.of("realm", "http-auth@example.org", "qop", "auth, auth-int", "algorithm", algorithm,
                "nonce", NONCE, "opaque", OPAQUE));
    }

    @Test
    void sha256AuthorizationIsRfc7616sExample() {
        assertThat(challenge("SHA-256").authorization("Mufasa", "Circle of Life", "GET", "/dir/index.html", 1, CNONCE))
                .isEqualTo("Digest username=\"Mufasa\", realm=\"http-auth@example.org\", uri=\"/dir/index.html\", "
                        + "algorithm=SHA-256, nonce=\"" + NONCE + "\", nc=00000001, cnonce=\"" + CNONCE + "\", qop=auth, "
                        + "response=\"753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1\", opaque=\"" + OPAQUE + "\"");
    }

    @Test
    void md5ResponseIsRfc7616sExample() {
        assertThat(challenge("MD5").response("Mufasa", "Circle of Life", "GET", "/dir/index.html", "00000001", CNONCE))
                .isEqualTo("8ca523f5e9506fed4657c9700eebdbec");
    }

    @Test
    void challengeWithoutAlgorithmMeansMd5() {
        assertThat(Digest.of(Map.of("realm", "r", "nonce", "n", "qop", "auth")).strength())
                .isEqualTo(challenge("MD5").strength());
    }

    @Test
    void sha256IsPreferredToMd5() {
        assertThat(challenge("SHA-256").strength()).isGreaterThan(challenge("MD5").strength());
    }

    @Test
    void challengesWithoutNonceUnknownAlgorithmOrOnlyAuthIntAreUnusable() {
        assertThat(Digest.of(Map.of("realm", "r"))).isNull();
        assertThat(Digest.of(Map.of("nonce", "n", "algorithm", "SHA-1"))).isNull();
        assertThat(Digest.of(Map.of("nonce", "n", "qop", "auth-int"))).isNull();
    }

    @Test
    void nonceCountGrowsWithEachAuthorization() {
        Digest digest = challenge("MD5");
        assertThat(digest.authorization("u", "p", "GET", "/", 0 + 1, "c")).contains("nc=00000001");
        assertThat(digest.authorization("u", "p", "GET", "/")).contains("nc=00000001");
        assertThat(digest.authorization("u", "p", "GET", "/")).contains("nc=00000002");
    }
}
