package io.github.fxsession.webrequest;

import java.util.Map;

/**
 * The answer of an {@link WebRequest#onBeforeSendHeaders onBeforeSendHeaders} listener (Electron's
 * {@code {cancel, requestHeaders}}).
 *
 * <pre>{@code
 * Map<String, String> headers = new LinkedHashMap<>(details.requestHeaders());
 * headers.put("X-Client", "fxsession");
 * callback.accept(BeforeSendHeadersResponse.headers(headers));
 * }</pre>
 *
 * <p>Threading: immutable, any thread.
 *
 * @param cancel whether the request fails with {@code net::ERR_BLOCKED_BY_CLIENT}
 * @param requestHeaders the headers to send instead of all the current ones, {@code null} to keep them;
 *     names or values that cannot be sent (control characters, separators in names) are dropped, the
 *     others kept
 * @since 0.2
 */
public record BeforeSendHeadersResponse(boolean cancel, Map<String, String> requestHeaders) {

    /** Checks the components (see the class description). */
    public BeforeSendHeadersResponse {
        requestHeaders = requestHeaders == null ? null : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(requestHeaders));
    }

    /**
     * Sends the request with its headers unchanged.
     *
     * @return the answer
     */
    public static BeforeSendHeadersResponse proceed() {
        return new BeforeSendHeadersResponse(false, null);
    }

    /**
     * Cancels the request.
     *
     * @return the answer
     */
    public static BeforeSendHeadersResponse cancelled() {
        return new BeforeSendHeadersResponse(true, null);
    }

    /**
     * Sends the request with exactly {@code requestHeaders}.
     *
     * @param requestHeaders the headers to send, in order
     * @return the answer
     */
    public static BeforeSendHeadersResponse headers(Map<String, String> requestHeaders) {
        java.util.Objects.requireNonNull(requestHeaders, "requestHeaders == null");
        return new BeforeSendHeadersResponse(false, requestHeaders);
    }
}
