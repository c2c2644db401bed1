package io.github.fxsession.internal.net;

import java.io.IOException;
import java.io.InputStream;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The end of a session's chain: executes the request with the session's own {@link OkHttpClient}
 * (its own connection pool, HTTP/1.1 and HTTP/2, transparent gzip). Redirects are not followed here:
 * WebKit follows them itself, so every hop travels the whole chain again.
 */
public final class OkHttpTransport implements Interceptor {

    /** Methods OkHttp refuses without a body. */
    private static final java.util.Set<String> REQUIRES_BODY = java.util.Set.of("POST", "PUT", "PATCH", "PROPPATCH", "REPORT", "QUERY");

    private final java.util.function.Supplier<OkHttpClient> client;

    /** A transport that executes each request with the client {@code client} gives at that moment. */
    public OkHttpTransport(java.util.function.Supplier<OkHttpClient> client) {
        this.client = client;
    }

    @Override
    public NetResponse intercept(Chain chain) throws IOException {
        NetRequest request = chain.request();
        String scheme = schemeOf(request.url());
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new java.net.MalformedURLException("no handler for scheme '" + scheme + "': " + request.url());
        }
        Request.Builder builder = new Request.Builder().url(request.url()).headers(request.headers());
        String method = request.method();
        RequestBody body = null;
        if (request.body() != null && request.body().length > 0 && !method.equals("GET") && !method.equals("HEAD")) {
            String type = request.header("Content-Type");
            body = RequestBody.create(request.body(), type == null ? null : MediaType.parse(type));
        } else if (REQUIRES_BODY.contains(method)) {
            body = RequestBody.create(new byte[0], null);
        }
        builder.method(method, body);
        Response response = client.get().newCall(builder.build()).execute();
        ResponseBody responseBody = response.body();
        InputStream stream = responseBody.byteStream();
        return new NetResponse(response.code(), response.message(), response.headers(), stream);
    }

    static String schemeOf(String url) {
        int colon = url.indexOf(':');
        return colon < 0 ? "" : url.substring(0, colon).toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String toString() {
        return "OkHttpTransport";
    }
}
