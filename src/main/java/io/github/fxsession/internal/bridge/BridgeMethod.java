package io.github.fxsession.internal.bridge;

import io.github.fxsession.internal.session.EngineBinding;
import tools.jackson.databind.JsonNode;

/**
 * One method pages can call through the bridge. Capabilities register theirs with
 * {@link PageBridge#register(String, BridgeMethod)}.
 *
 * <p>Threading: called on the FX Application Thread, synchronously while the page waits; must be fast
 * and must never block on the network.
 */
@FunctionalInterface
public interface BridgeMethod {

    /**
     * Answers a call from a page of {@code binding}'s engine.
     *
     * @param args the page's argument, already parsed (a JSON null when it gave none)
     * @return a value Jackson can write as JSON, or {@code null}
     * @throws IllegalArgumentException to answer the page with an error carrying the message
     */
    Object call(EngineBinding binding, JsonNode args);
}
