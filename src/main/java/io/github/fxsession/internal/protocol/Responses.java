package io.github.fxsession.internal.protocol;

import io.github.fxsession.internal.net.Interceptor;
import io.github.fxsession.internal.net.NetErrorException;
import io.github.fxsession.internal.net.NetRequest;
import io.github.fxsession.internal.net.NetResponse;
import io.github.fxsession.protocol.ProtocolResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.Headers;

/** Turns a handler's {@link ProtocolResponse} into the chain's response, checking it fits the handler's kind. */
final class Responses {

    private static final Map<Integer, String> REASONS = Map.ofEntries(
            Map.entry(200, "OK"), Map.entry(201, "Created"), Map.entry(204, "No Content"),
            Map.entry(206, "Partial Content"), Map.entry(301, "Moved Permanently"), Map.entry(302, "Found"),
            Map.entry(303, "See Other"), Map.entry(304, "Not Modified"), Map.entry(307, "Temporary Redirect"),
            Map.entry(308, "Permanent Redirect"), Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"),
            Map.entry(403, "Forbidden"), Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"),
            Map.entry(500, "Internal Server Error"), Map.entry(503, "Service Unavailable"));
    private static final Map<Integer, String> NET_ERRORS = Map.of(
            -2, "net::ERR_FAILED", -3, "net::ERR_ABORTED", -6, "net::ERR_FILE_NOT_FOUND",
            -10, "net::ERR_ACCESS_DENIED", -20, "net::ERR_BLOCKED_BY_CLIENT", -105, "net::ERR_NAME_NOT_RESOLVED",
            -300, "net::ERR_INVALID_URL", -301, "net::ERR_DISALLOWED_URL_SCHEME", -302, "net::ERR_UNKNOWN_URL_SCHEME");
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html"), Map.entry("htm", "text/html"), Map.entry("js", "text/javascript"),
            Map.entry("mjs", "text/javascript"), Map.entry("css", "text/css"), Map.entry("json", "application/json"),
            Map.entry("txt", "text/plain"), Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"), Map.entry("gif", "image/gif"), Map.entry("svg", "image/svg+xml"),
            Map.entry("webp", "image/webp"), Map.entry("ico", "image/x-icon"), Map.entry("wasm", "application/wasm"),
            Map.entry("woff", "font/woff"), Map.entry("woff2", "font/woff2"), Map.entry("xml", "application/xml"),
            Map.entry("mp4", "video/mp4"), Map.entry("mp3", "audio/mpeg"), Map.entry("pdf", "application/pdf"));

    private Responses() {
    }

    static NetResponse toNet(ProtocolResponse r, ProtocolImpl.Kind kind, String who, Interceptor.Chain chain,
            NetRequest request) throws IOException {
        if (r.error() != null) {
            String name = NET_ERRORS.getOrDefault(r.error(), "net::ERR_FAILED");
            throw new NetErrorException(name, who + " answered error " + r.error() + " for " + request.url());
        }
        String problem = switch (kind) {
            case FILE -> r.path() == null ? "a file protocol answers a path" : null;
            case STRING -> !r.isText() ? "a string protocol answers text" : null;
            case BUFFER -> r.data() == null || r.isText() ? "a buffer protocol answers bytes" : null;
            case STREAM -> r.stream() == null ? "a stream protocol answers a stream" : null;
            case HTTP -> r.url() == null ? "an http protocol answers a url" : null;
            case HANDLE -> null;
        };
        if (problem != null) {
            throw new NetErrorException("net::ERR_FAILED", who + " answered " + r + " for " + request.url()
                    + ", but " + problem);
        }
        if (r.url() != null) {
            String method = r.method() == null ? request.method() : r.method().toUpperCase(Locale.ROOT);
            if (!r.url().matches("(?i)https?://.+")) {
                throw new NetErrorException("net::ERR_INVALID_URL", who + " answered a url that is not http(s): '" + r.url() + "'");
            }
            return chain.proceed(new NetRequest(r.url(), method, request.headers(), request.body(), request.context()));
        }
        Headers.Builder headers = new Headers.Builder();
        for (Map.Entry<String, List<String>> header : r.headers().entrySet()) {
            // WebKit keeps one value per name (the last): repeated fields are combined as RFC 9110 allows,
            // except Set-Cookie, which the cookie link reads line by line.
            List<String> values = header.getKey().equalsIgnoreCase("Set-Cookie") || header.getValue().size() < 2
                    ? header.getValue() : List.of(String.join(", ", header.getValue()));
            for (String value : values) {
                try {
                    headers.addUnsafeNonAscii(header.getKey(), value);
                } catch (IllegalArgumentException e) {
                    throw new NetErrorException("net::ERR_INVALID_HTTP_RESPONSE", who + " answered a header that cannot be sent: '"
                            + header.getKey() + "'", e);
                }
            }
        }
        String mimeType = r.mimeType();
        InputStream body;
        long length = -1;
        if (r.path() != null) {
            Path path = r.path();
            if (!Files.isRegularFile(path)) {
                throw new NetErrorException("net::ERR_FILE_NOT_FOUND", who + " answered a missing file: " + path);
            }
            if (mimeType == null && headers.get("Content-Type") == null) {
                mimeType = typeOf(path);
            }
            length = Files.size(path);
            body = Files.newInputStream(path);
        } else if (r.stream() != null) {
            body = r.stream();
        } else {
            byte[] data = r.data();
            if (data == null) {
                data = new byte[0];
            }
            if (mimeType == null && headers.get("Content-Type") == null && kind != ProtocolImpl.Kind.HANDLE) {
                mimeType = "text/html";
            }
            length = data.length;
            body = new ByteArrayInputStream(data);
        }
        if (mimeType != null) {
            headers.set("Content-Type", r.charset() == null ? mimeType : mimeType + "; charset=" + r.charset());
        }
        if (length >= 0 && headers.get("Content-Length") == null) {
            headers.set("Content-Length", Long.toString(length));
        }
        String message = r.statusText() != null ? r.statusText() : REASONS.getOrDefault(r.statusCode(), "");
        return new NetResponse(r.statusCode(), message, headers.build(), body);
    }

    static String typeOf(Path path) throws IOException {
        String name = path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String type = dot < 0 ? null : TYPES.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
        if (type == null) {
            type = Files.probeContentType(path);
        }
        return type == null ? "application/octet-stream" : type;
    }
}
