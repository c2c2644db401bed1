package io.github.fxsession.internal.net;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
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
    /** Calls whose response is not finished yet (headers or body still coming). */
    private final java.util.Set<okhttp3.Call> inFlight = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** The last client {@link #withoutCache} derived, and the client it derived it from. */
    private volatile OkHttpClient[] uncached;

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
        PeerAddress peer = new PeerAddress();
        builder.tag(PeerAddress.class, peer);
        OkHttpClient base = client.get();
        okhttp3.Call call = (request.context().bypassCache() ? withoutCache(base) : base).newCall(builder.build());
        inFlight.add(call);
        Response response;
        try {
            response = call.execute();
        } catch (IOException | RuntimeException e) {
            inFlight.remove(call);
            throw e;
        }
        ResponseBody responseBody = response.body();
        if (request.context().bypassCache()) {
            withoutWatchdog(response);
        }
        InputStream stream = new BodyStream(responseBody.source(), call);
        return new NetResponse(response.code(), response.message(), withoutCachedCookies(response), stream,
                response.cacheResponse() != null, response.networkResponse() == null ? null : peer.ip);
    }

    /**
     * Spares a download's body reads Okio's watchdog: each read of an Okio socket source with a timeout
     * enters and exits an {@code AsyncTimeout}, which signals the watchdog thread (8 KiB per read: 131,072
     * wake-ups and lock hand-offs per GiB; a download used 2.3 s of CPU per GiB with them, 1.4 s without:
     * docs/performance.md). Over HTTP/1 the socket's own
     * {@code SO_TIMEOUT}, which OkHttp sets to the same read timeout for the exchange, still bounds every
     * read (a blocking read that fails with {@code SocketTimeoutException}), so nothing can hang longer
     * than before. HTTP/2 streams have no socket timeout of their own: they keep the watchdog.
     */
    private static void withoutWatchdog(Response response) {
        okhttp3.Protocol protocol = response.protocol();
        if (protocol == okhttp3.Protocol.HTTP_1_1 || protocol == okhttp3.Protocol.HTTP_1_0) {
            response.body().source().timeout().clearTimeout();
        }
    }

    /**
     * A response body as a stream, and as a {@link ReadableByteChannel} too (a download reads it into
     * a direct buffer: one copy fewer than through a byte array). The call leaves {@link #inFlight} at
     * the end of the body or on close.
     */
    private final class BodyStream extends java.io.FilterInputStream implements ReadableByteChannel {
        private final okio.BufferedSource source;
        private final okhttp3.Call call;

        BodyStream(okio.BufferedSource source, okhttp3.Call call) {
            super(source.inputStream());
            this.source = source;
            this.call = call;
        }

        @Override
        public int read() throws IOException {
            return ended(super.read());
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return ended(super.read(b, off, len));
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return ended(source.read(dst));
        }

        private int ended(int n) {
            if (n < 0) {
                inFlight.remove(call);
            }
            return n;
        }

        @Override
        public boolean isOpen() {
            return source.isOpen();
        }

        @Override
        public void close() throws IOException {
            inFlight.remove(call);
            super.close();
        }
    }

    /**
     * The response's headers, without the {@code Set-Cookie} headers the HTTP cache stored: a cookie is
     * set by the response that carried it, never again by a copy the cache serves later (Chromium does
     * not store {@code Set-Cookie} in its cache either). A validated response keeps those of the 304.
     */
    static okhttp3.Headers withoutCachedCookies(Response response) {
        if (response.cacheResponse() == null || response.headers().get("Set-Cookie") == null) {
            return response.headers();
        }
        okhttp3.Headers.Builder headers = response.headers().newBuilder().removeAll("Set-Cookie");
        Response network = response.networkResponse();
        if (network != null) {
            for (String cookie : network.headers().values("Set-Cookie")) {
                headers.add("Set-Cookie", cookie);
            }
        }
        return headers.build();
    }

    /**
     * {@code base} without its HTTP cache (same connection pool, dispatcher, proxy, TLS and interceptors),
     * for requests that bypass the cache: the client derived from the last base client is kept, since
     * a partition's client changes only when it is reconfigured.
     */
    private OkHttpClient withoutCache(OkHttpClient base) {
        if (base.cache() == null) {
            return base;
        }
        OkHttpClient[] pair = uncached;
        if (pair != null && pair[0] == base) {
            return pair[1];
        }
        OkHttpClient derived = base.newBuilder().cache(null).build();
        uncached = new OkHttpClient[] {base, derived};
        return derived;
    }

    /** Fails every request of this transport whose response is not finished (closeAllConnections). */
    public void cancelAll() {
        for (okhttp3.Call call : inFlight) {
            call.cancel();
        }
        inFlight.clear();
    }

    static String schemeOf(String url) {
        int colon = url.indexOf(':');
        return colon < 0 ? "" : url.substring(0, colon).toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String toString() {
        return "OkHttpTransport";
    }

    /** Where a request's network response came from, filled by {@link #recordPeerAddress}. */
    static final class PeerAddress {
        volatile String ip;
    }

    /**
     * Makes a partition's client note the address each request's connection reached (the server, or
     * the HTTP proxy), for webRequest's {@code ip}.
     */
    public static OkHttpClient.Builder recordPeerAddress(OkHttpClient.Builder builder) {
        return builder.addNetworkInterceptor(chain -> {
            PeerAddress peer = chain.request().tag(PeerAddress.class);
            okhttp3.Connection connection = chain.connection();
            if (peer != null && connection != null) {
                java.net.InetAddress address = connection.route().socketAddress().getAddress();
                peer.ip = address == null ? null : address.getHostAddress();
            }
            return chain.proceed(chain.request());
        });
    }
}
