package io.github.fxsession.internal.bridge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The page bridge script, its {@code <script>} element and the CSP hash source that allows it.
 * The script is ASCII only, so it can be inserted into a document of any ASCII-compatible charset.
 */
public final class BridgeScript {

    /** The JavaScript source. */
    public static final String SOURCE = load();
    /** The element inserted into documents. */
    public static final String ELEMENT = "<script>" + SOURCE + "</script>";
    /** The element as bytes (ASCII). */
    static final byte[] ELEMENT_BYTES = ELEMENT.getBytes(StandardCharsets.US_ASCII);
    /**
     * The element for a document that has a bridge capability {@code token} (hex digits): the token rides
     * in an attribute, so the CSP hash of the script stays the same; the script reads it and removes its
     * element before any page script runs.
     */
    static byte[] elementBytes(String token) {
        if (token == null) {
            return ELEMENT_BYTES;
        }
        if (!token.matches("[0-9a-f]{1,64}")) {
            throw new IllegalArgumentException("bridge token must be hex: '" + token + "'");
        }
        return ("<script data-fxsession=\"" + token + "\">" + SOURCE + "</script>").getBytes(StandardCharsets.US_ASCII);
    }

    /** {@code 'sha256-...'}: the CSP source expression that allows exactly this inline script. */
    public static final String CSP_HASH = "'sha256-" + sha256Base64(SOURCE) + "'";

    private BridgeScript() {
    }

    private static String load() {
        try (InputStream in = BridgeScript.class.getResourceAsStream("bridge.js")) {
            if (in == null) {
                throw new IllegalStateException("bridge.js is missing from the fxsession jar");
            }
            String source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (int i = 0; i < source.length(); i++) {
                if (source.charAt(i) > 0x7e) {
                    throw new IllegalStateException("bridge.js must be ASCII only, found U+"
                            + Integer.toHexString(source.charAt(i)) + " at index " + i);
                }
            }
            if (source.toLowerCase(java.util.Locale.ROOT).contains("</script")) {
                throw new IllegalStateException("bridge.js must not contain '</script'");
            }
            return source;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bridge.js", e);
        }
    }

    private static String sha256Base64(String text) {
        return Base64.getEncoder().encodeToString(io.github.fxsession.internal.util.Hashes.sha256(text));
    }
}
