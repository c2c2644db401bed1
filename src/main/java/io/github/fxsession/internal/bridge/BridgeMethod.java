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
     * Answers a call from a page.
     *
     * @return a value Jackson can write as JSON, or {@code null}
     * @throws IllegalArgumentException to answer the page with an error carrying the message
     */
    Object call(Call call);

    /**
     * One call from a page.
     *
     * @param binding the attached engine whose page called
     * @param documentUrl the URL the calling document was served from, proven by its bridge capability;
     *     {@code null} when the document has none (documents that did not come through the network
     *     chain: {@code loadContent}, {@code file:}, {@code about:blank} and {@code data:} frames)
     * @param args the page's argument, already parsed (a JSON null when it gave none)
     */
    record Call(EngineBinding binding, String documentUrl, JsonNode args) {
    }
}
