package io.github.fxsession.internal.connect;

import io.github.fxsession.internal.net.Interceptor;
import io.github.fxsession.internal.net.NetRequest;
import io.github.fxsession.internal.net.NetResponse;
import io.github.fxsession.internal.net.Urls;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the preconnect hints of the HTML documents a partition loads: {@code <link rel="preconnect">}
 * elements, read from the document as it streams to WebKit, and {@code Link: <...>; rel=preconnect}
 * response headers. WebView's WebKit does nothing with them (its {@code preconnectTo} is empty in
 * JavaFX's port, and no request or socket follows a hint), so the library emits the session's
 * {@code 'preconnect'} event and opens the socket itself.
 *
 * <p>Hints that scripts add to the document later are not seen. Threading: any loader thread.
 */
public final class PreconnectHints implements Interceptor {

    private static final Pattern LINK = Pattern.compile("<link\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTRIBUTE = Pattern.compile(
            "([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'>]+)))?");
    private static final Pattern HEADER_LINK = Pattern.compile("<([^>]*)>([^,]*)");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final int MAX_CARRY = 4096;

    private final Connections connections;

    public PreconnectHints(Connections connections) {
        this.connections = connections;
    }

    @Override
    public NetResponse intercept(Chain chain) throws IOException {
        NetRequest request = chain.request();
        NetResponse response = chain.proceed(request);
        if (!request.context().resourceType().isDocument() || response.code() < 200 || response.code() >= 300) {
            return response;
        }
        for (String link : response.headers().values("Link")) {
            Matcher entry = HEADER_LINK.matcher(link);
            while (entry.find()) {
                String params = entry.group(2).toLowerCase(Locale.ROOT);
                if (params.matches(".*;\\s*rel\\s*=\\s*\"?[^\";]*\\bpreconnect\\b.*")) {
                    hint(request.url(), entry.group(1), params.contains("crossorigin")
                            && !params.matches(".*crossorigin\\s*=\\s*\"?use-credentials.*"));
                }
            }
        }
        String type = response.header("Content-Type");
        if (response.body() == null || (type != null && !type.toLowerCase(Locale.ROOT).startsWith("text/html"))) {
            return response;
        }
        return response.withBody(new Scanning(response.body(), request.url()));
    }

    private void hint(String documentUrl, String href, boolean anonymous) {
        String resolved = Urls.resolve(documentUrl, href);
        if (resolved != null) {
            connections.hinted(resolved, !anonymous);
        }
    }

    /** Handles one {@code <link ...>} element. */
    void element(String documentUrl, String element) {
        Matcher attribute = ATTRIBUTE.matcher(element.substring(5, element.length() - 1));
        boolean preconnect = false;
        String href = null;
        boolean anonymous = false;
        while (attribute.find()) {
            String name = attribute.group(1).toLowerCase(Locale.ROOT);
            String value = attribute.group(2) != null ? attribute.group(2)
                    : attribute.group(3) != null ? attribute.group(3) : attribute.group(4);
            switch (name) {
                case "rel" -> preconnect = value != null
                        && (" " + SPACES.matcher(value.toLowerCase(Locale.ROOT)).replaceAll(" ") + " ").contains(" preconnect ");
                case "href" -> href = value;
                case "crossorigin" -> anonymous = value == null || !value.trim().equalsIgnoreCase("use-credentials");
                default -> {
                }
            }
        }
        if (preconnect && href != null) {
            hint(documentUrl, new String(href.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8)
                    .replace("&amp;", "&"), anonymous);
        }
    }

    /** Passes the document through unchanged, reporting each {@code <link>} element on the way. */
    private final class Scanning extends FilterInputStream {
        private final String documentUrl;
        private String carry = "";

        Scanning(InputStream in, String documentUrl) {
            super(in);
            this.documentUrl = documentUrl;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                scan(String.valueOf((char) b));
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                scan(new String(b, off, n, StandardCharsets.ISO_8859_1));
            }
            return n;
        }

        private void scan(String chunk) {
            String data = carry.isEmpty() ? chunk : carry + chunk;
            Matcher link = LINK.matcher(data);
            int consumed = 0;
            while (link.find()) {
                element(documentUrl, link.group());
                consumed = link.end();
            }
            int open = data.lastIndexOf('<');
            carry = open >= consumed && data.indexOf('>', open) < 0 && data.length() - open <= MAX_CARRY
                    ? data.substring(open) : "";
        }
    }

    @Override
    public String toString() {
        return "PreconnectHints";
    }
}
