package io.github.fxsession.internal.cookies;

import io.github.fxsession.internal.net.Interceptor;
import io.github.fxsession.internal.net.NetRequest;
import io.github.fxsession.internal.net.NetResponse;
import io.github.fxsession.internal.net.ResourceType;
import io.github.fxsession.internal.session.EngineBinding;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * The cookie link of a session's chain (stage {@code STATE}): the {@code Cookie} header of every
 * request comes from the partition's store, and every {@code Set-Cookie} of every response, redirects
 * included, goes into it. WebKit follows redirects itself, so each hop passes here with its own URL and
 * gets its own host's cookies.
 *
 * <p>SameSite context: a main-frame navigation is same-site unless its {@code Referer} (the initiator)
 * is another site; any other request is same-site when its site equals the site of the engine's
 * main-frame document and of its initiator. Sites are schemeful ({@code https://example.com} and
 * {@code http://example.com} differ), as in Chromium.
 *
 * <p>Threading: loader threads; thread-safe.
 */
public final class CookieInterceptor implements Interceptor {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Override
    public NetResponse intercept(Chain chain) throws IOException {
        NetRequest request = chain.request();
        HttpUrl url = HttpUrl.parse(request.url());
        if (url == null) {
            return chain.proceed(request);
        }
        CookieStore store = request.context().session().cookies().store();
        CookieContext context = contextOf(request, url);
        String header = store.cookieHeader(url, context);
        Headers.Builder headers = request.headers().newBuilder().removeAll("Cookie");
        if (header != null) {
            headers.add("Cookie", header);
        }
        NetResponse response = chain.proceed(request.withHeaders(headers.build()));
        List<String> setCookies = response.headers().values("Set-Cookie");
        if (!setCookies.isEmpty()) {
            store.receive(url, setCookies, context);
        }
        return response;
    }

    static CookieContext contextOf(NetRequest request, HttpUrl url) {
        boolean safe = SAFE_METHODS.contains(request.method());
        String requestSite = site(url);
        String initiatorSite = site(request.header("Referer"));
        boolean initiatorSameSite = initiatorSite == null || initiatorSite.equals(requestSite);
        if (request.context().resourceType() == ResourceType.MAIN_FRAME) {
            return new CookieContext(initiatorSameSite, true, safe);
        }
        EngineBinding binding = request.context().binding();
        String topSite = binding == null ? null : site(binding.topDocumentUrl());
        boolean topSameSite = topSite == null || topSite.equals(requestSite);
        return new CookieContext(topSameSite && initiatorSameSite, false, safe);
    }

    /** The schemeful site of {@code url}: scheme and registrable domain (the host for IPs and single labels). */
    static String site(String url) {
        HttpUrl parsed = url == null ? null : HttpUrl.parse(url);
        return parsed == null ? null : site(parsed);
    }

    static String site(HttpUrl url) {
        String registrable = Domains.registrableDomain(url.host());
        return url.scheme() + "://" + (registrable != null ? registrable : url.host());
    }

    @Override
    public String toString() {
        return "CookieInterceptor";
    }
}
