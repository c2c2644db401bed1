package io.github.fxsession.webrequest;

import java.util.Objects;

/**
 * One part of a request body (Electron's {@code UploadData}). WebView hands the library a request body
 * as bytes, so {@code file} and {@code blobUUID} are always {@code null}.
 *
 * <p>Threading: immutable, any thread (the array is a copy; do not change it).
 *
 * @param bytes the content
 * @param file the path of an uploaded file, {@code null} here
 * @param blobUUID the UUID of a blob, {@code null} here
 * @since 0.2
 */
public record UploadData(byte[] bytes, String file, String blobUUID) {

    /** Checks the components. */
    public UploadData {
        Objects.requireNonNull(bytes, "bytes == null");
    }

    /**
     * A part holding {@code bytes}.
     *
     * @param bytes the content
     * @return the part
     */
    public static UploadData of(byte[] bytes) {
        return new UploadData(bytes.clone(), null, null);
    }
}
