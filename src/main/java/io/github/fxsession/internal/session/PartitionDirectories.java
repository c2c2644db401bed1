package io.github.fxsession.internal.session;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;

/**
 * Maps partition names to directory names that cannot escape their parent and never collide.
 *
 * <p>Every character outside {@code [a-z0-9_-]} is percent-encoded as UTF-8 (upper case letters too,
 * so that case-insensitive file systems cannot merge {@code A} and {@code a}); the mapping is therefore
 * injective and the result contains no separator, no dot and no NUL. Names whose encoding is longer
 * than {@value #MAX_LENGTH} characters keep a prefix and end with the SHA-256 of the whole name.
 */
public final class PartitionDirectories {

    static final int MAX_LENGTH = 96;
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    private static final Set<String> WINDOWS_DEVICES = Set.of("con", "prn", "aux", "nul",
            "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
            "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9");

    private PartitionDirectories() {
    }

    /** The directory name for partition {@code name} (without its {@code persist:} prefix). */
    public static String directoryName(String name) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes(name)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-') {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        String encoded = out.toString();
        if (WINDOWS_DEVICES.contains(encoded.toLowerCase(Locale.ROOT))) {
            encoded = String.format("%%%02X", (int) encoded.charAt(0)) + encoded.substring(1);
        }
        if (encoded.length() > MAX_LENGTH) {
            encoded = encoded.substring(0, MAX_LENGTH - 65).replaceAll("%[0-9A-F]?$", "") + "~" + sha256(name);
        }
        return encoded;
    }

    /** Resolves the directory of {@code name} under {@code partitionsRoot}, checking it stays inside. */
    public static Path resolve(Path partitionsRoot, String name) {
        Path root = partitionsRoot.toAbsolutePath().normalize();
        Path dir = root.resolve(directoryName(name)).normalize();
        if (!dir.getParent().equals(root)) {
            throw new IllegalArgumentException("partition '" + UserAgents.escape(name) + "' escapes " + root);
        }
        return dir;
    }

    /**
     * {@code name} as UTF-8, except that an unpaired surrogate gets its own three bytes (as in WTF-8)
     * where {@code getBytes(UTF_8)} gives {@code '?'}, so that a lone U+D800 and {@code "?"} do not
     * share a directory. Well-formed names encode exactly as UTF-8: existing directories keep their names.
     */
    private static byte[] bytes(String name) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(name.length() * 3);
        name.codePoints().forEach(c -> {
            if (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) {
                out.write(0xE0 | (c >> 12));
                out.write(0x80 | ((c >> 6) & 0x3F));
                out.write(0x80 | (c & 0x3F));
            } else {
                out.writeBytes(Character.toString(c).getBytes(StandardCharsets.UTF_8));
            }
        });
        return out.toByteArray();
    }

    private static String sha256(String name) {
        return HexFormat.of().formatHex(io.github.fxsession.internal.util.Hashes.sha256(bytes(name)));
    }
}
