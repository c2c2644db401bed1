package io.github.fxsession.internal.cookies;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.fxsession.internal.net.NetRequest;
import io.github.fxsession.internal.net.RequestContext;
import io.github.fxsession.internal.net.ResourceType;
import io.github.fxsession.internal.session.SessionCore;
import io.github.fxsession.internal.session.SessionRegistry;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/** How the chain decides whether a request is same-site, for SameSite cookies. */
class CookieContextTest {

    private static final SessionCore CORE = SessionRegistry.get("cookie-context", null, core -> new Object());

    private static CookieContext contextOf(ResourceType type, String method, String url, String referer) {
        Headers headers = referer == null ? Headers.of() : Headers.of("Referer", referer);
        NetRequest request = new NetRequest(url, method, headers, null, new RequestContext(CORE, null, type));
        return CookieInterceptor.contextOf(request, HttpUrl.get(url));
    }

    @Test
    void aTypedNavigationIsSameSiteAndTopLevel() {
        assertThat(contextOf(ResourceType.MAIN_FRAME, "GET", "https://shop.example.com/", null))
                .isEqualTo(new CookieContext(true, true, true));
    }

    @Test
    void aNavigationFromAnotherSiteIsCrossSiteButStillTopLevel() {
        assertThat(contextOf(ResourceType.MAIN_FRAME, "GET", "https://shop.example.com/", "https://evil.test/"))
                .isEqualTo(new CookieContext(false, true, true));
    }

    @Test
    void aNavigationFromASubdomainOfTheSameSiteIsSameSite() {
        assertThat(contextOf(ResourceType.MAIN_FRAME, "POST", "https://shop.example.com/", "https://www.example.com/"))
                .isEqualTo(new CookieContext(true, true, false));
    }

    @Test
    void sitesAreSchemeful() {
        assertThat(contextOf(ResourceType.MAIN_FRAME, "GET", "https://example.com/", "http://example.com/").sameSite())
                .isFalse();
    }

    @Test
    void aSubresourceRequestedByAnotherSiteIsCrossSite() {
        assertThat(contextOf(ResourceType.IMAGE, "GET", "https://tracker.test/pixel", "https://example.com/"))
                .isEqualTo(new CookieContext(false, false, true));
    }

    @Test
    void sitesOfPublicSuffixHostsAreTheirRegistrableDomains() {
        assertThat(CookieInterceptor.site(HttpUrl.get("https://a.b.example.co.uk/x"))).isEqualTo("https://example.co.uk");
        assertThat(CookieInterceptor.site(HttpUrl.get("https://alice.github.io/"))).isEqualTo("https://alice.github.io");
        assertThat(CookieInterceptor.site(HttpUrl.get("http://127.0.0.1:8080/"))).isEqualTo("http://127.0.0.1");
        assertThat(CookieInterceptor.site(HttpUrl.get("http://localhost/"))).isEqualTo("http://localhost");
    }
}
