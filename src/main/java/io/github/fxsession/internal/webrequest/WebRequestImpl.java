package io.github.fxsession.internal.webrequest;

import io.github.fxsession.WebContents;
import io.github.fxsession.internal.net.Interceptor;
import io.github.fxsession.internal.net.NetErrorException;
import io.github.fxsession.internal.net.NetRequest;
import io.github.fxsession.internal.net.NetResponse;
import io.github.fxsession.internal.net.RequestContext;
import io.github.fxsession.internal.net.Urls;
import io.github.fxsession.internal.session.EngineBinding;
import io.github.fxsession.internal.util.Await;
import io.github.fxsession.webrequest.BeforeRequestResponse;
import io.github.fxsession.webrequest.BeforeSendHeadersResponse;
import io.github.fxsession.webrequest.HeadersReceivedResponse;
import io.github.fxsession.webrequest.ResourceType;
import io.github.fxsession.webrequest.UploadData;
import io.github.fxsession.webrequest.WebRequest;
import io.github.fxsession.webrequest.WebRequestDetails;
import io.github.fxsession.webrequest.WebRequestFilter;
import io.github.fxsession.webrequest.WebRequestListener;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.util.Subscription;
import okhttp3.Headers;

/**
 * A partition's webRequest listeners and the two chain links that call them.
 *
 * <p>{@link #beforeRequest()} sits at stage {@code WEB_REQUEST}, first in the chain: onBeforeRequest can
 * cancel or redirect before anything else (protocol handlers included) sees the request, and on the way
 * back it fires onBeforeRedirect, onResponseStarted and, when the page has read the body, onCompleted, or
 * onErrorOccurred. {@link #sendHeaders()} sits at stage {@code SEND_HEADERS}, after identity and cookies:
 * onBeforeSendHeaders sees the headers that really leave (User-Agent, Accept-Language, Cookie) and
 * onHeadersReceived sees the response before the cookie link stores its {@code Set-Cookie}. The two links
 * share the request's state through a thread-local: the chain runs a request on one thread.
 *
 * <p>Threading: any thread.
 */
public final class WebRequestImpl implements WebRequest {

    static final String BLOCKED = "net::ERR_BLOCKED_BY_CLIENT";
    private static final System.Logger LOG = System.getLogger(WebRequestImpl.class.getName());
    private static final AtomicLong IDS = new AtomicLong();
    private static final ThreadLocal<Exchange> CURRENT = new ThreadLocal<>();
    /** Redirect targets waiting for their next hop, so that every hop of a request keeps its id. */
    private static final Map<String, Long> REDIRECTED = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > 512;
        }
    });

    private enum Event {
        BEFORE_REQUEST, BEFORE_SEND_HEADERS, SEND_HEADERS, HEADERS_RECEIVED, RESPONSE_STARTED, BEFORE_REDIRECT,
        COMPLETED, ERROR_OCCURRED
    }

    private record Entry(Event event, Matcher matcher, Object listener) {
    }

    private final Map<Event, List<Entry>> listeners = new java.util.EnumMap<>(Event.class);
    private final AtomicLong count = new AtomicLong();

    public WebRequestImpl() {
        for (Event event : Event.values()) {
            listeners.put(event, new CopyOnWriteArrayList<>());
        }
    }

    // ---- public API ---------------------------------------------------------------------------------

    @Override
    public Subscription onBeforeRequest(WebRequestFilter filter, WebRequestListener<BeforeRequestResponse> listener) {
        return add(Event.BEFORE_REQUEST, filter, listener);
    }

    @Override
    public Subscription onBeforeSendHeaders(WebRequestFilter filter, WebRequestListener<BeforeSendHeadersResponse> listener) {
        return add(Event.BEFORE_SEND_HEADERS, filter, listener);
    }

    @Override
    public Subscription onSendHeaders(WebRequestFilter filter, Consumer<WebRequestDetails> listener) {
        return add(Event.SEND_HEADERS, filter, listener);
    }

    @Override
    public Subscription onHeadersReceived(WebRequestFilter filter, WebRequestListener<HeadersReceivedResponse> listener) {
        return add(Event.HEADERS_RECEIVED, filter, listener);
    }

    @Override
    public Subscription onResponseStarted(WebRequestFilter filter, Consumer<WebRequestDetails> listener) {
        return add(Event.RESPONSE_STARTED, filter, listener);
    }

    @Override
    public Subscription onBeforeRedirect(WebRequestFilter filter, Consumer<WebRequestDetails> listener) {
        return add(Event.BEFORE_REDIRECT, filter, listener);
    }

    @Override
    public Subscription onCompleted(WebRequestFilter filter, Consumer<WebRequestDetails> listener) {
        return add(Event.COMPLETED, filter, listener);
    }

    @Override
    public Subscription onErrorOccurred(WebRequestFilter filter, Consumer<WebRequestDetails> listener) {
        return add(Event.ERROR_OCCURRED, filter, listener);
    }

    @Override
    public synchronized void clear() {
        for (List<Entry> list : listeners.values()) {
            count.addAndGet(-list.size());
            list.clear();
        }
    }

    private synchronized Subscription add(Event event, WebRequestFilter filter, Object listener) {
        Objects.requireNonNull(filter, "filter == null");
        Objects.requireNonNull(listener, "listener == null");
        Entry entry = new Entry(event, Matcher.of(filter), listener);
        listeners.get(event).add(entry);
        count.incrementAndGet();
        return () -> remove(entry);
    }

    private synchronized void remove(Entry entry) {
        if (listeners.get(entry.event).remove(entry)) {
            count.decrementAndGet();
        }
    }

    /**
     * Shows {@code engine}'s main-frame navigations to {@code file:} URLs to the listeners. The JDK never
     * gives {@code file:} to a URL handler, so these loads bypass the chain; what WebView does let Java
     * see is the engine's location, which changes when a navigation starts, before the new document is
     * shown. onBeforeRequest runs there (on the FX Application Thread) and may cancel (the engine loads
     * {@code about:blank} instead, before the file's document runs) or redirect (it loads the other URL); onCompleted and onErrorOccurred follow the
     * load worker. Subresources of {@code file:} pages stay invisible. FX Application Thread.
     */
    public void watchFileNavigations(EngineBinding binding, javafx.scene.web.WebEngine engine) {
        engine.locationProperty().addListener((obs, old, now) -> {
            if (now == null || !now.regionMatches(true, 0, "file:", 0, 5) || count.get() == 0
                    || EngineBinding.of(engine) != binding) {
                return;
            }
            Exchange exchange = new Exchange(now, binding);
            String[] redirect = new String[1];
            try {
                decide(Event.BEFORE_REQUEST, exchange, () -> exchange.details(null, null, 0, null, null, true),
                        (BeforeRequestResponse answer) -> {
                            if (answer.cancel()) {
                                throw cancelled(exchange.url);
                            }
                            redirect[0] = answer.redirectURL();
                            return redirect[0] == null;
                        });
            } catch (IOException e) {
                // the location changes before the load worker starts, and cancelling the worker does not stop
                // a file: load (measured); replacing it does: the engine shows an empty page instead
                onceStarted(engine, () -> engine.load("about:blank"));
                failed(exchange, e);
                return;
            }
            if (redirect[0] != null) {
                exchange.finished.set(true);
                String target = redirect[0];
                fire(Event.BEFORE_REDIRECT, exchange, () -> exchange.details(null, "HTTP/1.1 307 Internal Redirect", 307,
                        target, null, false));
                onceStarted(engine, () -> engine.load(target));
                return;
            }
            javafx.beans.value.ChangeListener<javafx.concurrent.Worker.State> done = new javafx.beans.value.ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends javafx.concurrent.Worker.State> o,
                        javafx.concurrent.Worker.State was, javafx.concurrent.Worker.State state) {
                    switch (state) {
                        case SUCCEEDED -> {
                            if (exchange.finished.compareAndSet(false, true)) {
                                fire(Event.COMPLETED, exchange, () -> exchange.details(Map.of(), "HTTP/1.1 200 OK", 200,
                                        null, null, false));
                            }
                        }
                        case FAILED -> failed(exchange, new NetErrorException("net::ERR_FILE_NOT_FOUND", exchange.url));
                        case CANCELLED -> failed(exchange, new NetErrorException("net::ERR_ABORTED", exchange.url));
                        default -> {
                            return;
                        }
                    }
                    o.removeListener(this);
                }
            };
            engine.getLoadWorker().stateProperty().addListener(done);
        });
    }

    /** Runs {@code action} once {@code engine}'s load worker has started its current load (or now, if it has). */
    private static void onceStarted(javafx.scene.web.WebEngine engine, Runnable action) {
        javafx.concurrent.Worker<Void> worker = engine.getLoadWorker();
        if (worker.getState() == javafx.concurrent.Worker.State.SCHEDULED
                || worker.getState() == javafx.concurrent.Worker.State.RUNNING) {
            action.run();
            return;
        }
        worker.stateProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends javafx.concurrent.Worker.State> o,
                    javafx.concurrent.Worker.State was, javafx.concurrent.Worker.State now) {
                if (now == javafx.concurrent.Worker.State.SCHEDULED || now == javafx.concurrent.Worker.State.RUNNING) {
                    o.removeListener(this);
                    action.run();
                }
            }
        });
    }

    /** The link at stage {@code WEB_REQUEST}. */
    public Interceptor beforeRequest() {
        return new BeforeRequestLink();
    }

    /** The link at stage {@code SEND_HEADERS}. */
    public Interceptor sendHeaders() {
        return new SendHeadersLink();
    }

    // ---- one request ----------------------------------------------------------------------------------

    /** What the listeners know of one request hop. */
    private static final class Exchange {
        final long id;
        final String url;
        final String method;
        final ResourceType type;
        final EngineBinding binding;
        final String referrer;
        final List<UploadData> uploadData;
        Map<String, String> requestHeaders;
        volatile boolean fromCache;
        volatile String ip;
        final AtomicBoolean finished = new AtomicBoolean();

        Exchange(NetRequest request) {
            RequestContext context = request.context();
            this.binding = context.binding();
            this.url = io.github.fxsession.internal.protocol.Schemes.displayUrl(request.url());
            this.method = request.method();
            this.type = ResourceType.valueOf(context.resourceType().name());
            String ref = request.header("Referer");
            this.referrer = ref == null ? "" : ref;
            this.uploadData = request.body() == null ? null : List.of(UploadData.of(request.body()));
            Long previous = REDIRECTED.isEmpty() ? null : REDIRECTED.remove(redirectKey(binding, url));
            this.id = previous != null ? previous : IDS.incrementAndGet();
        }

        /** A main-frame navigation WebView loads without the chain ({@code file:}). */
        Exchange(String url, EngineBinding binding) {
            this.binding = binding;
            this.url = url;
            this.method = "GET";
            this.type = ResourceType.MAIN_FRAME;
            this.referrer = "";
            this.uploadData = null;
            this.id = IDS.incrementAndGet();
        }

        WebRequestDetails details(Map<String, List<String>> responseHeaders, String statusLine, int statusCode,
                String redirectURL, String error, boolean withUpload) {
            WebContents contents = binding != null && binding.facade() instanceof WebContents wc ? wc : null;
            return new WebRequestDetails(id, url, method, contents == null ? null : contents.getId(), contents, type,
                    referrer, (double) System.currentTimeMillis(), withUpload ? uploadData : null, requestHeaders,
                    responseHeaders, statusLine, statusCode, fromCache, ip, redirectURL, error);
        }
    }

    private static String redirectKey(EngineBinding binding, String url) {
        String canonical = Urls.canonical(url);
        return (binding == null ? "-" : binding.token()) + '\n' + (canonical == null ? url : canonical);
    }

    private boolean has(Event event) {
        return !listeners.get(event).isEmpty();
    }

    private void fire(Event event, Exchange exchange, java.util.function.Supplier<WebRequestDetails> details) {
        List<Entry> list = listeners.get(event);
        if (list.isEmpty()) {
            return;
        }
        WebRequestDetails built = null;
        for (Entry entry : list) {
            if (entry.matcher.matches(exchange.url, exchange.type)) {
                if (built == null) {
                    built = details.get();
                }
                try {
                    @SuppressWarnings("unchecked")
                    Consumer<WebRequestDetails> observer = (Consumer<WebRequestDetails>) entry.listener;
                    observer.accept(built);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "webRequest " + event + " listener failed on " + exchange.url, e);
                }
            }
        }
    }

    /** Calls the deciding listeners of {@code event} in order; {@code step} applies each answer and says whether to go on. */
    private <R> void decide(Event event, Exchange exchange, java.util.function.Supplier<WebRequestDetails> details,
            AnswerStep<R> step) throws IOException {
        for (Entry entry : listeners.get(event)) {
            if (!entry.matcher.matches(exchange.url, exchange.type)) {
                continue;
            }
            @SuppressWarnings("unchecked")
            WebRequestListener<R> listener = (WebRequestListener<R>) entry.listener;
            CompletableFuture<R> answer = new CompletableFuture<>();
            try {
                listener.handle(details.get(), answer::complete);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "webRequest " + event + " listener failed on " + exchange.url
                        + "; the request goes on unchanged", e);
                answer.complete(null);
            }
            R value = Await.answer(answer, "a webRequest " + event + " listener");
            if (value != null && !step.apply(value)) {
                return;
            }
        }
    }

    @FunctionalInterface
    private interface AnswerStep<R> {
        boolean apply(R answer) throws IOException;
    }

    private static NetErrorException cancelled(String url) {
        return new NetErrorException(BLOCKED, "cancelled by a webRequest listener: " + url);
    }

    private final class BeforeRequestLink implements Interceptor {
        @Override
        public NetResponse intercept(Chain chain) throws IOException {
            NetRequest request = chain.request();
            if (count.get() == 0) {
                return chain.proceed(request);
            }
            Exchange exchange = new Exchange(request);
            String[] redirect = new String[1];
            try {
                decide(Event.BEFORE_REQUEST, exchange, () -> exchange.details(null, null, 0, null, null, true),
                        (BeforeRequestResponse answer) -> {
                            if (answer.cancel()) {
                                throw cancelled(exchange.url);
                            }
                            if (answer.redirectURL() != null) {
                                redirect[0] = answer.redirectURL();
                                return false;
                            }
                            return true;
                        });
            } catch (IOException e) {
                failed(exchange, e);
                throw e;
            }
            if (redirect[0] != null) {
                NetResponse internal = new NetResponse(307, "Internal Redirect",
                        Headers.of("Location", redirect[0], "Cache-Control", "no-store",
                                "Non-Authoritative-Reason", "WebRequest API"),
                        InputStream.nullInputStream());
                redirected(exchange, internal, redirect[0]);
                return internal;
            }
            Exchange outer = CURRENT.get();
            CURRENT.set(exchange);
            NetResponse response;
            try {
                response = chain.proceed(request);
            } catch (IOException | RuntimeException e) {
                failed(exchange, e);
                throw e;
            } finally {
                CURRENT.set(outer);
            }
            int code = response.code();
            String location = response.header("Location");
            if (code >= 300 && code < 400 && code != 304 && location != null) {
                String target = Urls.resolve(exchange.url, location);
                redirected(exchange, response, target != null ? target : location);
                return response;
            }
            if (has(Event.RESPONSE_STARTED)) {
                fire(Event.RESPONSE_STARTED, exchange, () -> responseDetails(exchange, response, null, null));
            }
            if (!has(Event.COMPLETED) && !has(Event.ERROR_OCCURRED)) {
                return response;
            }
            if (response.body() == null) {
                completed(exchange, response);
                return response;
            }
            return response.withBody(new ObservedBody(response.body(), exchange, response));
        }

        @Override
        public String toString() {
            return "WebRequest.beforeRequest";
        }
    }

    private void redirected(Exchange exchange, NetResponse response, String target) {
        String shown = io.github.fxsession.internal.protocol.Schemes.displayUrl(target);
        REDIRECTED.put(redirectKey(exchange.binding, shown), exchange.id);
        exchange.finished.set(true);
        if (!shown.equals(exchange.url)) {
            // (a privileged scheme's document moving to its internal origin is no redirect to the application)
            fire(Event.BEFORE_REDIRECT, exchange, () -> responseDetails(exchange, response, shown, null));
        }
    }

    private void failed(Exchange exchange, Throwable failure) {
        if (exchange.finished.compareAndSet(false, true)) {
            String error = NetErrorException.errorOf(failure);
            fire(Event.ERROR_OCCURRED, exchange, () -> exchange.details(null, null, 0, null, error, false));
        }
    }

    private void completed(Exchange exchange, NetResponse response) {
        if (exchange.finished.compareAndSet(false, true)) {
            fire(Event.COMPLETED, exchange, () -> responseDetails(exchange, response, null, null));
        }
    }

    private static WebRequestDetails responseDetails(Exchange exchange, NetResponse response, String redirectURL, String error) {
        exchange.fromCache = response.fromCache();
        exchange.ip = response.ip();
        return exchange.details(toMap(response.headers()), statusLine(response), response.code(), redirectURL, error, false);
    }

    static String statusLine(NetResponse response) {
        return "HTTP/1.1 " + response.code() + (response.message().isEmpty() ? "" : " " + response.message());
    }

    /** Fires onCompleted at the end of the body, onErrorOccurred when reading it fails or the page gives up. */
    private final class ObservedBody extends FilterInputStream {
        private final Exchange exchange;
        private final NetResponse response;
        private final long expected;
        private long read;

        ObservedBody(InputStream in, Exchange exchange, NetResponse response) {
            super(in);
            this.exchange = exchange;
            this.response = response;
            long length = -1;
            String header = response.header("Content-Length");
            if (header != null) {
                try {
                    length = Long.parseLong(header.trim());
                } catch (NumberFormatException ignored) {
                    length = -1;
                }
            }
            this.expected = length;
        }

        @Override
        public int read() throws IOException {
            try {
                int b = super.read();
                if (b < 0) {
                    completed(exchange, response);
                } else {
                    read++;
                }
                return b;
            } catch (IOException e) {
                failed(exchange, e);
                throw e;
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            try {
                int n = super.read(buffer, offset, length);
                if (n < 0) {
                    completed(exchange, response);
                } else {
                    read += n;
                }
                return n;
            } catch (IOException e) {
                failed(exchange, e);
                throw e;
            }
        }

        @Override
        public void close() throws IOException {
            try {
                super.close();
            } finally {
                if (expected >= 0 && read >= expected) {
                    completed(exchange, response);
                } else {
                    failed(exchange, new NetErrorException("net::ERR_ABORTED", "the page stopped reading " + exchange.url));
                }
            }
        }
    }

    private final class SendHeadersLink implements Interceptor {
        @Override
        public NetResponse intercept(Chain chain) throws IOException {
            NetRequest request = chain.request();
            Exchange exchange = CURRENT.get();
            if (exchange == null) {
                return chain.proceed(request);
            }
            Headers[] headers = {request.headers()};
            if (has(Event.BEFORE_SEND_HEADERS) || has(Event.SEND_HEADERS) || has(Event.HEADERS_RECEIVED)) {
                exchange.requestHeaders = toFlatMap(headers[0]);
            }
            decide(Event.BEFORE_SEND_HEADERS, exchange, () -> exchange.details(null, null, 0, null, null, false),
                    (BeforeSendHeadersResponse answer) -> {
                        if (answer.cancel()) {
                            throw cancelled(exchange.url);
                        }
                        if (answer.requestHeaders() != null) {
                            headers[0] = HeaderChecks.build(answer.requestHeaders(), exchange.url);
                            exchange.requestHeaders = toFlatMap(headers[0]);
                        }
                        return true;
                    });
            fire(Event.SEND_HEADERS, exchange, () -> exchange.details(null, null, 0, null, null, false));
            NetRequest sent = headers[0] == request.headers() ? request : request.withHeaders(headers[0]);
            CURRENT.set(null);
            NetResponse response;
            try {
                response = chain.proceed(sent);
            } finally {
                CURRENT.set(exchange);
            }
            if (!has(Event.HEADERS_RECEIVED)) {
                return response;
            }
            NetResponse[] current = {response};
            try {
                decide(Event.HEADERS_RECEIVED, exchange,
                        () -> exchange.details(toMap(current[0].headers()), statusLine(current[0]), current[0].code(), null, null, false),
                        (HeadersReceivedResponse answer) -> {
                            if (answer.cancel()) {
                                throw cancelled(exchange.url);
                            }
                            NetResponse next = current[0];
                            if (answer.responseHeaders() != null) {
                                next = next.withHeaders(HeaderChecks.buildMulti(answer.responseHeaders(), exchange.url));
                            }
                            if (answer.statusLine() != null) {
                                next = HeaderChecks.withStatusLine(next, answer.statusLine(), exchange.url);
                            }
                            current[0] = next;
                            return true;
                        });
            } catch (IOException e) {
                closeQuietly(current[0].body());
                throw e;
            }
            return current[0];
        }

        @Override
        public String toString() {
            return "WebRequest.sendHeaders";
        }
    }

    private static void closeQuietly(InputStream body) {
        if (body != null) {
            try {
                body.close();
            } catch (IOException ignored) {
                // the request fails anyway
            }
        }
    }

    static Map<String, String> toFlatMap(Headers headers) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < headers.size(); i++) {
            String name = headers.name(i);
            String existing = findKey(map, name);
            if (existing == null) {
                map.put(name, headers.value(i));
            } else {
                map.put(existing, map.get(existing) + (name.equalsIgnoreCase("Cookie") ? "; " : ", ") + headers.value(i));
            }
        }
        return Collections.unmodifiableMap(map);
    }

    private static String findKey(Map<String, ?> map, String name) {
        for (String key : map.keySet()) {
            if (key.equalsIgnoreCase(name)) {
                return key;
            }
        }
        return null;
    }

    static Map<String, List<String>> toMap(Headers headers) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (int i = 0; i < headers.size(); i++) {
            String name = headers.name(i);
            String key = findKey(map, name);
            map.computeIfAbsent(key == null ? name : key, k -> new ArrayList<>()).add(headers.value(i));
        }
        map.replaceAll((k, v) -> List.copyOf(v));
        return Collections.unmodifiableMap(map);
    }

    /** Which requests one listener sees. */
    private record Matcher(List<UrlPattern> include, List<UrlPattern> exclude, java.util.Set<ResourceType> types) {
        static Matcher of(WebRequestFilter filter) {
            return new Matcher(filter.urls().stream().map(UrlPattern::parse).toList(),
                    filter.excludeUrls().stream().map(UrlPattern::parse).toList(), filter.types());
        }

        boolean matches(String url, ResourceType type) {
            if (!types.isEmpty() && !types.contains(type)) {
                return false;
            }
            if (!include.isEmpty() && include.stream().noneMatch(p -> p.matches(url))) {
                return false;
            }
            return exclude.stream().noneMatch(p -> p.matches(url));
        }
    }
}
