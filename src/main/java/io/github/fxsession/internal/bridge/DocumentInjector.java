package io.github.fxsession.internal.bridge;

import io.github.fxsession.internal.net.FrameTracker;
import io.github.fxsession.internal.net.Interceptor;
import io.github.fxsession.internal.net.NetRequest;
import io.github.fxsession.internal.net.NetResponse;
import io.github.fxsession.internal.net.RequestContext;
import io.github.fxsession.internal.session.EngineBinding;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Headers;

/**
 * Inserts the page bridge into every HTML document an attached engine loads, main frame and frames,
 * and lets it through the document's Content-Security-Policy by its hash.
 */
public final class DocumentInjector implements Interceptor {

    /** WebKit looks for a {@code <meta charset>} in the first 1024 bytes; we read as much before inserting. */
    static final int PRESCAN = 1024;
    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta[^>]+charset\\s*=\\s*[\"']?([A-Za-z0-9_.:-]+)", Pattern.CASE_INSENSITIVE);

    @Override
    public NetResponse intercept(Chain chain) throws IOException {
        NetRequest request = chain.request();
        NetResponse response = chain.proceed(request);
        RequestContext context = request.context();
        EngineBinding binding = context.binding();
        if (binding == null || !context.resourceType().isDocument()) {
            return response;
        }
        int code = response.code();
        // 204/205 never replace the document (a download taken over answers 204: the page stays)
        if (code >= 200 && code < 300 && code != 204 && code != 205) {
            boolean mainFrame = context.resourceType() == io.github.fxsession.internal.net.ResourceType.MAIN_FRAME;
            FrameTracker.documentServed(binding, request.url(), mainFrame);
            if (mainFrame) {
                binding.setTopDocumentUrl(request.url());
            }
        }
        if (response.body() == null || request.method().equals("HEAD") || code == 204 || code == 304
                || (code >= 300 && code < 400)) {
            return response;
        }
        String contentType = response.header("Content-Type");
        if (contentType != null && !contentType.toLowerCase(Locale.ROOT).startsWith("text/html")) {
            return response;
        }
        InputStream body = response.body();
        byte[] prefix = body.readNBytes(PRESCAN);
        if (contentType == null && !looksLikeHtml(prefix)) {
            return response.withBody(new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(prefix), body));
        }
        if (prefix.length >= 2 && ((prefix[0] == (byte) 0xfe && prefix[1] == (byte) 0xff)
                || (prefix[0] == (byte) 0xff && prefix[1] == (byte) 0xfe))) {
            // UTF-16: an ASCII script cannot be inserted; the bridge arrives with the document instead.
            return response.withBody(new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(prefix), body));
        }
        Headers.Builder headers = response.headers().newBuilder().removeAll("Content-Length");
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).contains("charset=")) {
            String charset = declaredCharset(prefix);
            if (charset != null) {
                headers.set("Content-Type", (contentType == null ? "text/html" : contentType) + "; charset=" + charset);
            }
        }
        List<String> policies = response.headers().values("Content-Security-Policy");
        if (!policies.isEmpty()) {
            headers.removeAll("Content-Security-Policy");
            for (String policy : policies) {
                String allowed = Csp.allowScriptHash(policy, BridgeScript.CSP_HASH);
                for (String preload : binding.session().preloads().cspHashes()) {
                    allowed = Csp.allowScriptHash(allowed, preload);
                }
                for (String contentScript : binding.session().extensions().cspHashes(request.url())) {
                    allowed = Csp.allowScriptHash(allowed, contentScript);
                }
                headers.add("Content-Security-Policy", allowed);
            }
        }
        String token = binding.registerDocument(request.url());
        InputStream injected = new HtmlDocumentStream(prefix, body, binding, request.url(),
                BridgeScript.elementBytes(token));
        return new NetResponse(code, response.message(), headers.build(), injected);
    }

    private static boolean looksLikeHtml(byte[] prefix) {
        String head = new String(prefix, StandardCharsets.ISO_8859_1).trim().toLowerCase(Locale.ROOT);
        return head.startsWith("<!doctype html") || head.startsWith("<html") || head.startsWith("<head")
                || head.startsWith("<!--");
    }

    private static String declaredCharset(byte[] prefix) {
        if (prefix.length >= 3 && prefix[0] == (byte) 0xef && prefix[1] == (byte) 0xbb && prefix[2] == (byte) 0xbf) {
            return "utf-8";
        }
        Matcher meta = META_CHARSET.matcher(new String(prefix, StandardCharsets.ISO_8859_1));
        return meta.find() ? meta.group(1) : null;
    }

    @Override
    public String toString() {
        return "DocumentInjector";
    }
}
