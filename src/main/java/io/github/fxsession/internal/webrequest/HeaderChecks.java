package io.github.fxsession.internal.webrequest;

import io.github.fxsession.internal.net.NetResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import okhttp3.Headers;

/** Headers and status lines returned by listeners: what cannot be sent is dropped (logged), the rest kept. */
final class HeaderChecks {

    private static final System.Logger LOG = System.getLogger(HeaderChecks.class.getName());
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/\\d(?:\\.\\d)? ([1-5]\\d\\d)(?: ([^\\r\\n\\x00]*))?");

    private HeaderChecks() {
    }

    static boolean validName(String name) {
        return name != null && TOKEN.matcher(name).matches();
    }

    static boolean validValue(String value) {
        if (value == null) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                return false;
            }
        }
        return true;
    }

    static Headers build(Map<String, String> headers, String url) {
        Headers.Builder builder = new Headers.Builder();
        headers.forEach((name, value) -> add(builder, name, value, url));
        return builder.build();
    }

    static Headers buildMulti(Map<String, List<String>> headers, String url) {
        Headers.Builder builder = new Headers.Builder();
        headers.forEach((name, values) -> values.forEach(value -> add(builder, name, value, url)));
        return builder.build();
    }

    private static void add(Headers.Builder builder, String name, String value, String url) {
        if (validName(name) && validValue(value)) {
            builder.addUnsafeNonAscii(name, value);
        } else {
            LOG.log(System.Logger.Level.WARNING, "webRequest: dropping a header a listener returned for " + url
                    + " that cannot be sent: '" + name + "'");
        }
    }

    static NetResponse withStatusLine(NetResponse response, String statusLine, String url) {
        java.util.regex.Matcher m = STATUS_LINE.matcher(statusLine);
        if (!m.matches()) {
            LOG.log(System.Logger.Level.WARNING, "webRequest: ignoring a status line a listener returned for " + url
                    + ": '" + statusLine + "'");
            return response;
        }
        String message = m.group(2) == null ? "" : m.group(2);
        return new NetResponse(Integer.parseInt(m.group(1)), message, response.headers(), response.body());
    }
}
