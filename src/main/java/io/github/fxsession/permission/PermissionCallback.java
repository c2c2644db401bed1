package io.github.fxsession.permission;

/**
 * The answer to one permission request (Electron's {@code callback(permissionGranted)}).
 *
 * <pre>{@code
 * (contents, permission, callback, details) -> CompletableFuture
 *         .supplyAsync(() -> askServer(permission))
 *         .thenAccept(callback::grant)
 * }</pre>
 *
 * <p>Only the first call counts; later ones are ignored. A request whose handler is cleared (or
 * replaced) before it answers is denied.
 *
 * <p>Threading: any thread; the page hears the answer on the FX Application Thread.
 *
 * @since 0.2
 */
@FunctionalInterface
public interface PermissionCallback {

    /**
     * Answers the request.
     *
     * @param permissionGranted {@code true} allows, {@code false} denies
     */
    void grant(boolean permissionGranted);
}
