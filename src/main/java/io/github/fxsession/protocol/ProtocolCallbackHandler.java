package io.github.fxsession.protocol;

import java.util.function.Consumer;

/**
 * Answers the requests of a scheme through a callback: the handler of Electron's older
 * {@code registerXProtocol} and {@code interceptXProtocol} methods.
 *
 * <pre>{@code
 * session.protocol().registerFileProtocol("atom", (request, callback) ->
 *         callback.accept(ProtocolResponse.ofPath(root.resolve(request.url().substring(7)))));
 * }</pre>
 *
 * <h2>Threading</h2>
 * Called on a network thread; must be thread-safe and must not touch the scene graph. The callback may
 * be called later from any thread; later calls are ignored.
 *
 * @since 0.2
 */
@FunctionalInterface
public interface ProtocolCallbackHandler {

    /**
     * Answers one request by calling {@code callback} once.
     *
     * @param request the request
     * @param callback takes the response; the first call wins
     * @throws Exception the page's load fails ({@code net::ERR_FAILED})
     */
    void handle(ProtocolRequest request, Consumer<ProtocolResponse> callback) throws Exception;
}
