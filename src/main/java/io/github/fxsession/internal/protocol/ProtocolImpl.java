package io.github.fxsession.internal.protocol;

import io.github.fxsession.internal.net.Interceptor;
import io.github.fxsession.internal.net.NetErrorException;
import io.github.fxsession.internal.net.NetRequest;
import io.github.fxsession.internal.net.NetResponse;
import io.github.fxsession.internal.util.Await;
import io.github.fxsession.protocol.Protocol;
import io.github.fxsession.protocol.ProtocolCallbackHandler;
import io.github.fxsession.protocol.ProtocolHandler;
import io.github.fxsession.protocol.ProtocolRequest;
import io.github.fxsession.protocol.ProtocolResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.Headers;

/**
 * A partition's protocol registrations, and the chain link (stage {@code PROTOCOL}, where the network
 * would be) that answers from them.
 *
 * <p>Threading: any thread.
 */
public final class ProtocolImpl implements Protocol, Interceptor {

    /** The Content-Type a file is served with (by its name, then the platform's guess), for other capabilities. */
    public static String contentTypeOf(java.nio.file.Path file) throws java.io.IOException {
        return Responses.typeOf(file);
    }


    /** How a handler was registered, which decides what its answers may hold. */
    enum Kind {
        HANDLE("protocol.handle"), FILE("file"), BUFFER("buffer"), STRING("string"), HTTP("http"), STREAM("stream");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    record Entry(Kind kind, Object handler) {
    }

    static {
        io.github.fxsession.internal.bridge.PageBridge.addInitContributor((call, init) -> {
            Map<String, String> origins = Schemes.fetchOrigins();
            if (!origins.isEmpty()) {
                init.put("schemes", origins);
            }
            // Links to schemes this partition serves are navigations, not external URLs (permissions.js).
            init.put("handledSchemes", java.util.List.copyOf(call.binding().session().protocol().registered.keySet()));
        });
    }

    private final Map<String, Entry> registered = new ConcurrentHashMap<>();
    private final Map<String, Entry> intercepted = new ConcurrentHashMap<>();

    // ---- registration -------------------------------------------------------------------------------

    @Override
    public void handle(String scheme, ProtocolHandler handler) {
        String s = Schemes.require(scheme);
        Objects.requireNonNull(handler, "handler == null");
        boolean done;
        if (Schemes.isBuiltIn(s)) {
            requireInterceptable(s);
            done = intercepted.putIfAbsent(s, new Entry(Kind.HANDLE, handler)) == null;
        } else {
            done = registered.putIfAbsent(s, new Entry(Kind.HANDLE, handler)) == null;
            Schemes.route(s);
        }
        if (!done) {
            throw new IllegalStateException("Failed to register protocol: " + s);
        }
    }

    @Override
    public boolean unhandle(String scheme) {
        String s = Schemes.require(scheme);
        Map<String, Entry> map = Schemes.isBuiltIn(s) ? intercepted : registered;
        Entry entry = map.get(s);
        return entry != null && entry.kind == Kind.HANDLE && map.remove(s, entry);
    }

    @Override
    public boolean isProtocolHandled(String scheme) {
        return isProtocolRegistered(scheme) || isProtocolIntercepted(scheme);
    }

    private boolean register(String scheme, Kind kind, ProtocolCallbackHandler handler) {
        String s = Schemes.require(scheme);
        Objects.requireNonNull(handler, "handler == null");
        if (Schemes.isBuiltIn(s)) {
            return false;
        }
        boolean done = registered.putIfAbsent(s, new Entry(kind, handler)) == null;
        if (done) {
            Schemes.route(s);
        }
        return done;
    }

    private boolean intercept(String scheme, Kind kind, ProtocolCallbackHandler handler) {
        String s = Schemes.require(scheme);
        Objects.requireNonNull(handler, "handler == null");
        if (Schemes.isBuiltIn(s)) {
            requireInterceptable(s);
        } else {
            Schemes.route(s);
        }
        return intercepted.putIfAbsent(s, new Entry(kind, handler)) == null;
    }

    private static void requireInterceptable(String scheme) {
        if (!Schemes.isInterceptable(scheme)) {
            throw new UnsupportedOperationException("WebView never lets a URL handler see '" + scheme + ":' requests"
                    + (scheme.equals("file") ? " (the JDK does not allow overriding file:)" : "")
                    + "; only http, https and custom schemes can be handled or intercepted");
        }
    }

    @Override
    public boolean registerFileProtocol(String scheme, ProtocolCallbackHandler handler) {
        return register(scheme, Kind.FILE, handler);
    }

    @Override
    public boolean registerBufferProtocol(String scheme, ProtocolCallbackHandler handler) {
        return register(scheme, Kind.BUFFER, handler);
    }

    @Override
    public boolean registerStringProtocol(String scheme, ProtocolCallbackHandler handler) {
        return register(scheme, Kind.STRING, handler);
    }

    @Override
    public boolean registerHttpProtocol(String scheme, ProtocolCallbackHandler handler) {
        return register(scheme, Kind.HTTP, handler);
    }

    @Override
    public boolean registerStreamProtocol(String scheme, ProtocolCallbackHandler handler) {
        return register(scheme, Kind.STREAM, handler);
    }

    @Override
    public boolean unregisterProtocol(String scheme) {
        return registered.remove(Schemes.require(scheme)) != null;
    }

    @Override
    public boolean isProtocolRegistered(String scheme) {
        return registered.containsKey(Schemes.require(scheme));
    }

    @Override
    public boolean interceptFileProtocol(String scheme, ProtocolCallbackHandler handler) {
        return intercept(scheme, Kind.FILE, handler);
    }

    @Override
    public boolean interceptBufferProtocol(String scheme, ProtocolCallbackHandler handler) {
        return intercept(scheme, Kind.BUFFER, handler);
    }

    @Override
    public boolean interceptStringProtocol(String scheme, ProtocolCallbackHandler handler) {
        return intercept(scheme, Kind.STRING, handler);
    }

    @Override
    public boolean interceptHttpProtocol(String scheme, ProtocolCallbackHandler handler) {
        return intercept(scheme, Kind.HTTP, handler);
    }

    @Override
    public boolean interceptStreamProtocol(String scheme, ProtocolCallbackHandler handler) {
        return intercept(scheme, Kind.STREAM, handler);
    }

    @Override
    public boolean uninterceptProtocol(String scheme) {
        return intercepted.remove(Schemes.require(scheme)) != null;
    }

    @Override
    public boolean isProtocolIntercepted(String scheme) {
        return intercepted.containsKey(Schemes.require(scheme));
    }

    // ---- the chain link -----------------------------------------------------------------------------

    @Override
    public NetResponse intercept(Chain chain) throws IOException {
        NetRequest request = chain.request();
        String url = request.url();
        String scheme = Schemes.schemeOf(url);
        boolean web = scheme.equals("http") || scheme.equals("https");
        if (web) {
            String privileged = Schemes.fromInternal(url);
            if (privileged != null) {
                String custom = Schemes.schemeOf(privileged);
                return answer(chain, request, privileged, custom, find(custom, url));
            }
            Entry entry = intercepted.get(scheme);
            return entry == null ? chain.proceed(request) : answer(chain, request, url, scheme, entry);
        }
        Entry entry = find(scheme, url);
        String normalized = Schemes.normalize(url);
        if (request.context().resourceType().isDocument()) {
            String internal = Schemes.toInternal(normalized);
            if (internal != null) {
                return redirect(internal);
            }
            if (Schemes.lacksHost(url)) {
                return redirect(normalized);
            }
        }
        return answer(chain, request, normalized, scheme, entry);
    }

    private Entry find(String scheme, String url) throws NetErrorException {
        Entry entry = intercepted.get(scheme);
        if (entry == null) {
            entry = registered.get(scheme);
        }
        if (entry == null) {
            throw new NetErrorException("net::ERR_UNKNOWN_URL_SCHEME", "'" + scheme + ":' is not handled in this partition: " + url);
        }
        return entry;
    }

    private static NetResponse redirect(String location) {
        return new NetResponse(307, "Temporary Redirect", Headers.of("Location", location, "Cache-Control", "no-store"),
                InputStream.nullInputStream());
    }

    private NetResponse answer(Chain chain, NetRequest request, String url, String scheme, Entry entry) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 0; i < request.headers().size(); i++) {
            headers.merge(request.headers().name(i), request.headers().value(i), (a, b) -> a + ", " + b);
        }
        String referrer = request.header("Referer");
        ProtocolRequest protocolRequest = new ProtocolRequest(url, request.method(), headers,
                referrer == null ? "" : referrer, request.body() == null ? new byte[0] : request.body());
        String who = "the " + entry.kind.label + " handler of '" + scheme + ":'";
        ProtocolResponse response;
        try {
            CompletableFuture<ProtocolResponse> answer;
            if (entry.handler instanceof ProtocolHandler handler) {
                CompletionStage<ProtocolResponse> stage = handler.handle(protocolRequest);
                if (stage == null) {
                    throw new IllegalStateException("it returned null instead of a CompletionStage");
                }
                answer = stage.toCompletableFuture();
            } else {
                answer = new CompletableFuture<>();
                ((ProtocolCallbackHandler) entry.handler).handle(protocolRequest, answer::complete);
            }
            response = Await.answer(answer, who);
        } catch (NetErrorException e) {
            throw e;
        } catch (Exception e) {
            throw new NetErrorException("net::ERR_FAILED", who + " failed on " + url + ": " + e, e);
        }
        if (response == null) {
            throw new NetErrorException("net::ERR_FAILED", who + " answered null for " + url);
        }
        return Responses.toNet(response, entry.kind, who, chain, request);
    }

    @Override
    public String toString() {
        return "Protocol";
    }

}
