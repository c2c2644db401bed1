package io.github.fxsession.protocol;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a protocol handler answers: Electron's {@code ProtocolResponse} (older register/intercept methods)
 * and the {@code Response} of {@code protocol.handle}, in one immutable type.
 *
 * <pre>{@code
 * ProtocolResponse.ofString("<h1>hi</h1>", "text/html");
 * ProtocolResponse.ofPath(Path.of("/srv/app/index.html"));
 * ProtocolResponse.builder().statusCode(302).header("Location", "app://bundle/next").build();
 * }</pre>
 *
 * <p>Exactly one of {@code data} (bytes or text), {@code stream}, {@code path}, {@code url} or
 * {@code error} may be set; none gives an empty body. Which ones a handler may use depends on how it
 * was registered: {@code registerFileProtocol} a path, {@code registerStringProtocol} text,
 * {@code registerBufferProtocol} bytes, {@code registerStreamProtocol} a stream,
 * {@code registerHttpProtocol} a URL; {@code handle} anything. Any of them may answer {@code error}.
 *
 * <p>Threading: immutable, any thread (a stream is read once, by the page's request).
 *
 * @since 0.2
 */
public final class ProtocolResponse {

    private final int statusCode;
    private final String statusText;
    private final Map<String, List<String>> headers;
    private final String mimeType;
    private final String charset;
    private final byte[] bytes;
    private final String text;
    private final InputStream stream;
    private final Path path;
    private final String url;
    private final String method;
    private final Integer error;

    private ProtocolResponse(Builder b) {
        this.statusCode = b.statusCode;
        this.statusText = b.statusText;
        Map<String, List<String>> copy = new LinkedHashMap<>();
        b.headers.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        this.headers = Collections.unmodifiableMap(copy);
        this.mimeType = b.mimeType;
        this.charset = b.charset;
        this.bytes = b.bytes;
        this.text = b.text;
        this.stream = b.stream;
        this.path = b.path;
        this.url = b.url;
        this.method = b.method;
        this.error = b.error;
    }

    /** A builder for a {@code 200} response with no body. */
    public static Builder builder() {
        return new Builder();
    }

    /** Text encoded as {@code UTF-8} (Electron's {@code registerStringProtocol} answer). */
    public static ProtocolResponse ofString(String data, String mimeType) {
        return builder().data(data).mimeType(mimeType).charset("utf-8").build();
    }

    /** Bytes (Electron's {@code registerBufferProtocol} answer). */
    public static ProtocolResponse ofBytes(byte[] data, String mimeType) {
        return builder().data(data).mimeType(mimeType).build();
    }

    /** A stream read once while the page reads the response (Electron's {@code registerStreamProtocol} answer). */
    public static ProtocolResponse ofStream(InputStream data, String mimeType) {
        return builder().stream(data).mimeType(mimeType).build();
    }

    /** A file; its type comes from its name (Electron's {@code registerFileProtocol} answer). */
    public static ProtocolResponse ofPath(Path path) {
        return builder().path(path).build();
    }

    /** The response of another URL, fetched through the partition (Electron's {@code registerHttpProtocol} answer). */
    public static ProtocolResponse ofUrl(String url) {
        return builder().url(url).build();
    }

    /** A failed load with Chromium's net error number, such as {@code -6} ({@code net::ERR_FILE_NOT_FOUND}). */
    public static ProtocolResponse ofError(int error) {
        return builder().error(error).build();
    }

    public int statusCode() {
        return statusCode;
    }

    /** The reason phrase, {@code null} for the standard one. */
    public String statusText() {
        return statusText;
    }

    public Map<String, List<String>> headers() {
        return headers;
    }

    public String mimeType() {
        return mimeType;
    }

    public String charset() {
        return charset;
    }

    /** The body as bytes when it was given as bytes or text ({@code charset}, else UTF-8), else {@code null}. */
    public byte[] data() {
        if (bytes != null) {
            return bytes.clone();
        }
        if (text != null) {
            java.nio.charset.Charset cs = charset == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(charset);
            return text.getBytes(cs);
        }
        return null;
    }

    /** Whether the body was given as text. */
    public boolean isText() {
        return text != null;
    }

    public InputStream stream() {
        return stream;
    }

    public Path path() {
        return path;
    }

    public String url() {
        return url;
    }

    /** The method for {@link #url()}, {@code null} for the request's own. */
    public String method() {
        return method;
    }

    /** Chromium's net error number, {@code null} for a response. */
    public Integer error() {
        return error;
    }

    @Override
    public String toString() {
        return "ProtocolResponse[" + (error != null ? "error " + error : statusCode
                + (path != null ? " path " + path : url != null ? " url " + url : "")) + "]";
    }

    /**
     * Builds a {@link ProtocolResponse}; {@link #build()} checks it.
     *
     * <p>Threading: one thread at a time.
     */
    public static final class Builder {
        private int statusCode = 200;
        private String statusText;
        private final Map<String, List<String>> headers = new LinkedHashMap<>();
        private String mimeType;
        private String charset;
        private byte[] bytes;
        private String text;
        private InputStream stream;
        private Path path;
        private String url;
        private String method;
        private Integer error;

        private Builder() {
        }

        public Builder statusCode(int code) {
            this.statusCode = code;
            return this;
        }

        public Builder statusText(String text) {
            this.statusText = text;
            return this;
        }

        /** Adds a header value (a name may have several). */
        public Builder header(String name, String value) {
            Objects.requireNonNull(name, "name == null");
            Objects.requireNonNull(value, "value == null");
            headers.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            return this;
        }

        public Builder mimeType(String type) {
            this.mimeType = type;
            return this;
        }

        public Builder charset(String name) {
            this.charset = name;
            return this;
        }

        public Builder data(byte[] data) {
            this.bytes = Objects.requireNonNull(data, "data == null").clone();
            return this;
        }

        public Builder data(String data) {
            this.text = Objects.requireNonNull(data, "data == null");
            return this;
        }

        public Builder stream(InputStream data) {
            this.stream = Objects.requireNonNull(data, "data == null");
            return this;
        }

        public Builder path(Path file) {
            this.path = Objects.requireNonNull(file, "file == null");
            return this;
        }

        public Builder url(String target) {
            this.url = Objects.requireNonNull(target, "target == null");
            return this;
        }

        public Builder method(String name) {
            this.method = name;
            return this;
        }

        public Builder error(int netError) {
            if (netError >= 0) {
                throw new IllegalArgumentException("error must be a negative net error number: " + netError);
            }
            this.error = netError;
            return this;
        }

        /**
         * The response.
         *
         * @throws IllegalArgumentException for a status code outside 100..599, a charset Java does not know
         * @throws IllegalStateException when more than one body (data, stream, path, url, error) is set
         */
        public ProtocolResponse build() {
            if (statusCode < 100 || statusCode > 599) {
                throw new IllegalArgumentException("statusCode must be within 100..599: " + statusCode);
            }
            if (charset != null && !java.nio.charset.Charset.isSupported(charset)) {
                throw new IllegalArgumentException("unknown charset: '" + charset + "'");
            }
            int bodies = (bytes != null ? 1 : 0) + (text != null ? 1 : 0) + (stream != null ? 1 : 0)
                    + (path != null ? 1 : 0) + (url != null ? 1 : 0) + (error != null ? 1 : 0);
            if (bodies > 1) {
                throw new IllegalStateException("a ProtocolResponse has one body: data, stream, path, url or error");
            }
            return new ProtocolResponse(this);
        }
    }
}
