package io.github.fxsession.permission;

import java.time.Instant;
import java.util.Objects;

/**
 * A decision the user asked to remember for a site ("remember for this site" in the default prompt),
 * or one the application stored with {@link PermissionDecisions#remember}.
 *
 * <p>Electron: none (Electron remembers nothing; applications keep such decisions themselves); an
 * fxsession addition.
 *
 * <p>Threading: any thread (immutable).
 *
 * @param origin the site, such as {@code https://example.com} or {@code http://127.0.0.1:8080}
 * @param permission the permission decided
 * @param granted whether it was allowed
 * @param decidedAt when
 * @since 0.2
 */
public record RememberedPermission(String origin, Permission permission, boolean granted, Instant decidedAt) {

    /** Checks the values. */
    public RememberedPermission {
        Objects.requireNonNull(origin, "origin == null");
        Objects.requireNonNull(permission, "permission == null");
        Objects.requireNonNull(decidedAt, "decidedAt == null");
    }
}
