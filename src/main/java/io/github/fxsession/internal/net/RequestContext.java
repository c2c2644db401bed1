package io.github.fxsession.internal.net;

import io.github.fxsession.internal.session.EngineBinding;
import io.github.fxsession.internal.session.SessionCore;
import java.util.Objects;

/**
 * Who a request belongs to: its session, and the attached engine that made it when it is known.
 *
 * @param session the session whose state and client serve the request
 * @param binding the attached engine, or {@code null} for engines that were never attached
 * @param resourceType what the request loads
 * @param bypassCache the HTTP cache neither serves nor stores the response (downloads: Chromium loads
 *        them with {@code LOAD_DISABLE_CACHE}, so a large file never lands in the cache too)
 */
public record RequestContext(SessionCore session, EngineBinding binding, ResourceType resourceType, boolean bypassCache) {

    public RequestContext {
        Objects.requireNonNull(session, "session == null");
        Objects.requireNonNull(resourceType, "resourceType == null");
    }

    /** A request the HTTP cache may serve and store. */
    public RequestContext(SessionCore session, EngineBinding binding, ResourceType resourceType) {
        this(session, binding, resourceType, false);
    }
}
