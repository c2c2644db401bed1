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
 */
public record NetResponse(int code, String message, Headers headers, InputStream body) {

    public NetResponse {
        Objects.requireNonNull(message, "message == null");
        Objects.requireNonNull(headers, "headers == null");
    }

    public String header(String name) {
        return headers.get(name);
    }

    public NetResponse withHeaders(Headers newHeaders) {
        return new NetResponse(code, message, newHeaders, body);
    }

    public NetResponse withBody(InputStream newBody) {
        return new NetResponse(code, message, headers, newBody);
    }
}
