package io.github.fxsession.internal.extension;

import io.github.fxsession.internal.util.Hashes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Chrome's extension ids: the first 16 bytes of a SHA-256, in hexadecimal written with the letters
 * {@code a}-{@code p} ({@code crx_file::id_util::GenerateId}). An unpacked extension's id hashes its
 * absolute path as the platform stores it (UTF-8 bytes; UTF-16LE on Windows, with an upper-case drive
 * letter); one whose manifest has a {@code key} hashes the decoded public key.
 */
public final class ExtensionIds {

    private ExtensionIds() {
    }

    /** The id Chrome gives the unpacked extension in folder {@code path} (absolute). */
    public static String forPath(Path path) {
        String text = path.toString();
        boolean windows = path.getFileSystem().getSeparator().equals("\\");
        if (windows && text.length() > 1 && text.charAt(1) == ':') {
            text = Character.toUpperCase(text.charAt(0)) + text.substring(1);
        }
        return fromBytes(text.getBytes(windows ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_8));
    }

    /** The id of an extension whose manifest {@code key} is {@code publicKey} (DER bytes). */
    public static String fromBytes(byte[] input) {
        byte[] hash = Hashes.sha256(input);
        StringBuilder id = new StringBuilder(32);
        for (int i = 0; i < 16; i++) {
            id.append((char) ('a' + ((hash[i] >> 4) & 0xf)));
            id.append((char) ('a' + (hash[i] & 0xf)));
        }
        return id.toString();
    }
}
