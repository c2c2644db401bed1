package io.github.fxsession.protocol;

import java.util.concurrent.CompletionStage;

/**
 * Answers the requests of a scheme (the handler of Electron's {@code protocol.handle(scheme, handler)}).
 *
 * <pre>{@code
 * session.protocol().handle("app", request -> CompletableFuture.completedFuture(
 *         ProtocolResponse.ofString("<h1>hello</h1>", "text/html")));
 * }</pre>
 *
 * <p>A handler that throws, returns {@code null}, completes exceptionally or answers with a response
 * its kind cannot use gives the page a failed load ({@code net::ERR_FAILED}).
 *
 * <h2>Threading</h2>
 * Called on a network thread; must be thread-safe and must not touch the scene graph. The stage may
 * complete later on any thread; the request waits (synchronous XHR waits in a nested event loop on the
 * FX thread, so completing from {@code Platform.runLater} works).
 *
 * @since 0.2
 */
@FunctionalInterface
public interface ProtocolHandler {

    /**
     * Answers one request.
     *
     * @param request the request
     * @return the response, possibly completed later
     * @throws Exception the page's load fails ({@code net::ERR_FAILED})
     */
    CompletionStage<ProtocolResponse> handle(ProtocolRequest request) throws Exception;
}
