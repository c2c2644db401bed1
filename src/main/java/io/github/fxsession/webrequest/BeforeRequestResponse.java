package io.github.fxsession.webrequest;

/**
 * The answer of an {@link WebRequest#onBeforeRequest onBeforeRequest} listener (Electron's
 * {@code {cancel, redirectURL}}).
 *
 * <pre>{@code
 * callback.accept(BeforeRequestResponse.cancelled());
 * callback.accept(BeforeRequestResponse.redirect("https://example.com/other"));
 * }</pre>
 *
 * <p>Threading: immutable, any thread.
 *
 * @param cancel whether the request fails with {@code net::ERR_BLOCKED_BY_CLIENT}
 * @param redirectURL where to send the request instead, {@code null} to keep it
 * @since 0.2
 */
public record BeforeRequestResponse(boolean cancel, String redirectURL) {

    private static final BeforeRequestResponse PROCEED = new BeforeRequestResponse(false, null);
    private static final BeforeRequestResponse CANCEL = new BeforeRequestResponse(true, null);

    /**
     * Lets the request go on unchanged.
     *
     * @return the answer
     */
    public static BeforeRequestResponse proceed() {
        return PROCEED;
    }

    /**
     * Cancels the request.
     *
     * @return the answer
     */
    public static BeforeRequestResponse cancelled() {
        return CANCEL;
    }

    /**
     * Redirects the request to {@code url} (WebView follows an internal {@code 307} redirect).
     *
     * @param url the absolute URL to go to instead
     * @return the answer
     * @throws IllegalArgumentException if {@code url} is not absolute
     */
    public static BeforeRequestResponse redirect(String url) {
        java.util.Objects.requireNonNull(url, "url == null");
        if (!url.matches("(?s)[A-Za-z][A-Za-z0-9+.-]*:.+")) {
            throw new IllegalArgumentException("redirectURL must be an absolute URL: '" + url + "'");
        }
        return new BeforeRequestResponse(false, url);
    }
}
