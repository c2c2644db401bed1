package io.github.fxsession.internal.net;

import io.github.fxsession.internal.session.EngineBinding;
import io.github.fxsession.internal.session.SessionCore;
import java.io.IOException;
import java.util.List;
import okhttp3.Headers;

/**
 * Puts the session's identity on the wire: the User-Agent of the engine (never its routing token) and
 * the session's Accept-Language.
 *
 * <p>On the way back it adds {@code User-Agent} to the response's {@code Vary}, as WebKit sees it (not
 * sent anywhere). WebKit keeps one memory cache for the whole process and would otherwise hand a
 * response one partition cached to another partition's page without any request; every attached engine
 * sends its own routing token in its User-Agent, so a response cached by one engine never matches a
 * request of another, and each engine gets its own request through its own session.
 */
public final class IdentityInterceptor implements Interceptor {

    @Override
    public NetResponse intercept(Chain chain) throws IOException {
        NetRequest request = chain.request();
        RequestContext context = request.context();
        SessionCore session = context.session();
        String userAgent;
        if (context.binding() != null) {
            userAgent = context.binding().effectiveUserAgent();
        } else if (session.explicitUserAgent() != null) {
            userAgent = session.explicitUserAgent();
        } else {
            userAgent = stripToken(request.header("User-Agent"));
            if (userAgent == null || userAgent.isEmpty()) {
                userAgent = session.userAgent();
            }
        }
        Headers headers = request.headers().newBuilder()
                .set("User-Agent", userAgent)
                .set("Accept-Language", session.acceptLanguageHeader())
                .build();
        NetResponse response = chain.proceed(request.withHeaders(headers));
        return response.withHeaders(varyOnUserAgent(response.headers()));
    }

    static Headers varyOnUserAgent(Headers headers) {
        List<String> vary = headers.values("Vary");
        for (String value : vary) {
            for (String field : value.split(",")) {
                String name = field.trim();
                if (name.equals("*") || name.equalsIgnoreCase("User-Agent")) {
                    return headers;
                }
            }
        }
        return headers.newBuilder().add("Vary", "User-Agent").build();
    }

    static String stripToken(String userAgent) {
        if (userAgent == null) {
            return null;
        }
        int mark = userAgent.indexOf(EngineBinding.TOKEN_MARK);
        return mark < 0 ? userAgent : userAgent.substring(0, mark);
    }

    @Override
    public String toString() {
        return "IdentityInterceptor";
    }
}
