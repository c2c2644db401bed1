package io.github.fxsession.permission;

import io.github.fxsession.WebContents;

/**
 * Decides permission requests of a partition's pages (Electron's handler for
 * {@code ses.setPermissionRequestHandler}).
 *
 * <pre>{@code
 * session.setPermissionRequestHandler((contents, permission, callback, details) -> {
 *     if (permission == Permission.NOTIFICATIONS && details.requestingUrl().startsWith("https://app.example/")) {
 *         callback.grant(true);
 *     } else {
 *         callback.grant(false);
 *     }
 * });
 * }</pre>
 *
 * <p>The handler may answer at once or later (from any thread). If it throws, the request is denied.
 *
 * <p>Threading: called on the FX Application Thread; must not block (answer later through the callback
 * instead).
 *
 * @since 0.2
 */
@FunctionalInterface
public interface PermissionRequestHandler {

    /**
     * Decides one request.
     *
     * @param webContents the contents whose page (or one of its frames) asks
     * @param permission what it asks for
     * @param callback where the answer goes; call it exactly once
     * @param details the requesting frame's URL and the request's specifics
     */
    void handle(WebContents webContents, Permission permission, PermissionCallback callback,
            PermissionRequestDetails details);
}
