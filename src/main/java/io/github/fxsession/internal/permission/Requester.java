package io.github.fxsession.internal.permission;

import io.github.fxsession.internal.session.EngineBinding;

/**
 * The frame that asks for a permission.
 *
 * @param binding its engine
 * @param url the frame's URL
 * @param origin its origin, or {@code null} when opaque
 * @param mainFrame whether it is the main frame
 * @param verified whether {@code url} is proven (by the document's bridge capability, or by being the
 *     engine's own location); decisions are remembered and reused only for verified frames
 * @param topOrigin the origin of the engine's main frame, or {@code null}
 */
record Requester(EngineBinding binding, String url, String origin, boolean mainFrame, boolean verified, String topOrigin) {

    /** Whether the frame is a frame of another origin than the main frame. */
    boolean crossOriginFrame() {
        return !mainFrame && (origin == null || !origin.equals(topOrigin));
    }
}
