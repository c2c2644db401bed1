package io.github.fxsession.internal.proxy;

import java.io.IOException;
import java.net.Proxy;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/** Where PAC scripts come from: {@code http(s):} (fetched directly, never through a proxy), {@code file:} and {@code data:} URLs. */
public final class PacSources {

    private static final long MAX_SIZE = 4L * 1024 * 1024;
    private static volatile OkHttpClient client;

    private PacSources() {
    }

    /**
     * Checks that {@code url} is an http, https, file or data URL.
     *
     * @throws IllegalArgumentException {@code "Invalid pacScript URL: '<url>'"} otherwise
     */
    public static void requireSupported(String url) {
        Objects.requireNonNull(url, "pacScript == null");
        String scheme = schemeOf(url);
        boolean ok = switch (scheme) {
            case "http", "https", "file" -> parses(url);
            case "data" -> url.indexOf(',') > 0;
            default -> false;
        };
        if (!ok) {
            throw new IllegalArgumentException("Invalid pacScript URL: '" + url + "'");
        }
    }

    private static boolean parses(String url) {
        try {
            URI uri = new URI(url);
            return uri.isAbsolute() && (uri.getScheme().equalsIgnoreCase("file") || uri.getHost() != null);
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static String schemeOf(String url) {
        int colon = url.indexOf(':');
        return colon < 0 ? "" : url.substring(0, colon).toLowerCase(Locale.ROOT);
    }

    /**
     * The script at {@code url}.
     *
     * @throws IOException if it cannot be read (with the URL, never with credentials it may hold)
     */
    public static String fetch(String url, Duration timeout) throws IOException {
        switch (schemeOf(url)) {
            case "data" -> {
                return decodeData(url);
            }
            case "file" -> {
                try {
                    return Files.readString(Path.of(new URI(url)), StandardCharsets.UTF_8);
                } catch (java.net.URISyntaxException | IllegalArgumentException e) {
                    throw new IOException("cannot read PAC script " + url, e);
                }
            }
            default -> {
                Request request = new Request.Builder().url(url).header("Accept", "application/x-ns-proxy-autoconfig, */*").build();
                OkHttpClient fetcher = client().newBuilder().callTimeout(timeout).build();
                try (Response response = fetcher.newCall(request).execute()) {
                    if (!response.isSuccessful()) {
                        throw new IOException("fetching PAC script " + url + " failed: HTTP " + response.code());
                    }
                    if (response.body().contentLength() > MAX_SIZE) {
                        throw new IOException("PAC script " + url + " is larger than " + MAX_SIZE + " bytes");
                    }
                    return response.body().string();
                }
            }
        }
    }

    private static OkHttpClient client() {
        OkHttpClient current = client;
        if (current == null) {
            synchronized (PacSources.class) {
                if (client == null) {
                    client = new OkHttpClient.Builder().proxy(Proxy.NO_PROXY).build();
                }
                current = client;
            }
        }
        return current;
    }

    private static String decodeData(String url) throws IOException {
        int comma = url.indexOf(',');
        if (comma < 0) {
            throw new IOException("malformed data: URL for the PAC script");
        }
        String meta = url.substring(5, comma).toLowerCase(Locale.ROOT);
        String data = url.substring(comma + 1);
        if (meta.endsWith(";base64")) {
            try {
                return new String(Base64.getMimeDecoder().decode(URLDecoder.decode(data, StandardCharsets.US_ASCII)), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new IOException("malformed base64 in the PAC script's data: URL", e);
            }
        }
        try {
            return URLDecoder.decode(data.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IOException("malformed percent-encoding in the PAC script's data: URL", e);
        }
    }
}
