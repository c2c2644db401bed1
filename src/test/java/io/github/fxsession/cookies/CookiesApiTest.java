package io.github.fxsession.cookies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.fxsession.Session;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javafx.util.Subscription;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/** Electron's {@code ses.cookies} on in-memory partitions (no WebView involved). */
class CookiesApiTest {

    private Cookies cookies;

    @BeforeEach
    void newPartition(TestInfo test) {
        cookies = Session.fromPartition("cookie-api-" + test.getTestMethod().orElseThrow().getName()).cookies();
    }

    private void set(CookieDetails.Builder details) {
        cookies.set(details.build()).join();
    }

    private List<Cookie> get(CookieFilter filter) {
        return cookies.get(filter).join();
    }

    private static String failure(CompletableFuture<?> future) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> future.get(5, TimeUnit.SECONDS));
        assertThat(e.getCause()).isInstanceOf(IllegalArgumentException.class);
        return e.getCause().getMessage();
    }

    private static CookieDetails.Builder details(String url, String name, String value) {
        return CookieDetails.builder(url).name(name).value(value);
    }

    // ---------------------------------------------------------------- set and its defaults

    @Test
    void aCookieWithOnlyAUrlNameAndValueIsAHostOnlyLaxSessionCookieOnTheDefaultPath() {
        set(details("https://www.example.com/app/page", "a", "1"));

        assertThat(get(CookieFilter.all())).containsExactly(new Cookie("a", "1", "www.example.com", true, "/app",
                false, false, true, null, SameSite.LAX));
    }

    @Test
    void aCookieWithADomainIsADomainCookieReportedWithALeadingDot() {
        set(details("https://www.example.com/", "a", "1").domain("Example.com").path("/").secure(true)
                .httpOnly(true).sameSite("strict"));

        assertThat(get(CookieFilter.all())).containsExactly(new Cookie("a", "1", ".example.com", false, "/",
                true, true, true, null, SameSite.STRICT));
    }

    @Test
    void anExpirationDateIsReportedInSecondsAndMakesAPersistentCookie() {
        Instant expiry = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);
        set(details("https://example.com/", "a", "1").expirationDate(expiry));

        Cookie cookie = get(CookieFilter.all()).getFirst();
        assertThat(cookie.session()).isFalse();
        assertThat(cookie.expirationDate()).isEqualTo(expiry.getEpochSecond());
    }

    @Test
    void anExpirationDateInThePastRemovesTheCookie() {
        set(details("https://example.com/", "a", "1"));
        set(details("https://example.com/", "a", "1").expirationDate(1.0));

        assertThat(get(CookieFilter.all())).isEmpty();
    }

    // ---------------------------------------------------------------- set validation

    @Test
    void aUrlThatIsNotHttpOrHttpsIsRefused() {
        assertThat(failure(cookies.set(CookieDetails.builder("xyz").name("a").build())))
                .isEqualTo("Invalid url: 'xyz' (an http or https URL is needed)");
        assertThat(failure(cookies.set(CookieDetails.builder("file:///tmp/x").name("a").build())))
                .isEqualTo("Invalid url: 'file:///tmp/x' (an http or https URL is needed)");
    }

    @Test
    void aDomainThatDoesNotMatchTheUrlIsRefused() {
        assertThat(failure(cookies.set(details("https://example.com/", "a", "1").domain("other.com").build())))
                .isEqualTo("Invalid domain: 'other.com' does not match url 'https://example.com/'");
        assertThat(failure(cookies.set(details("https://notexample.com/", "a", "1").domain("example.com").build())))
                .isEqualTo("Invalid domain: 'example.com' does not match url 'https://notexample.com/'");
    }

    @Test
    void aPublicSuffixDomainIsRefused() {
        assertThat(failure(cookies.set(details("https://www.example.com/", "a", "1").domain("com").build())))
                .isEqualTo("domain is a public suffix: 'com'");
    }

    @Test
    void aNameOrValueWithASemicolonOrAControlCharacterIsRefused() {
        assertThat(failure(cookies.set(details("https://example.com/", "a;b", "1").build())))
                .isEqualTo("Invalid name: 'a;b' (no ';' or control characters allowed)");
        assertThat(failure(cookies.set(details("https://example.com/", "a", "1\n2").build())))
                .isEqualTo("Invalid value: '1\n2' (no ';' or control characters allowed)");
        assertThat(failure(cookies.set(details("https://example.com/", "a", "\u007f").build())))
                .isEqualTo("Invalid value: '\u007f' (no ';' or control characters allowed)");
    }

    @Test
    void aNameOrValueWithLeadingOrTrailingWhitespaceIsRefusedAsChromiumDoes() {
        assertThat(failure(cookies.set(details("https://example.com/", " a", "1").build())))
                .isEqualTo("Invalid name: ' a' (no leading or trailing whitespace allowed)");
        assertThat(failure(cookies.set(details("https://example.com/", "", " =").build())))
                .isEqualTo("Invalid value: ' =' (no leading or trailing whitespace allowed)");
        assertThat(failure(cookies.set(details("https://example.com/", "a", "1\t").build())))
                .isEqualTo("Invalid value: '1\t' (no leading or trailing whitespace allowed)");
    }

    @Test
    void aNameWithAnEqualsSignOrAnEmptyNameAndValueIsRefused() {
        assertThat(failure(cookies.set(details("https://example.com/", "a=b", "1").build())))
                .isEqualTo("Invalid name: 'a=b' (no '=' allowed)");
        assertThat(failure(cookies.set(CookieDetails.builder("https://example.com/").build())))
                .isEqualTo("Invalid cookie: name and value are both empty");
    }

    @Test
    void cookiesTheBrowserWouldRefuseAreRefusedNamingTheRule() {
        assertThat(failure(cookies.set(details("http://example.com/", "a", "1").secure(true).build())))
                .isEqualTo("a Secure cookie needs an https URL: 'a' from 'http://example.com/'");
        assertThat(failure(cookies.set(details("https://example.com/", "a", "1").sameSite("no_restriction").build())))
                .isEqualTo("SameSite=None needs Secure: 'a'");
        assertThat(failure(cookies.set(details("https://www.example.com/", "__Host-a", "1").secure(true)
                .domain("example.com").path("/").build())))
                .isEqualTo("a __Host- cookie needs Secure, no domain and path '/': '__Host-a'");
        assertThat(failure(cookies.set(details("https://example.com/", "__Secure-a", "1").build())))
                .isEqualTo("a __Secure- cookie needs Secure: '__Secure-a'");
        assertThat(failure(cookies.set(details("https://example.com/", "a", "v".repeat(4096)).build())))
                .isEqualTo("name and value are longer than 4096 bytes (4097): 'a'");
    }

    @Test
    void anUnknownSameSiteValueIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CookieDetails.builder("https://example.com/").sameSite("bogus"));

        assertThat(e).hasMessage("Invalid sameSite value: 'bogus' (expected unspecified, no_restriction, lax or strict)");
    }

    // ---------------------------------------------------------------- get filters

    @Test
    void aUrlFilterReturnsWhatWouldBeSentIgnoringSameSiteInHeaderOrder() {
        set(details("https://example.com/", "root", "1").path("/"));
        set(details("https://example.com/", "strict", "2").path("/a").sameSite("strict").httpOnly(true));
        set(details("https://example.com/", "secure", "3").path("/").secure(true));
        set(details("https://example.com/", "elsewhere", "4").path("/b"));

        assertThat(get(CookieFilter.url("http://example.com/a/x"))).extracting(Cookie::name)
                .containsExactly("strict", "root");
        assertThat(get(CookieFilter.url("https://example.com/a/x"))).extracting(Cookie::name)
                .containsExactly("strict", "root", "secure");
    }

    @Test
    void anInvalidUrlFilterFailsTheFuture() {
        assertThat(failure(cookies.get(CookieFilter.url("nope")))).isEqualTo("Invalid url: 'nope' (an http or https URL is needed)");
    }

    @Test
    void aDomainFilterMatchesTheDomainAndItsSubdomainsNeverAnotherDomain() {
        set(details("https://example.com/", "apex", "1"));
        set(details("https://a.b.example.com/", "deep", "2"));
        set(details("https://www.example.com/", "dotted", "3").domain(".example.com"));
        set(details("https://otherexample.com/", "other", "4"));

        assertThat(get(CookieFilter.builder().domain("example.com").build())).extracting(Cookie::name)
                .containsExactlyInAnyOrder("apex", "deep", "dotted");
        assertThat(get(CookieFilter.builder().domain(".example.com").build())).extracting(Cookie::name)
                .containsExactlyInAnyOrder("apex", "deep", "dotted");
        assertThat(get(CookieFilter.builder().domain("b.example.com").build())).extracting(Cookie::name)
                .containsExactly("deep");
    }

    @Test
    void nameExactPathAndFlagFiltersCombine() {
        set(details("https://example.com/", "a", "1").path("/x").secure(true));
        set(details("https://example.com/", "a", "2").path("/x/y").httpOnly(true));
        set(details("https://example.com/", "b", "3").path("/x").expirationDate(Instant.now().plusSeconds(600)));

        assertThat(get(CookieFilter.builder().name("a").build())).extracting(Cookie::value).containsExactly("2", "1");
        assertThat(get(CookieFilter.builder().path("/x").build())).extracting(Cookie::value).containsExactly("1", "3");
        assertThat(get(CookieFilter.builder().secure(true).build())).extracting(Cookie::value).containsExactly("1");
        assertThat(get(CookieFilter.builder().httpOnly(true).build())).extracting(Cookie::value).containsExactly("2");
        assertThat(get(CookieFilter.builder().session(false).build())).extracting(Cookie::value).containsExactly("3");
        assertThat(get(CookieFilter.builder().name("a").secure(false).build())).extracting(Cookie::value)
                .containsExactly("2");
    }

    // ---------------------------------------------------------------- remove, flush

    @Test
    void removeDeletesTheCookiesOfThatNameThatMatchTheUrl() {
        set(details("https://www.example.com/", "a", "host"));
        set(details("https://www.example.com/", "a", "domain").domain("example.com"));
        set(details("https://www.example.com/", "a", "path").path("/elsewhere"));
        set(details("https://www.example.com/", "b", "kept"));

        cookies.remove("https://www.example.com/", "a").join();

        assertThat(get(CookieFilter.all())).extracting(Cookie::value).containsExactlyInAnyOrder("path", "kept");
    }

    @Test
    void flushStoreCompletesAtOnceForAnInMemoryPartition() {
        assertThat(cookies.flushStore()).succeedsWithin(Duration.ofSeconds(1));
    }

    // ---------------------------------------------------------------- changed events

    @Test
    void changesArriveInOrderWithElectronsCauses() throws InterruptedException {
        BlockingQueue<CookieChangedEvent> events = new LinkedBlockingQueue<>();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        cookies.onChanged(event -> {
            threads.add(Thread.currentThread().getName());
            events.add(event);
        });

        set(details("https://example.com/", "a", "1"));
        set(details("https://example.com/", "a", "2"));
        set(details("https://example.com/", "a", "2"));
        set(details("https://example.com/", "a", "2").httpOnly(true));
        cookies.remove("https://example.com/", "a").join();
        set(details("https://example.com/", "b", "1"));
        set(details("https://example.com/", "b", "1").expirationDate(1.0));

        assertThat(take(events, 10)).containsExactly(
                "+a=1 inserted", "-a=1 overwrite", "+a=2 inserted", "-a=2 overwrite",
                "+a=2 inserted-no-change-overwrite", "-a=2 overwrite", "+a=2 inserted-no-value-change-overwrite",
                "-a=2 explicit", "+b=1 inserted", "-b=1 expired-overwrite");
        assertThat(threads).containsExactly("fxsession-cookie-events-cookie-api-changesArriveInOrderWithElectronsCauses");
    }

    @Test
    void anUnsubscribedListenerIsNoLongerCalledAndAThrowingOneDoesNotStopOthers() throws InterruptedException {
        BlockingQueue<CookieChangedEvent> unsubscribed = new LinkedBlockingQueue<>();
        BlockingQueue<CookieChangedEvent> kept = new LinkedBlockingQueue<>();
        Subscription subscription = cookies.onChanged(unsubscribed::add);
        cookies.onChanged(event -> {
            throw new IllegalStateException("listener failure (expected by the test)");
        });
        cookies.onChanged(kept::add);

        set(details("https://example.com/", "a", "1"));
        assertThat(kept.poll(5, TimeUnit.SECONDS)).isNotNull();
        subscription.unsubscribe();
        set(details("https://example.com/", "b", "2"));

        assertThat(kept.poll(5, TimeUnit.SECONDS)).extracting(e -> e.cookie().name()).isEqualTo("b");
        assertThat(unsubscribed).extracting(e -> e.cookie().name()).containsExactly("a");
    }

    /** {@code count} events as "+name=value cause" (removed ones with "-"). */
    private static List<String> take(BlockingQueue<CookieChangedEvent> events, int count) throws InterruptedException {
        List<String> result = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            CookieChangedEvent event = events.poll(5, TimeUnit.SECONDS);
            assertThat(event).as("event %d of %d", i + 1, count).isNotNull();
            result.add((event.removed() ? "-" : "+") + event.cookie().name() + "=" + event.cookie().value() + " "
                    + event.cause().electronName());
        }
        return result;
    }
}
