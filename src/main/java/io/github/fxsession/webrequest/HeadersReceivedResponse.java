package io.github.fxsession.webrequest;

import java.util.List;
import java.util.Map;

/**
 * The answer of an {@link WebRequest#onHeadersReceived onHeadersReceived} listener (Electron's
 * {@code {cancel, responseHeaders, statusLine}}).
 *
 * <pre>{@code
 * Map<String, List<String>> headers = new LinkedHashMap<>(details.responseHeaders());
 * headers.remove("Set-Cookie");
 * callback.accept(new HeadersReceivedResponse(false, headers, "HTTP/1.1 200 OK"));
 * }</pre>
 *
 * <p>The listener runs before the partition stores the response's cookies, so removing
 * {@code Set-Cookie} here keeps them out of the store, as in Chromium.
 *
 * <p>Threading: immutable, any thread.
 *
 * @param cancel whether the request fails with {@code net::ERR_BLOCKED_BY_CLIENT}
 * @param responseHeaders the headers the page gets instead of all the current ones, {@code null} to keep
 *     them; names or values that cannot be sent are dropped, the others kept
 * @param statusLine a replacement status line such as {@code "HTTP/1.1 404 Not Found"}, {@code null} to
 *     keep it; a line that does not parse is ignored
 * @since 0.2
 */
public record HeadersReceivedResponse(boolean cancel, Map<String, List<String>> responseHeaders, String statusLine) {

    /** Checks the components and copies the headers. */
    public HeadersReceivedResponse {
        if (responseHeaders != null) {
            Map<String, List<String>> copy = new java.util.LinkedHashMap<>();
            responseHeaders.forEach((k, v) -> copy.put(k, v == null ? List.of() : List.copyOf(v)));
            responseHeaders = java.util.Collections.unmodifiableMap(copy);
        }
    }

    /**
     * Passes the response on unchanged.
     *
     * @return an answer changing nothing
     */
    public static HeadersReceivedResponse proceed() {
        return new HeadersReceivedResponse(false, null, null);
    }

    /**
     * Cancels the request.
     *
     * @return an answer cancelling the request
     */
    public static HeadersReceivedResponse cancelled() {
        return new HeadersReceivedResponse(true, null, null);
    }

    /**
     * Gives the page exactly {@code responseHeaders}.
     *
     * @param responseHeaders the headers the page gets
     * @return an answer replacing the headers
     */
    public static HeadersReceivedResponse headers(Map<String, List<String>> responseHeaders) {
        java.util.Objects.requireNonNull(responseHeaders, "responseHeaders == null");
        return new HeadersReceivedResponse(false, responseHeaders, null);
    }
}
