package io.github.fxsession.internal.net;

import java.io.IOException;

/**
 * One link of a session's network chain, in the style of OkHttp's interceptors: it sees the request,
 * may rewrite it, answers it itself or calls {@link Chain#proceed(NetRequest)} exactly once, and may
 * rewrite the response on the way back.
 *
 * <p>Capabilities plug into the chain by {@link Stage}: cookies, proxy, webRequest, protocols,
 * emulation, downloads and the net log each add an interceptor at their stage.
 *
 * <p>Threading: called on the thread that loads the resource (a WebKit {@code URL-Loader} thread, or the
 * FX Application Thread for synchronous XHR); must be thread-safe and must not touch the scene graph.
 */
@FunctionalInterface
public interface Interceptor {

    NetResponse intercept(Chain chain) throws IOException;

    /** The rest of the chain, as seen by one interceptor. */
    interface Chain {
        /** The request as this interceptor received it. */
        NetRequest request();

        /** Passes {@code request} to the next interceptor; call it at most once. */
        NetResponse proceed(NetRequest request) throws IOException;
    }

    /** Where in the chain an interceptor sits; lower stages run first (closer to the page). */
    enum Stage {
        /** Net log and other observers that must see the request as the page sent it. */
        OBSERVE,
        /** webRequest's onBeforeRequest (cancel, redirect) and the observers of responses. */
        WEB_REQUEST,
        /** Document rewriting: the page bridge, download take-over. */
        DOCUMENT,
        /** Session identity on the wire: User-Agent, Accept-Language. */
        IDENTITY,
        /** Cookies, cache and authentication. */
        STATE,
        /**
         * webRequest's onBeforeSendHeaders, onSendHeaders and onHeadersReceived: they see the headers that
         * really leave (identity and cookies applied) and the response before its cookies are stored.
         */
        SEND_HEADERS,
        /**
         * Custom protocol handlers that answer without the network (and intercepted http/https): they
         * sit where the network would be, so their documents get the page bridge, their requests the
         * partition's identity and cookies, and webRequest sees them like any other request.
         */
        PROTOCOL,
        /** Network emulation: offline, latency, throughput. */
        EMULATION
    }
}
