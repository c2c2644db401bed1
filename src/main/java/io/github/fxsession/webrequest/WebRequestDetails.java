package io.github.fxsession.webrequest;

import io.github.fxsession.WebContents;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a listener learns about a request: Electron's {@code details} object, one record for every event.
 *
 * <p>Fields every event fills: {@code id}, {@code url}, {@code method}, {@code webContentsId},
 * {@code webContents}, {@code resourceType}, {@code referrer}, {@code timestamp}. The others depend on the
 * event, as in Electron, and are {@code null} (or {@code 0}/{@code false}) elsewhere:
 * <table>
 * <caption>Event fields</caption>
 * <tr><th>Event</th><th>Fields</th></tr>
 * <tr><td>onBeforeRequest</td><td>uploadData</td></tr>
 * <tr><td>onBeforeSendHeaders, onSendHeaders</td><td>requestHeaders</td></tr>
 * <tr><td>onHeadersReceived</td><td>requestHeaders, responseHeaders, statusLine, statusCode</td></tr>
 * <tr><td>onResponseStarted, onCompleted</td><td>responseHeaders, statusLine, statusCode, fromCache, ip</td></tr>
 * <tr><td>onBeforeRedirect</td><td>redirectURL, responseHeaders, statusLine, statusCode, fromCache, ip</td></tr>
 * <tr><td>onErrorOccurred</td><td>error, fromCache</td></tr>
 * </table>
 *
 * <p>The id is the same for every event of one request, redirect hops included. WebView does not say
 * which frame sent a subresource request, so Electron's {@code frame} is not offered: {@code resourceType}
 * tells main-frame and sub-frame documents apart. {@code fromCache} tells whether the partition's HTTP
 * cache answered (fresh, or after a 304 revalidation). {@code ip} is the address the request's connection
 * reached (the server, or the HTTP proxy), {@code null} for answers of the cache, handlers or listeners.
 *
 * <p>Threading: immutable, any thread.
 *
 * @param id a number unique to the request in this JVM
 * @param url the URL, as WebView asked for it
 * @param method the HTTP method
 * @param webContentsId the {@link WebContents#getId()} of the engine that sent it, {@code null} for engines never attached
 * @param webContents the engine that sent it, {@code null} for engines never attached
 * @param resourceType what it loads
 * @param referrer the {@code Referer} header, {@code ""} when none
 * @param timestamp when the event fired, in milliseconds since the epoch
 * @param uploadData the request body, {@code null} when there is none
 * @param requestHeaders the request headers as they will be sent
 * @param responseHeaders the response headers
 * @param statusLine the status line, such as {@code "HTTP/1.1 200 OK"}
 * @param statusCode the status code, {@code 0} before a response
 * @param fromCache whether the response came from a cache
 * @param ip the server's IP address, {@code null} when unknown (custom schemes, answers of listeners)
 * @param redirectURL where a redirect leads
 * @param error Chromium's error name, such as {@code "net::ERR_BLOCKED_BY_CLIENT"}
 * @since 0.2
 */
public record WebRequestDetails(long id, String url, String method, Integer webContentsId, WebContents webContents,
        ResourceType resourceType, String referrer, double timestamp, List<UploadData> uploadData,
        Map<String, String> requestHeaders, Map<String, List<String>> responseHeaders, String statusLine,
        int statusCode, boolean fromCache, String ip, String redirectURL, String error) {

    /** Checks the components and copies the maps and lists. */
    public WebRequestDetails {
        Objects.requireNonNull(url, "url == null");
        Objects.requireNonNull(method, "method == null");
        Objects.requireNonNull(resourceType, "resourceType == null");
        Objects.requireNonNull(referrer, "referrer == null");
    }
}
