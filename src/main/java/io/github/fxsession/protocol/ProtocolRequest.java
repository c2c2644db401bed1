package io.github.fxsession.protocol;

import io.github.fxsession.webrequest.UploadData;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A request a protocol handler answers (Electron's {@code ProtocolRequest}, and the {@code Request} of
 * {@code protocol.handle}).
 *
 * <p>The URL of a custom scheme is normalised as Electron does for standard schemes: {@code app://foo}
 * and {@code app:///foo} both arrive as {@code app://foo/}.
 *
 * <p>Threading: immutable, any thread.
 *
 * @param url the URL
 * @param method the HTTP method
 * @param headers the request headers
 * @param referrer the {@code Referer}, {@code ""} when none
 * @param bodyBytes the request body, empty when there is none
 * @since 0.2
 */
public record ProtocolRequest(String url, String method, Map<String, String> headers, String referrer, byte[] bodyBytes) {

    /** Checks the components and copies the headers and the body. */
    public ProtocolRequest {
        Objects.requireNonNull(url, "url == null");
        Objects.requireNonNull(method, "method == null");
        headers = Map.copyOf(Objects.requireNonNull(headers, "headers == null"));
        Objects.requireNonNull(referrer, "referrer == null");
        Objects.requireNonNull(bodyBytes, "bodyBytes == null");
    }

    /**
     * The request body as a stream, empty when there is none.
     *
     * @return a new stream over the body
     */
    public InputStream body() {
        return new ByteArrayInputStream(bodyBytes);
    }

    /**
     * The request body as Electron's {@code uploadData}, {@code null} when there is none.
     *
     * @return the body's parts, or {@code null}
     */
    public List<UploadData> uploadData() {
        return bodyBytes.length == 0 ? null : List.of(UploadData.of(bodyBytes));
    }

    /**
     * The value of header {@code name} (any case), or {@code null}.
     *
     * @param name the header's name
     * @return the value, or {@code null}
     */
    public String header(String name) {
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }
}
