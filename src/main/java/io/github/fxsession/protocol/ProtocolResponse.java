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

    /**
     * A builder for a {@code 200} response with no body.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Text encoded as {@code UTF-8} (Electron's {@code registerStringProtocol} answer).
     *
     * @param data the text
     * @param mimeType the type, such as {@code "text/html"}
     * @return the response
     */
    public static ProtocolResponse ofString(String data, String mimeType) {
        return builder().data(data).mimeType(mimeType).charset("utf-8").build();
    }

    /**
     * Bytes (Electron's {@code registerBufferProtocol} answer).
     *
     * @param data the body (copied)
     * @param mimeType the type, such as {@code "image/png"}
     * @return the response
     */
    public static ProtocolResponse ofBytes(byte[] data, String mimeType) {
        return builder().data(data).mimeType(mimeType).build();
    }

    /**
     * A stream read once while the page reads the response (Electron's {@code registerStreamProtocol} answer).
     *
     * @param data the body
     * @param mimeType the type
     * @return the response
     */
    public static ProtocolResponse ofStream(InputStream data, String mimeType) {
        return builder().stream(data).mimeType(mimeType).build();
    }

    /**
     * A file; its type comes from its name (Electron's {@code registerFileProtocol} answer).
     *
     * @param path the file
     * @return the response
     */
    public static ProtocolResponse ofPath(Path path) {
        return builder().path(path).build();
    }

    /**
     * The response of another URL, fetched through the partition (Electron's {@code registerHttpProtocol} answer).
     *
     * @param url the absolute URL to fetch
     * @return the response
     */
    public static ProtocolResponse ofUrl(String url) {
        return builder().url(url).build();
    }

    /**
     * A failed load with Chromium's net error number, such as {@code -6} ({@code net::ERR_FILE_NOT_FOUND}).
     *
     * @param error a negative net error number
     * @return the response
     */
    public static ProtocolResponse ofError(int error) {
        return builder().error(error).build();
    }

    /** {@return the HTTP status code, {@code 200} by default} */
    public int statusCode() {
        return statusCode;
    }

    /**
     * The reason phrase, {@code null} for the standard one.
     *
     * @return the reason phrase, or {@code null}
     */
    public String statusText() {
        return statusText;
    }

    /** {@return the response headers, each name with its values} */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** {@return the MIME type, or {@code null}} */
    public String mimeType() {
        return mimeType;
    }

    /** {@return the charset of a text body, or {@code null}} */
    public String charset() {
        return charset;
    }

    /**
     * The body as bytes when it was given as bytes or text ({@code charset}, else UTF-8), else {@code null}.
     *
     * @return a copy of the body, or {@code null}
     */
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

    /**
     * Whether the body was given as text.
     *
     * @return whether the body is text
     */
    public boolean isText() {
        return text != null;
    }

    /** {@return the body as a stream when it was given as one, else {@code null}} */
    public InputStream stream() {
        return stream;
    }

    /** {@return the file to serve, or {@code null}} */
    public Path path() {
        return path;
    }

    /** {@return the URL to fetch instead, or {@code null}} */
    public String url() {
        return url;
    }

    /**
     * The method for {@link #url()}, {@code null} for the request's own.
     *
     * @return the method, or {@code null}
     */
    public String method() {
        return method;
    }

    /**
     * Chromium's net error number, {@code null} for a response.
     *
     * @return the error number, or {@code null}
     */
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

        /**
         * Sets the status code (Electron's {@code statusCode}).
         *
         * @param code 100..599
         * @return this builder
         */
        public Builder statusCode(int code) {
            this.statusCode = code;
            return this;
        }

        /**
         * Sets the reason phrase.
         *
         * @param text the phrase, {@code null} for the standard one
         * @return this builder
         */
        public Builder statusText(String text) {
            this.statusText = text;
            return this;
        }

        /**
         * Adds a header value (a name may have several).
         *
         * @param name the header's name
         * @param value one value
         * @return this builder
         */
        public Builder header(String name, String value) {
            Objects.requireNonNull(name, "name == null");
            Objects.requireNonNull(value, "value == null");
            headers.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            return this;
        }

        /**
         * Sets the MIME type (Electron's {@code mimeType}).
         *
         * @param type such as {@code "text/html"}
         * @return this builder
         */
        public Builder mimeType(String type) {
            this.mimeType = type;
            return this;
        }

        /**
         * Sets the charset of a text body (Electron's {@code charset}).
         *
         * @param name a charset Java knows
         * @return this builder
         */
        public Builder charset(String name) {
            this.charset = name;
            return this;
        }

        /**
         * Sets the body as bytes (Electron's {@code data} as a Buffer).
         *
         * @param data the body (copied)
         * @return this builder
         */
        public Builder data(byte[] data) {
            this.bytes = Objects.requireNonNull(data, "data == null").clone();
            return this;
        }

        /**
         * Sets the body as text (Electron's {@code data} as a string).
         *
         * @param data the body
         * @return this builder
         */
        public Builder data(String data) {
            this.text = Objects.requireNonNull(data, "data == null");
            return this;
        }

        /**
         * Sets the body as a stream, read once (Electron's {@code data} as a stream).
         *
         * @param data the body
         * @return this builder
         */
        public Builder stream(InputStream data) {
            this.stream = Objects.requireNonNull(data, "data == null");
            return this;
        }

        /**
         * Serves a file (Electron's {@code path}).
         *
         * @param file the file
         * @return this builder
         */
        public Builder path(Path file) {
            this.path = Objects.requireNonNull(file, "file == null");
            return this;
        }

        /**
         * Fetches another URL through the partition instead (Electron's {@code url}).
         *
         * @param target the absolute URL
         * @return this builder
         */
        public Builder url(String target) {
            this.url = Objects.requireNonNull(target, "target == null");
            return this;
        }

        /**
         * Sets the method used for {@link #url(String)} (Electron's {@code method}).
         *
         * @param name the method, {@code null} for the request's own
         * @return this builder
         */
        public Builder method(String name) {
            this.method = name;
            return this;
        }

        /**
         * Fails the load (Electron's {@code error}).
         *
         * @param netError a negative net error number, such as {@code -6}
         * @return this builder
         * @throws IllegalArgumentException if {@code netError} is not negative
         */
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
         * @return the response
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
