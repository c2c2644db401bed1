package io.github.fxsession.permission;

import io.github.fxsession.WebContents;

/**
 * Answers permission checks of a partition's pages (Electron's handler for
 * {@code ses.setPermissionCheckHandler}): {@code Notification.permission},
 * {@code navigator.permissions.query(...)}, and whether a notification may be shown.
 *
 * <pre>{@code
 * session.setPermissionCheckHandler((contents, permission, requestingOrigin, details) ->
 *         permission == Permission.NOTIFICATIONS && requestingOrigin.equals("https://app.example"));
 * }</pre>
 *
 * <p>If it throws, the check answers {@code false}.
 *
 * <p>Threading: called on the FX Application Thread while the page waits; must be fast.
 *
 * @since 0.2
 */
@FunctionalInterface
public interface PermissionCheckHandler {

    /**
     * Answers one check.
     *
     * @param webContents the contents whose page checks, or {@code null} for a cross-origin frame (as
     *     in Electron: use {@code requestingOrigin} and {@link PermissionCheckDetails#embeddingOrigin()})
     * @param permission what is checked
     * @param requestingOrigin the origin of the checking frame, such as {@code https://example.com}
     * @param details the frame's URL (same-origin frames only) and the check's specifics
     * @return whether the permission is granted
     */
    boolean check(WebContents webContents, Permission permission, String requestingOrigin, PermissionCheckDetails details);
}
