package io.github.fxsession.webrequest;

import java.util.function.Consumer;
import javafx.util.Subscription;

/**
 * Intercepts, rewrites and observes the requests of one partition: Electron's {@code WebRequest} class
 * ({@code ses.webRequest}).
 *
 * <pre>{@code
 * WebRequest webRequest = Session.fromPartition("persist:work").webRequest();
 * Subscription block = webRequest.onBeforeRequest(WebRequestFilter.of("*://ads.example.com/*"),
 *         (details, callback) -> callback.accept(BeforeRequestResponse.cancelled()));
 * webRequest.onCompleted(details -> System.out.println(details.statusCode() + " " + details.url()));
 * block.unsubscribe();
 * }</pre>
 *
 * <h2>Events</h2>
 * In the order one request meets them: {@code onBeforeRequest} (cancel or redirect), then
 * {@code onBeforeSendHeaders} (the final request headers, with the session's User-Agent and cookies),
 * {@code onSendHeaders}, {@code onHeadersReceived} (before the response's cookies are stored), then
 * {@code onBeforeRedirect} for a redirect, else {@code onResponseStarted} and, once the body is read,
 * {@code onCompleted}; {@code onErrorOccurred} when it fails or is cancelled
 * ({@code net::ERR_BLOCKED_BY_CLIENT}). Requests answered by a {@code protocol} handler meet the same
 * events. A cancelled request fails in the page.
 *
 * <h2>Several listeners</h2>
 * Unlike Electron, where a new listener replaces the previous one, every event takes any number of
 * listeners, called in the order they were added; each sees what the previous ones changed, and the
 * first that cancels or redirects ends the round. Each returned {@link Subscription} removes its
 * listener. {@link #clear()} removes all, like Electron's {@code onX(null)}.
 *
 * <h2>{@code file:} URLs and what WebView cannot show</h2>
 * The JDK never lets a URL handler take {@code file:}, so {@code file:} loads bypass the chain. A
 * main-frame navigation of an attached engine to a {@code file:} URL is seen through the engine's
 * location before its document runs: onBeforeRequest (called on the FX Application Thread) may cancel it
 * (the engine shows {@code about:blank} instead) or redirect it, and onCompleted / onErrorOccurred follow
 * the load; there are no headers. The subresources and frames of {@code file:} pages are never seen, nor
 * are WebSockets (WebKit opens raw sockets) or {@code data:} and {@code blob:} URLs.
 *
 * <h2>Threading</h2>
 * Any thread. Listeners are called on a network thread (see {@link WebRequestListener}); they must be
 * thread-safe and must not touch the scene graph; observers must be quick and must not throw.
 *
 * @since 0.2
 */
public interface WebRequest {

    /**
     * Adds a listener for every request before it is sent (Electron's {@code onBeforeRequest}).
     *
     * @param listener the listener
     * @return the subscription; {@code unsubscribe()} removes the listener
     */
    default Subscription onBeforeRequest(WebRequestListener<BeforeRequestResponse> listener) {
        return onBeforeRequest(WebRequestFilter.all(), listener);
    }

    /**
     * Adds a listener for the requests {@code filter} matches before they are sent.
     *
     * @param filter which requests the listener sees
     * @param listener the listener
     * @return the subscription; {@code unsubscribe()} removes the listener
     */
    Subscription onBeforeRequest(WebRequestFilter filter, WebRequestListener<BeforeRequestResponse> listener);

    /**
     * Adds a listener that sees and may replace the final request headers (Electron's {@code onBeforeSendHeaders}).
     *
     * @param listener the listener
     * @return the subscription; {@code unsubscribe()} removes the listener
     */
    default Subscription onBeforeSendHeaders(WebRequestListener<BeforeSendHeadersResponse> listener) {
        return onBeforeSendHeaders(WebRequestFilter.all(), listener);
    }

    /**
     * Adds a listener that sees and may replace the final request headers of matching requests.
     *
     * @param filter which requests the listener sees
     * @param listener the listener
     * @return the subscription; {@code unsubscribe()} removes the listener
     */
    Subscription onBeforeSendHeaders(WebRequestFilter filter, WebRequestListener<BeforeSendHeadersResponse> listener);

    /**
     * Adds an observer of the headers as they are sent (Electron's {@code onSendHeaders}).
     *
     * @param listener the listener
     * @return the subscription; {@code unsubscribe()} removes the listener
     */
    default Subscription onSendHeaders(Consumer<WebRequestDetails> listener) {
        return onSendHeaders(WebRequestFilter.all(), listener);
    }

    /**
     * Adds an observer of the headers of matching requests as they are sent.
     *
     * @param filter which requests the listener sees
     * @param listener the listener
     * @return the subscription; {@code unsubscribe()} removes the listener
     */
    Subscription onSendHeaders(WebRequestFilter filter, Consumer<WebRequestDetails> listener);

    /**
     * Adds a listener that sees and may replace the response headers and status line (Electron's {@code onHeadersReceived}).
     *
     * @param listener the listener
     * @return the subscription; {@code unsubscribe()} removes the listener
     */
    default Subscription onHeadersReceived(WebRequestListener<HeadersReceivedResponse> listener) {
        return onHeadersReceived(WebRequestFilter.all(), listener);
    }

    /**
     * Adds a listener that sees and may replace the response headers and status line of matching requests.
     *
     * @param filter which requests the listener sees
     * @param listener the listener
     * @return the subscription; {@code unsubscribe()} removes the listener
     */
    Subscription onHeadersReceived(WebRequestFilter filter, WebRequestListener<HeadersReceivedResponse> listener);

    /**
     * Adds an observer of the first byte of each response (Electron's {@code onResponseStarted}).
     *
     * @param listener the listener
     * @return the subscription; {@code unsubscribe()} removes the listener
     */
    default Subscription onResponseStarted(Consumer<WebRequestDetails> listener) {
        return onResponseStarted(WebRequestFilter.all(), listener);
    }

    /**
     * Adds an observer of the first byte of matching responses.
     *
     * @param filter which requests the listener sees
     * @param listener the listener
     * @return the subscription; {@code unsubscribe()} removes the listener
     */
    Subscription onResponseStarted(WebRequestFilter filter, Consumer<WebRequestDetails> listener);

    /**
     * Adds an observer of redirects (Electron's {@code onBeforeRedirect}).
     *
     * @param listener the listener
     * @return the subscription; {@code unsubscribe()} removes the listener
     */
    default Subscription onBeforeRedirect(Consumer<WebRequestDetails> listener) {
        return onBeforeRedirect(WebRequestFilter.all(), listener);
    }

    /**
     * Adds an observer of the redirects of matching requests.
     *
     * @param filter which requests the listener sees
     * @param listener the listener
     * @return the subscription; {@code unsubscribe()} removes the listener
     */
    Subscription onBeforeRedirect(WebRequestFilter filter, Consumer<WebRequestDetails> listener);

    /**
     * Adds an observer of completed requests (Electron's {@code onCompleted}).
     *
     * @param listener the listener
     * @return the subscription; {@code unsubscribe()} removes the listener
     */
    default Subscription onCompleted(Consumer<WebRequestDetails> listener) {
        return onCompleted(WebRequestFilter.all(), listener);
    }

    /**
     * Adds an observer of matching requests that completed.
     *
     * @param filter which requests the listener sees
     * @param listener the listener
     * @return the subscription; {@code unsubscribe()} removes the listener
     */
    Subscription onCompleted(WebRequestFilter filter, Consumer<WebRequestDetails> listener);

    /**
     * Adds an observer of failed and cancelled requests (Electron's {@code onErrorOccurred}).
     *
     * @param listener the listener
     * @return the subscription; {@code unsubscribe()} removes the listener
     */
    default Subscription onErrorOccurred(Consumer<WebRequestDetails> listener) {
        return onErrorOccurred(WebRequestFilter.all(), listener);
    }

    /**
     * Adds an observer of matching requests that failed or were cancelled.
     *
     * @param filter which requests the listener sees
     * @param listener the listener
     * @return the subscription; {@code unsubscribe()} removes the listener
     */
    Subscription onErrorOccurred(WebRequestFilter filter, Consumer<WebRequestDetails> listener);

    /** Removes every listener of every event. */
    void clear();
}
