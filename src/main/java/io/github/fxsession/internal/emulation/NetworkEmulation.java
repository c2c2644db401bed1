package io.github.fxsession.internal.emulation;

import java.io.IOException;
import okhttp3.CacheControl;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSink;
import okio.ForwardingSource;
import okio.Okio;
import okio.Source;

/**
 * Network emulation of one partition ({@code ses.enableNetworkEmulation}), inside the partition's own
 * client, where Chromium puts it: below the HTTP cache. A response the cache answers fresh costs no
 * network and is neither delayed nor paced; everything that goes to the network is.
 *
 * <ul>
 * <li><b>offline</b>: an application interceptor (above the cache) marks each request
 * {@code only-if-cached}: a fresh cached response is still served, as Chromium's offline emulation
 * does; anything else fails with {@code net::ERR_INTERNET_DISCONNECTED} without opening a socket.
 * <li><b>latency</b>: a network interceptor waits that long once the connection is ready, before the
 * request is written: each request's round trip grows by it.
 * <li><b>throughput</b>: request bodies are written and response bodies read through a
 * {@link RateLimiter} shared by all requests of the partition, one per direction, so the partition as a
 * whole moves at most that many bytes per second (bytes on the wire: before gzip is decoded).
 * </ul>
 *
 * <p>Threading: any thread; the settings are one volatile snapshot.
 */
public final class NetworkEmulation {

    /** The message requests fail with while offline, as Chromium names the error. */
    public static final String OFFLINE_MESSAGE = "net::ERR_INTERNET_DISCONNECTED";

    private record Settings(boolean offline, long latencyNanos, RateLimiter download, RateLimiter upload) {
    }

    private static final Settings NONE = new Settings(false, 0, null, null);

    private volatile Settings settings = NONE;

    /**
     * Applies the emulation (the values are checked by the public options type).
     *
     * @param latencyMillis the added round-trip time, 0 for none
     * @param downloadBytesPerSecond 0 for no limit
     * @param uploadBytesPerSecond 0 for no limit
     */
    public void enable(boolean offline, double latencyMillis, double downloadBytesPerSecond, double uploadBytesPerSecond) {
        settings = new Settings(offline, (long) (latencyMillis * 1_000_000L),
                downloadBytesPerSecond > 0 ? new RateLimiter(downloadBytesPerSecond) : null,
                uploadBytesPerSecond > 0 ? new RateLimiter(uploadBytesPerSecond) : null);
    }

    /** Back to the real network; transfers already running stop being paced at their next read. */
    public void disable() {
        settings = NONE;
    }

    public boolean active() {
        return settings != NONE;
    }

    /** Installs the two interceptors into a partition's client builder. */
    public OkHttpClient.Builder install(OkHttpClient.Builder builder) {
        return builder.addInterceptor(this::offline).addNetworkInterceptor(this::shape);
    }

    private static final CacheControl ONLY_IF_CACHED = new CacheControl.Builder().onlyIfCached().build();

    private Response offline(Interceptor.Chain chain) throws IOException {
        Request request = chain.request();
        if (!settings.offline()) {
            return chain.proceed(request);
        }
        Response response = chain.proceed(request.newBuilder().cacheControl(ONLY_IF_CACHED).build());
        if (response.code() == 504 && response.networkResponse() == null && response.cacheResponse() == null) {
            response.close();
            throw new IOException(OFFLINE_MESSAGE + ": " + request.url() + " (network emulation is offline)");
        }
        return response;
    }

    private Response shape(Interceptor.Chain chain) throws IOException {
        Settings now = settings;
        Request request = chain.request();
        if (now.offline()) {
            // a conditional request of an offline partition (the cache had a stale entry)
            throw new IOException(OFFLINE_MESSAGE + ": " + request.url() + " (network emulation is offline)");
        }
        if (now.latencyNanos() > 0) {
            RateLimiter.sleepUntil(System.nanoTime() + now.latencyNanos());
        }
        if (now.upload() != null && request.body() != null) {
            request = request.newBuilder().method(request.method(), new PacedRequestBody(request.body())).build();
        }
        Response response = chain.proceed(request);
        ResponseBody body = response.body();
        if (settings.download() == null || body.contentLength() == 0) {
            return response;
        }
        Source paced = new PacedSource(body.source());
        return response.newBuilder()
                .body(ResponseBody.create(Okio.buffer(paced), body.contentType(), body.contentLength()))
                .build();
    }

    /** Reads the network through the partition's download limiter, as it is at each read. */
    private final class PacedSource extends ForwardingSource {
        PacedSource(Source delegate) {
            super(delegate);
        }

        @Override
        public long read(Buffer sink, long byteCount) throws IOException {
            RateLimiter limiter = settings.download();
            if (limiter == null) {
                return super.read(sink, byteCount);
            }
            long n = super.read(sink, Math.min(byteCount, limiter.chunk()));
            if (n > 0) {
                limiter.acquire(n);
            }
            return n;
        }
    }

    /** Writes a request body through the partition's upload limiter. */
    private final class PacedRequestBody extends RequestBody {
        private final RequestBody delegate;

        PacedRequestBody(RequestBody delegate) {
            this.delegate = delegate;
        }

        @Override
        public MediaType contentType() {
            return delegate.contentType();
        }

        @Override
        public long contentLength() throws IOException {
            return delegate.contentLength();
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            Buffer all = new Buffer();
            delegate.writeTo(all);
            while (!all.exhausted()) {
                RateLimiter limiter = settings.upload();
                long n = limiter == null ? all.size() : Math.min(all.size(), limiter.chunk());
                sink.write(all, n);
                sink.flush();
                if (limiter != null) {
                    limiter.acquire(n);
                }
            }
        }
    }
}
