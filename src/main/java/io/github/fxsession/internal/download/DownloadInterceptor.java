package io.github.fxsession.internal.download;

import io.github.fxsession.internal.net.Interceptor;
import io.github.fxsession.internal.net.NetRequest;
import io.github.fxsession.internal.net.NetResponse;
import io.github.fxsession.internal.net.RequestContext;
import io.github.fxsession.internal.net.Urls;
import io.github.fxsession.internal.session.EngineBinding;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import okhttp3.Headers;

/**
 * Download take-over (stage {@code DOCUMENT}, after the page bridge): a frame or main-frame navigation
 * of an attached engine whose response is {@code Content-Disposition: attachment}, or a type WebView
 * cannot show, becomes a download of that same response stream, and WebKit gets {@code 204 No Content},
 * which leaves the page where it was. Redirects of navigations are remembered so that the item's URL
 * chain lists every hop.
 *
 * <p>Threading: loader threads; thread-safe.
 */
public final class DownloadInterceptor implements Interceptor {

    /** Text types WebKit does not show but downloads (WebKit's {@code MIMETypeRegistry}). */
    private static final Set<String> UNSUPPORTED_TEXT = Set.of("text/calendar", "text/x-calendar",
            "text/x-vcalendar", "text/vcalendar", "text/vcard", "text/x-vcard", "text/directory", "text/ldif",
            "text/qif", "text/x-qif", "text/x-csv", "text/x-vcf", "text/rtf");
    /** Image types WebView decodes and shows as a document. */
    private static final Set<String> IMAGES = Set.of("image/png", "image/x-png", "image/jpeg", "image/jpg",
            "image/pjpeg", "image/gif", "image/bmp", "image/x-bmp", "image/svg+xml", "image/x-icon",
            "image/vnd.microsoft.icon", "image/webp");
    /** Other types WebView shows: markup and script as text. */
    private static final Set<String> DOCUMENTS = Set.of("application/xml", "application/xhtml+xml",
            "application/json", "application/javascript", "application/x-javascript", "application/ecmascript");
    private static final int REMEMBERED_REDIRECTS = 16;

    private final DownloadManager manager;
    /** Per engine: the URL a navigation redirected to -> the chain that led there. */
    private final Map<EngineBinding, Map<String, List<String>>> redirects = new WeakHashMap<>();

    public DownloadInterceptor(DownloadManager manager) {
        this.manager = manager;
    }

    @Override
    public NetResponse intercept(Chain chain) throws IOException {
        NetRequest request = chain.request();
        RequestContext context = request.context();
        EngineBinding binding = context.binding();
        if (binding == null || !context.resourceType().isDocument() || request.method().equals("HEAD")) {
            return chain.proceed(request);
        }
        NetResponse response = chain.proceed(request);
        int code = response.code();
        if (code >= 300 && code < 400 && response.header("Location") != null) {
            rememberRedirect(binding, request.url(), Urls.resolve(request.url(), response.header("Location")));
            return response;
        }
        List<String> urlChain = chainTo(binding, request.url());
        if (code < 200 || code >= 300 || code == 204 || code == 205 || response.body() == null
                || !isDownload(response.header("Content-Disposition"), response.header("Content-Type"))) {
            return response;
        }
        manager.takeOver(urlChain, response, binding);
        return new NetResponse(204, "No Content", new Headers.Builder().add("Cache-Control", "no-store").build(), null);
    }

    /** Whether a navigation response is a download rather than a document for WebView. */
    static boolean isDownload(String contentDisposition, String contentType) {
        if (FileNames.isAttachment(contentDisposition)) {
            return true;
        }
        String mime = FileNames.mimeType(contentType);
        if (mime.isEmpty()) {
            return false;
        }
        if (mime.startsWith("text/")) {
            return UNSUPPORTED_TEXT.contains(mime);
        }
        return !IMAGES.contains(mime) && !DOCUMENTS.contains(mime) && !mime.endsWith("+xml")
                && !mime.equals("multipart/x-mixed-replace");
    }

    private void rememberRedirect(EngineBinding binding, String from, String to) {
        synchronized (redirects) {
            Map<String, List<String>> pending = redirects.computeIfAbsent(binding, b -> new LinkedHashMap<>() {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, List<String>> eldest) {
                    return size() > REMEMBERED_REDIRECTS;
                }
            });
            List<String> chain = new ArrayList<>(pending.getOrDefault(from, List.of(from)));
            pending.remove(from);
            chain.add(to);
            pending.put(to, chain);
        }
    }

    private List<String> chainTo(EngineBinding binding, String url) {
        synchronized (redirects) {
            Map<String, List<String>> pending = redirects.get(binding);
            List<String> chain = pending == null ? null : pending.remove(url);
            return chain != null ? chain : List.of(url);
        }
    }

    @Override
    public String toString() {
        return "DownloadInterceptor";
    }
}
