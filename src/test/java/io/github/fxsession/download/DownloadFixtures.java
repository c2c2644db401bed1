package io.github.fxsession.download;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okio.Buffer;

/** Test data and file checks for download tests. */
final class DownloadFixtures {

    private DownloadFixtures() {
    }

    /** {@code size} pseudo-random bytes from {@code seed}. */
    static byte[] bytes(int size, long seed) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    static String sha256(Path file) {
        try {
            return sha256(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names in {@code folder}, sorted. */
    static List<String> list(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A file response for {@code request} with {@code ETag} {@code tag}: {@code 206} with the rest of the
     * file when the request has {@code Range: bytes=N-} and, if it has {@code If-Range}, the same tag, and
     * {@code honourRange}; else {@code 200} with everything. {@code bytesPerTenthSecond > 0} throttles.
     */
    static MockResponse file(RecordedRequest request, byte[] data, String tag, boolean honourRange,
            long bytesPerTenthSecond) {
        String range = request.getHeaders().get("Range");
        String ifRange = request.getHeaders().get("If-Range");
        int from = 0;
        if (honourRange && range != null && range.startsWith("bytes=") && range.endsWith("-")
                && (ifRange == null || ifRange.equals(tag))) {
            from = Integer.parseInt(range.substring(6, range.length() - 1));
        }
        MockResponse.Builder builder = new MockResponse.Builder()
                .setHeader("Content-Type", "application/octet-stream")
                .setHeader("ETag", tag)
                .setHeader("Accept-Ranges", "bytes")
                .setHeader("Cache-Control", "no-store")
                .body(new Buffer().write(data, from, data.length - from));
        if (from > 0) {
            builder.code(206).setHeader("Content-Range", "bytes " + from + "-" + (data.length - 1) + "/" + data.length);
        }
        if (bytesPerTenthSecond > 0) {
            builder.throttleBody(bytesPerTenthSecond, 100, TimeUnit.MILLISECONDS);
        }
        return builder.build();
    }
}
