package io.github.fxsession.internal.cookies;

import static io.github.fxsession.cookies.CookieChangeCause.EVICTED;
import static io.github.fxsession.cookies.CookieChangeCause.EXPIRED;
import static io.github.fxsession.cookies.CookieChangeCause.EXPIRED_OVERWRITE;
import static io.github.fxsession.cookies.CookieChangeCause.INSERTED;
import static io.github.fxsession.cookies.CookieChangeCause.INSERTED_NO_CHANGE_OVERWRITE;
import static io.github.fxsession.cookies.CookieChangeCause.INSERTED_NO_VALUE_CHANGE_OVERWRITE;
import static io.github.fxsession.cookies.CookieChangeCause.OVERWRITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.fxsession.cookies.SameSite;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link CookieStore}: RFC 6265bis as Chromium applies it, with an injected clock. */
class CookieStoreTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final CookieContext SAME_SITE = CookieContext.SAME_SITE;
    private static final CookieContext CROSS_SITE_NAVIGATION = new CookieContext(false, true, true);
    private static final CookieContext CROSS_SITE_POST_NAVIGATION = new CookieContext(false, true, false);
    private static final CookieContext CROSS_SITE_SUBRESOURCE = new CookieContext(false, false, true);

    private final MutableClock clock = new MutableClock(START);
    private final CookieStore store = new CookieStore(clock);
    private final List<String> changes = new ArrayList<>();

    @BeforeEach
    void recordChanges() {
        store.addChangeListener(change -> changes.add(
                (change.removed() ? "-" : "+") + change.cookie().name() + "=" + change.cookie().value() + " "
                        + change.cause().electronName()));
    }

    private void receive(String url, String... setCookies) {
        store.receive(url(url), List.of(setCookies), SAME_SITE);
    }

    private String header(String url) {
        return store.cookieHeader(url(url), SAME_SITE);
    }

    private static HttpUrl url(String url) {
        return HttpUrl.get(url);
    }

    // ---------------------------------------------------------------- domains

    @Test
    void aHostOnlyCookieIsSentToItsExactHostOnly() {
        receive("https://www.example.com/", "a=1");

        assertThat(header("https://www.example.com/")).isEqualTo("a=1");
        assertThat(header("https://sub.www.example.com/")).isNull();
        assertThat(header("https://example.com/")).isNull();
    }

    @Test
    void aDomainCookieIsSentToTheDomainAndItsSubdomains() {
        receive("https://www.example.com/", "a=1; Domain=.example.com");

        assertThat(header("https://example.com/")).isEqualTo("a=1");
        assertThat(header("https://a.b.example.com/")).isEqualTo("a=1");
        assertThat(header("https://otherexample.com/")).isNull();
        assertThat(store.snapshot().getFirst().hostOnly()).isFalse();
    }

    @Test
    void aDomainThatDoesNotMatchTheHostIsRefused() {
        receive("https://www.example.com/", "a=1; Domain=other.com", "b=2; Domain=sub.www.example.com");

        assertThat(store.snapshot()).isEmpty();
    }

    @Test
    void aPublicSuffixDomainIsRefused() {
        receive("https://www.example.com/", "a=1; Domain=com");
        receive("https://shop.example.co.uk/", "b=2; Domain=co.uk");
        receive("https://user.github.io/", "c=3; Domain=github.io");

        assertThat(store.snapshot()).isEmpty();
    }

    @Test
    void aPublicSuffixDomainEqualToTheHostGivesAHostOnlyCookie() {
        receive("https://github.io/", "a=1; Domain=github.io");

        assertThat(store.snapshot()).singleElement().satisfies(c -> assertThat(c.hostOnly()).isTrue());
        assertThat(header("https://user.github.io/")).isNull();
    }

    @Test
    void cookiesOfAnIpHostAreHostOnly() {
        receive("http://127.0.0.1:8080/", "a=1; Domain=127.0.0.1");

        assertThat(store.snapshot()).singleElement().satisfies(c -> {
            assertThat(c.domain()).isEqualTo("127.0.0.1");
            assertThat(c.hostOnly()).isTrue();
        });
        assertThat(header("http://127.0.0.1/")).isEqualTo("a=1");
    }

    @Test
    void domainsAreCaseInsensitiveAndStoredAsLowerCasePunycode() {
        receive("https://WWW.Example.COM/", "a=1; Domain=EXAMPLE.com");
        receive("https://www.bücher.example/", "b=2; Domain=BÜCHER.example");

        assertThat(store.snapshot()).extracting(StoredCookie::domain)
                .containsExactlyInAnyOrder("example.com", "xn--bcher-kva.example");
        assertThat(header("https://www.EXAMPLE.com/")).isEqualTo("a=1");
        assertThat(header("https://BÜCHER.example/")).isEqualTo("b=2");
    }

    // ---------------------------------------------------------------- paths

    @Test
    void aPathMatchesItselfAndWhatIsBelowItOnly() {
        receive("https://example.com/", "a=1; Path=/docs");

        assertThat(header("https://example.com/docs")).isEqualTo("a=1");
        assertThat(header("https://example.com/docs/page")).isEqualTo("a=1");
        assertThat(header("https://example.com/docsearch")).isNull();
        assertThat(header("https://example.com/")).isNull();
    }

    @Test
    void withoutAPathTheCookieGetsTheDefaultPathOfTheUrl() {
        receive("https://example.com/app/page.html", "a=1");
        receive("https://example.com/top", "b=2");
        receive("https://example.com/x/y/", "c=3; Path=relative");

        assertThat(store.snapshot()).extracting(c -> c.name() + c.path())
                .containsExactlyInAnyOrder("a/app", "b/", "c/x/y");
    }

    @Test
    void theHeaderListsTheLongestPathFirstThenTheOldestCookie() {
        receive("https://example.com/", "root=1; Path=/");
        clock.advance(Duration.ofSeconds(1));
        receive("https://example.com/", "deep=2; Path=/a/b");
        clock.advance(Duration.ofSeconds(1));
        receive("https://example.com/", "mid=3; Path=/a");
        clock.advance(Duration.ofSeconds(1));
        receive("https://example.com/", "mid2=4; Path=/a");

        assertThat(header("https://example.com/a/b/c")).isEqualTo("deep=2; mid=3; mid2=4; root=1");
    }

    // ---------------------------------------------------------------- expiry

    @Test
    void maxAgeWinsOverExpiresInEitherOrder() {
        receive("https://example.com/", "a=1; Max-Age=60; Expires=Fri, 01 Jan 2027 00:00:00 GMT",
                "b=2; Expires=Fri, 01 Jan 2027 00:00:00 GMT; Max-Age=60");

        assertThat(store.snapshot()).extracting(StoredCookie::expiresAt)
                .containsOnly(START.plusSeconds(60).toEpochMilli());
    }

    @Test
    void expiresSetsAnAbsoluteExpiry() {
        receive("https://example.com/", "a=1; Expires=Fri, 01 Jan 2027 00:00:00 GMT");

        StoredCookie cookie = store.snapshot().getFirst();
        assertThat(cookie.persistent()).isTrue();
        assertThat(cookie.expiresAt()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z").toEpochMilli());
    }

    @Test
    void aCookieWithoutExpiryIsASessionCookie() {
        receive("https://example.com/", "a=1");

        StoredCookie cookie = store.snapshot().getFirst();
        assertThat(cookie.persistent()).isFalse();
        assertThat(cookie.expiresAt()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void expiriesAreCappedAt400Days() {
        receive("https://example.com/", "a=1; Max-Age=999999999", "b=1; Expires=Fri, 01 Jan 2100 00:00:00 GMT");

        assertThat(store.snapshot()).extracting(StoredCookie::expiresAt)
                .containsOnly(START.plus(Duration.ofDays(400)).toEpochMilli());
    }

    @Test
    void anExpiredCookieIsDroppedWhenItsDomainIsNextLookedAt() {
        receive("https://example.com/", "a=1; Max-Age=60", "b=2");
        clock.advance(Duration.ofSeconds(60));

        assertThat(header("https://example.com/")).isEqualTo("b=2");
        assertThat(changes).containsExactly("+a=1 inserted", "+b=2 inserted", "-a=1 expired");
        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void aCookieSetWithAPastExpiryDeletesTheOldOneAsExpiredOverwrite() {
        receive("https://example.com/", "a=1");
        receive("https://example.com/", "a=gone; Max-Age=0");
        receive("https://example.com/", "b=never; Expires=Wed, 01 Jan 2025 00:00:00 GMT");

        assertThat(store.snapshot()).isEmpty();
        assertThat(changes).containsExactly("+a=1 inserted", "-a=1 expired-overwrite");
    }

    // ---------------------------------------------------------------- change causes

    @Test
    void anOverwriteRemovesTheOldCookieThenInsertsTheNewOne() {
        receive("https://example.com/", "a=1");
        receive("https://example.com/", "a=2");

        assertThat(changes).containsExactly("+a=1 inserted", "-a=1 overwrite", "+a=2 inserted");
        assertThat(header("https://example.com/")).isEqualTo("a=2");
    }

    @Test
    void anIdenticalOverwriteIsInsertedNoChangeOverwrite() {
        receive("https://example.com/", "a=1; HttpOnly");
        receive("https://example.com/", "a=1; HttpOnly");

        assertThat(changes).containsExactly("+a=1 inserted", "-a=1 overwrite", "+a=1 inserted-no-change-overwrite");
    }

    @Test
    void anOverwriteWithTheSameValueAndOtherAttributesIsInsertedNoValueChangeOverwrite() {
        receive("https://example.com/", "a=1");
        clock.advance(Duration.ofSeconds(5));
        receive("https://example.com/", "a=1; HttpOnly");

        assertThat(changes).containsExactly("+a=1 inserted", "-a=1 overwrite",
                "+a=1 inserted-no-value-change-overwrite");
        assertThat(store.snapshot().getFirst().createdAt()).isEqualTo(START.toEpochMilli());
    }

    @Test
    void anOverwriteWithANewValueGetsANewCreationTime() {
        receive("https://example.com/", "a=1");
        clock.advance(Duration.ofSeconds(5));
        receive("https://example.com/", "a=2");

        assertThat(store.snapshot().getFirst().createdAt()).isEqualTo(START.plusSeconds(5).toEpochMilli());
    }

    @Test
    void cookiesDifferingInPathOrHostOnlyFlagAreDistinct() {
        receive("https://example.com/", "a=1", "a=2; Domain=example.com", "a=3; Path=/x");

        assertThat(changes).containsExactly("+a=1 inserted", "+a=2 inserted", "+a=3 inserted");
        assertThat(store.size()).isEqualTo(3);
    }

    @Test
    void theChangeCausesAreChromiums() {
        assertThat(List.of(INSERTED, OVERWRITE, INSERTED_NO_CHANGE_OVERWRITE, INSERTED_NO_VALUE_CHANGE_OVERWRITE,
                EXPIRED, EXPIRED_OVERWRITE, EVICTED)).extracting(c -> c.electronName())
                .containsExactly("inserted", "overwrite", "inserted-no-change-overwrite",
                        "inserted-no-value-change-overwrite", "expired", "expired-overwrite", "evicted");
    }

    // ---------------------------------------------------------------- Secure, HttpOnly, prefixes

    @Test
    void aSecureCookieIsOnlySentOverHttps() {
        receive("https://example.com/", "a=1; Secure", "b=2");

        assertThat(header("https://example.com/")).isEqualTo("a=1; b=2");
        assertThat(header("http://example.com/")).isEqualTo("b=2");
    }

    @Test
    void aSecureCookieFromAnInsecureUrlIsRefused() {
        receive("http://example.com/", "a=1; Secure");

        assertThat(store.snapshot()).isEmpty();
    }

    @Test
    void anInsecureUrlCannotOverwriteOrShadowASecureCookie() {
        receive("https://www.example.com/", "a=secure; Secure; Domain=example.com; Path=/");
        receive("http://www.example.com/", "a=plain", "a=plain2; Path=/sub", "b=other");
        receive("https://www.example.com/", "a=fromHttps; Path=/sub");

        assertThat(store.snapshot()).extracting(c -> c.name() + "=" + c.value())
                .containsExactly("a=fromHttps", "a=secure", "b=other");
    }

    @Test
    void httpOnlyCookiesAreSentButHiddenFromScripts() {
        receive("https://example.com/", "a=1; HttpOnly", "b=2");

        assertThat(header("https://example.com/")).isEqualTo("a=1; b=2");
        assertThat(store.scriptCookies(url("https://example.com/"))).isEqualTo("b=2");
    }

    @Test
    void scriptCookiesOfAnInsecurePageLeaveSecureCookiesOut() {
        receive("https://example.com/", "a=1; Secure", "b=2");

        assertThat(store.scriptCookies(url("http://example.com/"))).isEqualTo("b=2");
        assertThat(store.scriptCookies(url("https://other.example/"))).isEmpty();
    }

    @Test
    void aScriptCanSetACookieButNotAnHttpOnlyOne() {
        store.setFromScript(url("https://example.com/"), "a=1; Path=/");
        store.setFromScript(url("https://example.com/"), "b=2; HttpOnly");

        assertThat(store.scriptCookies(url("https://example.com/"))).isEqualTo("a=1");
        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void aScriptCannotOverwriteAnHttpOnlyCookie() {
        receive("https://example.com/", "a=1; HttpOnly; Path=/");
        store.setFromScript(url("https://example.com/"), "a=2; Path=/");

        assertThat(header("https://example.com/")).isEqualTo("a=1");
    }

    @Test
    void aSecurePrefixNeedsSecure() {
        receive("https://example.com/", "__Secure-a=1", "__Secure-b=2; Secure", "__SECURE-c=3");

        assertThat(store.snapshot()).extracting(StoredCookie::name).containsExactly("__Secure-b");
    }

    @Test
    void aHostPrefixNeedsSecureNoDomainAndTheRootPath() {
        receive("https://www.example.com/app/", "__Host-ok=1; Secure; Path=/",
                "__Host-insecure=1; Path=/",
                "__Host-domain=1; Secure; Path=/; Domain=example.com",
                "__Host-defaultPath=1; Secure",
                "__Host-subPath=1; Secure; Path=/app");

        assertThat(store.snapshot()).extracting(StoredCookie::name).containsExactly("__Host-ok");
    }

    @Test
    void aNameAndValueOfMoreThan4096BytesAreRefused() {
        String value4095 = "v".repeat(4095);
        receive("https://example.com/", "a=" + value4095, "bb=" + value4095);

        assertThat(store.snapshot()).extracting(StoredCookie::name).containsExactly("a");
    }

    // ---------------------------------------------------------------- SameSite

    @ParameterizedTest(name = "{0}: same-site {1}, cross-site GET navigation {2}, POST navigation {3}, subresource {4}")
    @CsvSource({
            "'SameSite=Strict',     true, false, false, false",
            "'SameSite=Lax',        true, true,  false, false",
            "'',                    true, true,  false, false",
            "'SameSite=Bogus',      true, true,  false, false",
            "'SameSite=None',       true, true,  true,  true"})
    void sameSiteDecidesInWhichContextsACookieIsSent(String attribute, boolean sameSite, boolean getNavigation,
                                                     boolean postNavigation, boolean subresource) {
        receive("https://example.com/", "a=1; Secure; " + attribute);
        HttpUrl url = url("https://example.com/");

        assertThat(store.cookieHeader(url, SAME_SITE) != null).isEqualTo(sameSite);
        assertThat(store.cookieHeader(url, CROSS_SITE_NAVIGATION) != null).isEqualTo(getNavigation);
        assertThat(store.cookieHeader(url, CROSS_SITE_POST_NAVIGATION) != null).isEqualTo(postNavigation);
        assertThat(store.cookieHeader(url, CROSS_SITE_SUBRESOURCE) != null).isEqualTo(subresource);
    }

    @Test
    void theSameSiteAttributeIsReadCaseInsensitively() {
        receive("https://example.com/", "a=1; samesite=STRICT", "b=2; SameSite=none; Secure", "c=3; SameSite=lax",
                "d=4");

        assertThat(store.snapshot()).extracting(StoredCookie::sameSite).containsExactly(
                SameSite.STRICT, SameSite.NO_RESTRICTION, SameSite.LAX, SameSite.UNSPECIFIED);
    }

    @Test
    void sameSiteNoneWithoutSecureIsRefused() {
        receive("https://example.com/", "a=1; SameSite=None");

        assertThat(store.snapshot()).isEmpty();
    }

    @Test
    void aCrossSiteSubresourceCanOnlySetSameSiteNoneCookies() {
        store.receive(url("https://tracker.example/"), List.of("lax=1; SameSite=Lax", "strict=1; SameSite=Strict",
                "unspecified=1", "none=1; SameSite=None; Secure"), CROSS_SITE_SUBRESOURCE);
        store.receive(url("https://other.example/"), List.of("strict=1; SameSite=Strict"), CROSS_SITE_NAVIGATION);

        assertThat(store.snapshot()).extracting(c -> c.domain() + " " + c.name())
                .containsExactlyInAnyOrder("tracker.example none", "other.example strict");
    }

    // ---------------------------------------------------------------- limits

    @Test
    void aDomainKeepsAtMost180CookiesAndEvictsTheLeastRecentlyAccessedTo150() {
        for (int i = 0; i < 180; i++) {
            receive("https://example.com/p" + i + "/", "c" + i + "=v; Path=/p" + i);
            clock.advance(Duration.ofMillis(1));
        }
        header("https://example.com/p0/");
        changes.clear();

        receive("https://www.example.com/", "new=1");

        assertThat(store.size()).isEqualTo(150);
        assertThat(changes).hasSize(32).startsWith("+new=1 inserted", "-c1=v evicted").endsWith("-c31=v evicted");
        assertThat(header("https://example.com/p0/")).isEqualTo("c0=v");
    }

    @Test
    void theStoreKeepsAtMost3300CookiesAndEvictsTheLeastRecentlyAccessedTo3000() {
        for (int site = 0; site < 33; site++) {
            for (int i = 0; i < 100; i++) {
                receive("https://s" + site + ".example/", "c" + i + "=v" + site + "; Path=/p" + i);
            }
            clock.advance(Duration.ofMillis(1));
        }
        header("https://s0.example/p0/");
        changes.clear();

        receive("https://last.example/", "new=1");

        assertThat(store.size()).isEqualTo(3000);
        assertThat(changes).hasSize(302).first().isEqualTo("+new=1 inserted");
        assertThat(changes.subList(1, 302)).allMatch(c -> c.endsWith("evicted"))
                .contains("-c1=v0 evicted", "-c99=v0 evicted", "-c0=v1 evicted", "-c99=v2 evicted", "-c0=v3 evicted")
                .doesNotContain("-c0=v0 evicted", "-c2=v3 evicted");
    }

    // ---------------------------------------------------------------- API, snapshot, restore

    @Test
    void theApiRefusesWhatTheStoreRefusesNamingTheRule() {
        HttpUrl url = url("https://www.example.com/");
        StoredCookie publicSuffix = new StoredCookie("a", "1", "com", false, "/", false, false, SameSite.LAX,
                false, Long.MAX_VALUE, 0, 0);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> store.set(url, publicSuffix));
        assertThat(e).hasMessage("domain is a public suffix: 'com'");
    }

    @Test
    void restorePutsCookiesBackWithTheirTimesAndWithoutEvents() {
        receive("https://example.com/", "a=1; Max-Age=3600", "b=2");
        header("https://example.com/");
        List<StoredCookie> saved = store.snapshot();
        CookieStore restored = new CookieStore(clock);
        List<CookieStore.Change> restoredChanges = new ArrayList<>();
        restored.addChangeListener(restoredChanges::add);

        restored.restore(saved);

        assertThat(restored.snapshot()).isEqualTo(saved);
        assertThat(restoredChanges).isEmpty();
    }

    @Test
    void concurrentWritersAndReadersLeaveACoherentStore() throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int writer = t;
            threads.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 2000; i++) {
                    receive("https://s" + (i % 50) + ".example/", "w" + writer + "=" + i);
                    header("https://s" + (i % 50) + ".example/");
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(store.size()).isEqualTo(200).isEqualTo(store.snapshot().size());
        assertThat(header("https://s7.example/").split("; "))
                .containsExactlyInAnyOrder("w0=1957", "w1=1957", "w2=1957", "w3=1957");
        assertThat(changes).filteredOn(c -> c.startsWith("+")).hasSize(8000);
    }

    @Test
    void aHeaderLookupUpdatesTheLastAccessTime() {
        receive("https://example.com/", "a=1");
        clock.advance(Duration.ofMinutes(1));

        header("https://example.com/");

        assertThat(store.snapshot().getFirst().lastAccessAt()).isEqualTo(START.plusSeconds(60).toEpochMilli());
    }
}
