/**
 * Permissions of a partition: Electron's {@code ses.setPermissionRequestHandler} and
 * {@code ses.setPermissionCheckHandler}, the default JavaFX prompt with remembered decisions, a kiosk
 * {@link io.github.fxsession.permission.PermissionPolicy}, and the host hooks the permission-gated web
 * APIs need ({@link io.github.fxsession.permission.GeolocationProvider},
 * {@link io.github.fxsession.permission.ExternalUrlOpener}).
 *
 * <p>WebView's engine has no permission hooks of its own. In every page and frame of an attached
 * engine the page bridge provides {@code Notification}, {@code navigator.permissions.query},
 * {@code navigator.geolocation}, {@code navigator.clipboard.readText}, {@code requestFullscreen},
 * {@code requestPointerLock}, {@code navigator.mediaDevices.getUserMedia} and links to external
 * schemes, each of which asks the partition's handlers. Reach them through
 * {@link io.github.fxsession.Session#setPermissionRequestHandler},
 * {@link io.github.fxsession.Session#setPermissionCheckHandler},
 * {@link io.github.fxsession.Session#setPermissionPolicy} and
 * {@link io.github.fxsession.Session#permissionDecisions()}.
 *
 * @since 0.2
 */
package io.github.fxsession.permission;
