package io.github.fxsession.internal.netlog;

import io.github.fxsession.internal.net.Interceptor;
import io.github.fxsession.internal.net.NetRequest;
import io.github.fxsession.internal.net.NetResponse;
import io.github.fxsession.netlog.NetLog;
import io.github.fxsession.netlog.NetLogOptions;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import okhttp3.EventListener;

/**
 * The net log of one partition ({@link NetLog}): an {@code OBSERVE}-stage {@link Interceptor} opens a
 * {@code URL_REQUEST} source per request and logs its bytes; the partition client's event listener
 * factory ({@link #listenerFactory}) adds what OkHttp reports (DNS, connect, TLS, headers on the wire)
 * to the source of the request the calling thread is carrying.
 *
 * <p>Threading: any thread.
 */
public final class SessionNetLog implements NetLog, Interceptor {

    /** The source of the request this thread is carrying through the chain (OkHttp calls are synchronous). */
    private static final ThreadLocal<NetLogFile.Source> CURRENT = new ThreadLocal<>();

    private volatile NetLogFile file;

    @Override
    public CompletableFuture<Void> startLogging(Path path) {
        return startLogging(path, NetLogOptions.DEFAULT);
    }

    @Override
    public synchronized CompletableFuture<Void> startLogging(Path path, NetLogOptions options) {
        Objects.requireNonNull(path, "path == null");
        Objects.requireNonNull(options, "options == null");
        if (path.toString().isEmpty()) {
            throw new IllegalArgumentException("The first parameter must be a valid string");
        }
        if (file != null) {
            throw new IllegalStateException("There is already a net log running");
        }
        try {
            file = NetLogFile.open(path, options.captureMode(), options.maxFileSize());
            return CompletableFuture.completedFuture(null);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public synchronized CompletableFuture<Path> stopLogging() {
        NetLogFile current = file;
        if (current == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("No net log in progress"));
        }
        file = null;
        try {
            return CompletableFuture.completedFuture(current.close());
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public boolean currentlyLogging() {
        return file != null;
    }

    @Override
    public NetResponse intercept(Chain chain) throws IOException {
        NetLogFile log = file;
        NetRequest request = chain.request();
        if (log == null) {
            return chain.proceed(request);
        }
        NetLogFile.Source source = log.newSource();
        source.begin("REQUEST_ALIVE", null);
        Map<String, Object> start = new LinkedHashMap<>();
        start.put("url", request.url());
        start.put("method", request.method());
        start.put("load_flags", 0);
        start.put("priority", "MEDIUM");
        source.begin("URL_REQUEST_START_JOB", start);
        NetLogFile.Source previous = CURRENT.get();
        CURRENT.set(source);
        NetResponse response;
        try {
            response = chain.proceed(request);
        } catch (IOException | RuntimeException e) {
            source.end("URL_REQUEST_START_JOB", Map.of("net_error", NetErrors.of(e)));
            source.end("REQUEST_ALIVE", Map.of("net_error", NetErrors.of(e)));
            throw e;
        } finally {
            CURRENT.set(previous);
        }
        source.end("URL_REQUEST_START_JOB", null);
        return response.withBody(new LoggedBody(response.body(), source));
    }

    /** {@code base}'s listeners, plus one writing OkHttp's events into the calling request's source. */
    public EventListener.Factory listenerFactory(EventListener.Factory base) {
        Objects.requireNonNull(base, "base == null");
        return call -> {
            EventListener listener = base.create(call);
            NetLogFile.Source source = CURRENT.get();
            return source == null ? listener : listener.plus(new WireEvents(source));
        };
    }

    /** A response body that logs the bytes read and ends the request's source at its end. */
    private static final class LoggedBody extends FilterInputStream {
        private final NetLogFile.Source source;
        private final boolean withBytes;
        private boolean ended;

        LoggedBody(InputStream in, NetLogFile.Source source) {
            super(in);
            this.source = source;
            this.withBytes = source.file().mode() == io.github.fxsession.netlog.CaptureMode.EVERYTHING;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n;
            try {
                n = super.read(b, off, len);
            } catch (IOException e) {
                end(NetErrors.of(e));
                throw e;
            }
            if (n > 0) {
                Map<String, Object> params = new LinkedHashMap<>();
                params.put("byte_count", n);
                if (withBytes) {
                    params.put("bytes", Base64.getEncoder().encodeToString(java.util.Arrays.copyOfRange(b, off, off + n)));
                }
                source.point("URL_REQUEST_JOB_FILTERED_BYTES_READ", params);
            } else if (n < 0) {
                end(0);
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            end(0);
            super.close();
        }

        private synchronized void end(int netError) {
            if (!ended) {
                ended = true;
                source.end("REQUEST_ALIVE", netError == 0 ? null : Map.of("net_error", netError));
            }
        }
    }
}
