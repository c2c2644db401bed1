package io.github.fxsession.webrequest;

import java.util.function.Consumer;

/**
 * A listener that decides about a request and answers through {@code callback}, at once or later from
 * any thread (Electron's {@code listener(details, callback)}). The request waits until the callback is
 * called; later calls are ignored. A listener that throws lets the request go on unchanged (logged).
 *
 * <pre>{@code
 * webRequest.onBeforeRequest(filter, (details, callback) -> callback.accept(BeforeRequestResponse.cancelled()));
 * }</pre>
 *
 * <h2>Threading</h2>
 * Called on a network thread; must be thread-safe and must not touch the scene graph. Synchronous XHR
 * runs on the FX Application Thread: then a callback not answered before the listener returns is awaited
 * in a nested event loop ({@code Platform.enterNestedEventLoop}), so a listener may answer from
 * {@code Platform.runLater}; where no nested loop may start (during an animation or layout pulse) the
 * request fails with a message saying so.
 *
 * @param <R> the answer's type
 * @since 0.2
 */
@FunctionalInterface
public interface WebRequestListener<R> {

    /**
     * Handles one request's event; call {@code callback} once, now or later.
     *
     * @param details the request
     * @param callback takes the answer
     */
    void handle(WebRequestDetails details, Consumer<R> callback);
}
