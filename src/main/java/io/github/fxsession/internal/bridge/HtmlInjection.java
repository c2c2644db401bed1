package io.github.fxsession.internal.bridge;

import java.util.Locale;

/** Where and how the page bridge goes into an HTML document. */
public final class HtmlInjection {

    private HtmlInjection() {
    }

    /** {@code html} with the bridge inserted before anything that can run. */
    public static String inject(String html) {
        int at = insertionPoint(html);
        return html.substring(0, at) + BridgeScript.ELEMENT + html.substring(at);
    }

    /**
     * The index after a byte-order mark, leading white space, comments, an XML declaration and the
     * doctype: the earliest place a script can go without changing the document's rendering mode.
     * {@code head} may be bytes read as ISO-8859-1, where indexes are byte offsets.
     */
    static int insertionPoint(String head) {
        int i = head.startsWith("\u00ef\u00bb\u00bf") ? 3 : head.startsWith("\ufeff") ? 1 : 0;
        while (true) {
            while (i < head.length() && Character.isWhitespace(head.charAt(i))) {
                i++;
            }
            String rest = head.substring(i, Math.min(head.length(), i + 4096)).toLowerCase(Locale.ROOT);
            int end = -1;
            if (rest.startsWith("<!--")) {
                end = rest.indexOf("-->");
                end = end < 0 ? -1 : end + 3;
            } else if (rest.startsWith("<?xml") || rest.startsWith("<!doctype")) {
                end = rest.indexOf('>');
                end = end < 0 ? -1 : end + 1;
            }
            if (end < 0) {
                return i;
            }
            i += end;
        }
    }
}
