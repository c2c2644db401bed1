package io.github.fxsession.testing;

import io.github.fxsession.Session;
import io.github.fxsession.internal.net.NetRequest;
import io.github.fxsession.internal.net.NetResponse;
import io.github.fxsession.internal.net.RequestContext;
import io.github.fxsession.internal.net.ResourceType;
import io.github.fxsession.internal.session.SessionCore;
import io.github.fxsession.internal.session.SessionRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import okhttp3.Headers;

/** Requests sent through a session's whole chain (interceptors and client), without a WebView. */
public final class SessionChain {

    private SessionChain() {
    }

    /** The core behind {@code session}. */
    public static SessionCore core(Session session) {
        return SessionRegistry.loaded(session.getPartition());
    }

    /** Sends {@code method url} with {@code body} (or none) through {@code session}'s chain. */
    public static NetResponse send(Session session, String method, String url, byte[] body) throws IOException {
        SessionCore core = core(session);
        Headers headers = body == null ? Headers.of() : Headers.of("Content-Type", "application/octet-stream");
        return core.interceptors().execute(new NetRequest(url, method, headers, body,
                new RequestContext(core, null, ResourceType.OTHER)));
    }

    /** GETs {@code url} through {@code session}'s chain and reads the whole body as UTF-8. */
    public static String get(Session session, String url) throws IOException {
        try (var in = send(session, "GET", url, null).body()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
