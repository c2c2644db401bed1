package io.github.fxsession.internal.net;

import io.github.fxsession.internal.session.EngineBinding;
import io.github.fxsession.internal.session.SessionCore;
import java.io.IOException;
import okhttp3.Headers;

/**
 * Puts the session's identity on the wire: the User-Agent of the engine (never its routing token) and
 * the session's Accept-Language.
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
        return chain.proceed(request.withHeaders(headers));
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
