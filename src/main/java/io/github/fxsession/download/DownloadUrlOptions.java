package io.github.fxsession.download;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Options of {@code Session.downloadURL(url, options)}: extra request headers.
 *
 * <pre>{@code
 * session.downloadURL("https://example.com/report.pdf",
 *         new DownloadUrlOptions(Map.of("Authorization", "Bearer " + token)));
 * }</pre>
 *
 * <p>Electron: the {@code options} of {@code ses.downloadURL(url[, options])} ({@code headers}).
 *
 * <p>Threading: any thread (immutable).
 *
 * @param headers request headers sent with the download's first request, in iteration order; names are
 *     HTTP tokens, values have no control characters other than tab
 * @since 0.2
 */
public record DownloadUrlOptions(Map<String, String> headers) {

    /**
     * Checks and copies the headers.
     *
     * @throws NullPointerException if {@code headers}, a name or a value is null
     * @throws IllegalArgumentException naming the header when a name or value is not valid in HTTP
     */
    public DownloadUrlOptions {
        Objects.requireNonNull(headers, "headers == null");
        Map<String, String> copy = new LinkedHashMap<>();
        for (Map.Entry<String, String> header : headers.entrySet()) {
            String name = Objects.requireNonNull(header.getKey(), "headers has a null name");
            String value = Objects.requireNonNull(header.getValue(), "headers['" + name + "'] == null");
            if (name.isEmpty() || !name.chars().allMatch(DownloadUrlOptions::isTokenChar)) {
                throw new IllegalArgumentException("headers has an invalid header name: '" + name + "'");
            }
            if (!value.chars().allMatch(c -> c == '\t' || (c >= 0x20 && c != 0x7f && c <= 0xff))) {
                throw new IllegalArgumentException("headers['" + name + "'] has an invalid value: '" + value + "'");
            }
            copy.put(name, value);
        }
        headers = java.util.Collections.unmodifiableMap(copy);
    }

    /**
     * No extra headers.
     *
     * @return options without extra headers
     */
    public static DownloadUrlOptions none() {
        return new DownloadUrlOptions(Map.of());
    }

    private static boolean isTokenChar(int c) {
        return c > 0x20 && c < 0x7f && "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0;
    }
}
