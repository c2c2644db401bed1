package io.github.fxsession.internal.bridge;

import io.github.fxsession.internal.net.FrameTracker;
import io.github.fxsession.internal.net.Urls;
import io.github.fxsession.internal.session.EngineBinding;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTML document on its way to WebKit: the page bridge is inserted before anything that can run
 * (right after a leading doctype, so the document keeps its rendering mode), and every
 * {@code <iframe src>} / {@code <frame src>} is announced to the {@link FrameTracker} before the bytes
 * that create the frame are handed over.
 */
final class HtmlDocumentStream extends InputStream {

    private static final int CHUNK = 8192;
    private static final int MAX_CARRY = 16 * 1024;
    private static final Pattern FRAME_TAG = Pattern.compile("<(i?frame|base)[\\s/>]", Pattern.CASE_INSENSITIVE);
    private static final Pattern SRC = Pattern.compile(
            "\\s(src|href)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+))", Pattern.CASE_INSENSITIVE);

    private final InputStream upstream;
    private final EngineBinding binding;
    private String base;
    private byte[] out = new byte[0];
    private int outPos;
    private byte[] carry = new byte[0];
    private boolean eof;

    HtmlDocumentStream(byte[] prefix, InputStream upstream, EngineBinding binding, String documentUrl, byte[] element) {
        this.upstream = upstream;
        this.binding = binding;
        this.base = documentUrl;
        int at = HtmlInjection.insertionPoint(new String(prefix, StandardCharsets.ISO_8859_1));
        ByteArrayOutputStream first = new ByteArrayOutputStream(prefix.length + element.length);
        first.write(prefix, 0, at);
        first.writeBytes(element);
        byte[] rest = new byte[prefix.length - at];
        System.arraycopy(prefix, at, rest, 0, rest.length);
        first.writeBytes(scan(rest, false));
        out = first.toByteArray();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (outPos >= out.length) {
            if (eof) {
                return -1;
            }
            fill();
        }
        int n = Math.min(len, out.length - outPos);
        System.arraycopy(out, outPos, b, off, n);
        outPos += n;
        return n;
    }

    private void fill() throws IOException {
        byte[] buffer = new byte[CHUNK];
        int n = upstream.read(buffer);
        outPos = 0;
        if (n < 0) {
            eof = true;
            out = scan(new byte[0], true);
            return;
        }
        byte[] chunk = new byte[n];
        System.arraycopy(buffer, 0, chunk, 0, n);
        out = scan(chunk, false);
    }

    /**
     * Returns the bytes that may be handed to WebKit now: {@code carry + chunk} up to the last tag that
     * is not complete yet (kept for the next chunk), after announcing the frames it creates.
     */
    private byte[] scan(byte[] chunk, boolean last) {
        byte[] data = new byte[carry.length + chunk.length];
        System.arraycopy(carry, 0, data, 0, carry.length);
        System.arraycopy(chunk, 0, data, carry.length, chunk.length);
        String text = new String(data, StandardCharsets.ISO_8859_1);
        int ready = text.length();
        if (!last) {
            int open = text.lastIndexOf('<');
            if (open >= 0 && text.indexOf('>', open) < 0 && text.length() - open <= MAX_CARRY) {
                ready = open;
            }
        }
        Matcher tag = FRAME_TAG.matcher(text).region(0, ready);
        while (tag.find()) {
            int close = text.indexOf('>', tag.start());
            if (close < 0 || close >= ready) {
                close = ready - 1;
            }
            String element = text.substring(tag.start(), close + 1);
            boolean isBase = tag.group(1).equalsIgnoreCase("base");
            Matcher attribute = SRC.matcher(element);
            while (attribute.find()) {
                boolean wanted = isBase ? attribute.group(1).equalsIgnoreCase("href")
                        : attribute.group(1).equalsIgnoreCase("src");
                if (!wanted) {
                    continue;
                }
                String raw = attribute.group(2) != null ? attribute.group(2)
                        : attribute.group(3) != null ? attribute.group(3) : attribute.group(4);
                String value = decodeEntities(new String(raw.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
                String resolved = Urls.resolve(base, value);
                if (resolved == null) {
                    break;
                }
                if (isBase) {
                    base = resolved;
                } else {
                    FrameTracker.expectExclusively(binding, resolved);
                }
                break;
            }
        }
        carry = new byte[data.length - ready];
        System.arraycopy(data, ready, carry, 0, carry.length);
        byte[] now = new byte[ready];
        System.arraycopy(data, 0, now, 0, ready);
        return now;
    }

    private static String decodeEntities(String value) {
        if (value.indexOf('&') < 0) {
            return value;
        }
        return value.replace("&quot;", "\"").replace("&#39;", "'").replace("&#x27;", "'")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    @Override
    public void close() throws IOException {
        upstream.close();
    }
}
