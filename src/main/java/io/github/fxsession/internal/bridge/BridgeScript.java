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

    private static final String MODULES_MARK = "/*@MODULES@*/";
    private static final java.util.regex.Pattern TOKEN = java.util.regex.Pattern.compile("[0-9a-f]{1,64}");

    /** The JavaScript source: bridge.js with the capability modules of bridge-modules/modules.list. */
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
        if (!TOKEN.matcher(token).matches()) {
            throw new IllegalArgumentException("bridge token must be hex: '" + token + "'");
        }
        // one copy of the (large) script per document, no intermediate String
        byte[] open = ("<script data-fxsession=\"" + token + "\">").getBytes(StandardCharsets.US_ASCII);
        int body = ELEMENT_BYTES.length - "<script>".length();
        byte[] element = new byte[open.length + body];
        System.arraycopy(open, 0, element, 0, open.length);
        System.arraycopy(ELEMENT_BYTES, "<script>".length(), element, open.length, body);
        return element;
    }

    /** {@code 'sha256-...'}: the CSP source expression that allows exactly this inline script. */
    public static final String CSP_HASH = "'sha256-" + sha256Base64(SOURCE) + "'";

    private BridgeScript() {
    }

    private static String load() {
        String bridge = resource("bridge.js");
        StringBuilder modules = new StringBuilder();
        for (String line : resource("bridge-modules/modules.list").split("\n")) {
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            if (!name.matches("[a-z0-9-]+\\.js")) {
                throw new IllegalStateException("bridge module names are [a-z0-9-]+.js: '" + name + "'");
            }
            modules.append("(function (call, w, init, channel) {\n").append(resource("bridge-modules/" + name))
                    .append("\n})(call, w, init, channel);\n");
        }
        if (!bridge.contains(MODULES_MARK)) {
            throw new IllegalStateException("bridge.js lost its " + MODULES_MARK + " mark");
        }
        String source = bridge.replace(MODULES_MARK, modules.toString());
        for (int i = 0; i < source.length(); i++) {
            if (source.charAt(i) > 0x7e) {
                throw new IllegalStateException("the bridge script must be ASCII only, found U+"
                        + Integer.toHexString(source.charAt(i)) + " at index " + i);
            }
        }
        if (source.toLowerCase(java.util.Locale.ROOT).contains("</script")) {
            throw new IllegalStateException("the bridge script must not contain '</script'");
        }
        return source;
    }

    private static String resource(String name) {
        try (InputStream in = BridgeScript.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the fxsession jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    private static String sha256Base64(String text) {
        return Base64.getEncoder().encodeToString(io.github.fxsession.internal.util.Hashes.sha256(text));
    }
}
