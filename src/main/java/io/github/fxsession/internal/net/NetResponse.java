package io.github.fxsession.internal.net;

import java.io.InputStream;
import java.util.Objects;
import okhttp3.Headers;

/**
 * A response travelling back up a session's chain.
 *
 * @param code the HTTP status code
 * @param message the reason phrase (may be empty)
 * @param headers the response headers as the page will see them
 * @param body the body stream, or {@code null} when there is none; read once
 * @param fromCache whether the partition's HTTP cache answered (fresh, or after a 304 revalidation)
 * @param ip the address of the server (or proxy) the response came from, {@code null} when unknown
 */
public record NetResponse(int code, String message, Headers headers, InputStream body, boolean fromCache, String ip) {

    public NetResponse {
        Objects.requireNonNull(message, "message == null");
        Objects.requireNonNull(headers, "headers == null");
    }

    /** A response that did not come from the HTTP cache. */
    public NetResponse(int code, String message, Headers headers, InputStream body) {
        this(code, message, headers, body, false, null);
    }

    public String header(String name) {
        return headers.get(name);
    }

    public NetResponse withHeaders(Headers newHeaders) {
        return new NetResponse(code, message, newHeaders, body, fromCache, ip);
    }

    public NetResponse withBody(InputStream newBody) {
        return new NetResponse(code, message, headers, newBody, fromCache, ip);
    }
}
