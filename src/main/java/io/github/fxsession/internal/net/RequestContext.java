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
 */
public record RequestContext(SessionCore session, EngineBinding binding, ResourceType resourceType) {

    public RequestContext {
        Objects.requireNonNull(session, "session == null");
        Objects.requireNonNull(resourceType, "resourceType == null");
    }
}
