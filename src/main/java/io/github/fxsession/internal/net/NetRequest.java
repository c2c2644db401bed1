package io.github.fxsession.internal.net;

import java.util.Objects;
import okhttp3.Headers;

/**
 * An immutable request travelling down a session's chain.
 *
 * @param url the absolute URL, as WebKit asked for it
 * @param method the HTTP method, upper case
 * @param headers the request headers
 * @param body the request body, or {@code null} for none
 * @param context who asked for it
 */
public record NetRequest(String url, String method, Headers headers, byte[] body, RequestContext context) {

    public NetRequest {
        Objects.requireNonNull(url, "url == null");
        Objects.requireNonNull(method, "method == null");
        Objects.requireNonNull(headers, "headers == null");
        Objects.requireNonNull(context, "context == null");
    }

    public String header(String name) {
        return headers.get(name);
    }

    public NetRequest withUrl(String newUrl) {
        return new NetRequest(newUrl, method, headers, body, context);
    }

    public NetRequest withHeaders(Headers newHeaders) {
        return new NetRequest(url, method, newHeaders, body, context);
    }

    @Override
    public String toString() {
        return method + " " + url + " (" + context.resourceType().electronName() + ")";
    }
}
