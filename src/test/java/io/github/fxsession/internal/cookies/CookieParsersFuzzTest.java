package io.github.fxsession.internal.cookies;

import static io.github.fxsession.fuzz.Fuzz.answers;
import static io.github.fxsession.fuzz.Fuzz.grammar;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.fxsession.cookies.CookieDetails;
import io.github.fxsession.cookies.SameSite;
import io.github.fxsession.fuzz.Fuzz;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletionException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import okhttp3.HttpUrl;

/**
 * Set-Cookie lines, {@code document.cookie} writes and {@code cookies.set} details from outside: the store
 * takes or ignores a line but never throws, and what it sends back is a well-formed {@code Cookie} header;
 * {@code cookies.set} completes or fails its future with {@code IllegalArgumentException}.
 */
class CookieParsersFuzzTest {

    private static final HttpUrl URL = HttpUrl.get("https://www.example.com/app/page?q=1");
    private static final String[] FRAGMENTS = {"a", "SID", "=", "value", "\"", ";", "; ", " ", "\t", "\r", "\n", "\0",
        "Domain=", "domain=.example.com", "Domain=com", "Domain=www.example.com", "Domain=other.org", "Domain=",
        "Path=", "Path=/", "Path=/app", "path=app", "Secure", "HttpOnly", "SameSite=", "SameSite=None",
        "SameSite=Lax", "samesite=strict", "Max-Age=", "Max-Age=0", "Max-Age=-1", "Max-Age=99999999999999999999",
        "Expires=", "Expires=Wed, 21 Oct 2015 07:28:00 GMT", "expires=Thu, 01 Jan 1970 00:00:00 GMT",
        "Expires=Fri, 31 Dec 9999 23:59:59 GMT", "__Secure-", "__Host-", "Partitioned", ",", "é", "\u0085"};

    private final CookieStore store = new CookieStore(Clock.fixed(Instant.ofEpochMilli(TestCookies.NOW), ZoneOffset.UTC));
    private final CookiesImpl cookies = new CookiesImpl(store, "fuzz-cookies");

    @Provide
    Arbitrary<String> lines() {
        return grammar(FRAGMENTS);
    }

    @Provide
    Arbitrary<CookieDetails> details() {
        Arbitrary<String> text = grammar("a", "b", "=", ";", " ", "\n", ".", "/", "example.com", ".example.com", "com",
                "www.example.com", "https://www.example.com/", "http://", "/app", "é", "\u007f");
        Arbitrary<String> url = Arbitraries.oneOf(Arbitraries.of("https://www.example.com/app/x", "http://127.0.0.1/",
                "https://[::1]:8443/a", "file:///etc/passwd", "not a url", ""), text);
        Arbitrary<Double> expiry = Arbitraries.oneOf(Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, -1.0, 0.0, 1e300), Arbitraries.doubles().injectNull(0.3));
        return net.jqwik.api.Combinators.combine(url, text, text, text.injectNull(0.3), text.injectNull(0.3),
                        Arbitraries.of(Boolean.TRUE, Boolean.FALSE).injectNull(0.3), expiry,
                        Arbitraries.of(SameSite.class).injectNull(0.3))
                .as((u, name, value, domain, path, secure, expirationDate, sameSite) ->
                        new CookieDetails(u, name, value, domain, path, secure, secure, expirationDate, sameSite));
    }

    @Property(tries = 1000)
    void setCookieLinesAreStoredOrIgnoredAndTheCookieHeaderStaysWellFormed(@ForAll("lines") String line) {
        answers(line, () -> {
            store.receive(URL, List.of(line), CookieContext.SAME_SITE);
            return null;
        });
        assertWellFormedHeader(line);
    }

    @Property(tries = 1000)
    void scriptCookieWritesAreStoredOrIgnored(@ForAll("lines") String cookieString) {
        answers(cookieString, () -> {
            store.setFromScript(URL, cookieString);
            return null;
        });
        assertWellFormedHeader(cookieString);
        assertThat(store.scriptCookies(URL)).doesNotContain("\r", "\n", "\0");
    }

    @Property(tries = 1000)
    void cookiesSetCompletesOrFailsWithIllegalArgument(@ForAll("details") CookieDetails details) {
        String input = details.toString();
        Fuzz.parsesOrRejects(input, () -> {
            try {
                return cookies.set(details).join();
            } catch (CompletionException e) {
                throw (Exception) e.getCause();
            }
        }, IllegalArgumentException.class);
        assertWellFormedHeader(input);
    }

    private void assertWellFormedHeader(String input) {
        String header = store.cookieHeader(URL, CookieContext.SAME_SITE);
        if (header != null) {
            assertThat(header).as("Cookie header after %s", Fuzz.quote(input))
                    .doesNotContain("\r", "\n", "\0").doesNotStartWith(" ");
        }
    }
}
