package io.github.fxsession.internal.blob;

import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The blobs the pages of one partition turned into {@code blob:} URLs, by the URL's UUID: what
 * {@code ses.getBlobData(identifier)} answers. The page side ({@code bridge-modules/blobs.js}) hands
 * each blob over in base64 chunks right after {@code URL.createObjectURL}; {@code URL.revokeObjectURL}
 * removes it.
 *
 * <p>Threading: any thread; pages write on the FX Application Thread.
 */
public final class BlobStore {

    /** The largest blob copied to the session; larger ones are announced but their data is not kept. */
    public static final long MAX_BLOB_BYTES = 64L << 20;

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final Map<String, Entry> blobs = new ConcurrentHashMap<>();

    /** The bytes of blob {@code identifier}, once the page has handed them all over. */
    public CompletableFuture<byte[]> get(String identifier) {
        Objects.requireNonNull(identifier, "identifier == null");
        if (!UUID.matcher(identifier).matches()) {
            throw new IllegalArgumentException("identifier must be a UUID: '" + identifier + "'");
        }
        Entry entry = blobs.get(identifier.toLowerCase(Locale.ROOT));
        if (entry == null) {
            return CompletableFuture.failedFuture(new IllegalStateException(
                    "no blob with identifier '" + identifier + "' in this session"));
        }
        return entry.done.copy();
    }

    /** A page created blob {@code id} of {@code size} bytes; answers whether its data will follow. */
    boolean begin(String id, long size) {
        requireId(id);
        if (size < 0) {
            throw new IllegalArgumentException("blob size must not be negative: " + size);
        }
        Entry entry = new Entry(size);
        Entry previous = blobs.put(id, entry);
        if (previous != null) {
            previous.done.completeExceptionally(new IllegalStateException("blob '" + id + "' was replaced"));
        }
        if (size > MAX_BLOB_BYTES) {
            entry.done.completeExceptionally(new IllegalStateException("blob '" + id + "' has " + size
                    + " bytes, more than the " + MAX_BLOB_BYTES + " bytes getBlobData copies"));
            return false;
        }
        if (size == 0) {
            entry.done.complete(new byte[0]);
        }
        return true;
    }

    /** The next chunk of blob {@code id}, starting at {@code offset}. */
    void put(String id, long offset, String base64) {
        Entry entry = blobs.get(requireId(id));
        if (entry == null || entry.done.isDone()) {
            throw new IllegalArgumentException("no blob '" + id + "' waiting for data");
        }
        byte[] chunk;
        try {
            chunk = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            entry.done.completeExceptionally(new IllegalStateException("blob '" + id + "': malformed chunk"));
            throw new IllegalArgumentException("malformed blob chunk: " + e.getMessage());
        }
        synchronized (entry) {
            if (offset != entry.received || entry.received + chunk.length > entry.data.length) {
                entry.done.completeExceptionally(new IllegalStateException(
                        "blob '" + id + "': chunk at " + offset + " does not follow the " + entry.received + " bytes received"));
                throw new IllegalArgumentException("blob chunk out of order: " + offset);
            }
            System.arraycopy(chunk, 0, entry.data, (int) entry.received, chunk.length);
            entry.received += chunk.length;
            if (entry.received == entry.data.length) {
                entry.done.complete(entry.data);
            }
        }
    }

    /** The page could not read blob {@code id}. */
    void fail(String id, String error) {
        Entry entry = blobs.get(requireId(id));
        if (entry != null) {
            entry.done.completeExceptionally(new IllegalStateException("the page could not read blob '" + id + "': " + error));
        }
    }

    /** A page revoked blob {@code id}'s URL. */
    void revoke(String id) {
        Entry entry = blobs.remove(requireId(id));
        if (entry != null) {
            entry.done.completeExceptionally(new IllegalStateException("blob '" + id + "' was revoked"));
        }
    }

    private static String requireId(String id) {
        if (id == null || !UUID.matcher(id).matches()) {
            throw new IllegalArgumentException("blob id must be a UUID: '" + id + "'");
        }
        return id.toLowerCase(Locale.ROOT);
    }

    private static final class Entry {
        final byte[] data;
        long received;
        final CompletableFuture<byte[]> done = new CompletableFuture<>();

        Entry(long size) {
            this.data = new byte[(int) Math.min(size, MAX_BLOB_BYTES)];
        }
    }
}
