package io.github.fxsession.permission;

import java.util.List;
import java.util.Optional;

/**
 * The permission decisions a partition remembers per site: those the user made with "remember for this
 * site" in the default prompt, and those the application stores. They are kept on disk for
 * {@code persist:} partitions (and survive restarts), in memory for the others, never shared between
 * partitions, and cleared by {@code clearStorageData}.
 *
 * <pre>{@code
 * PermissionDecisions decisions = session.permissionDecisions();
 * decisions.remember("https://maps.example", Permission.GEOLOCATION, true);
 * decisions.list().forEach(System.out::println);
 * decisions.clear("https://maps.example");
 * }</pre>
 *
 * <p>Origins are {@code scheme://host[:port]}, the port only when it is not the scheme's default; URLs
 * are accepted and reduced to their origin.
 *
 * <p>Electron has no equivalent (it never remembers); Qt WebEngine and WebView2 do.
 *
 * <h2>Threading</h2>
 * Any thread. Changes are written to disk on a background thread, in order, each as a whole file
 * (temporary file, fsync, atomic rename).
 *
 * @since 0.2
 */
public interface PermissionDecisions {

    /**
     * Every remembered decision.
     *
     * @return the decisions, by origin then permission
     */
    List<RememberedPermission> list();

    /**
     * The remembered decision for {@code origin} and {@code permission}, if any.
     *
     * @param origin the site, or a URL of it
     * @param permission the permission
     * @return whether it was granted, or empty when nothing is remembered
     * @throws IllegalArgumentException if {@code origin} is not an http(s) or file origin or URL
     */
    Optional<Boolean> get(String origin, Permission permission);

    /**
     * Remembers a decision, replacing an earlier one for the same origin and permission.
     *
     * @param origin the site, or a URL of it
     * @param permission the permission
     * @param granted whether it is allowed
     * @throws IllegalArgumentException if {@code origin} is not an http(s) or file origin or URL
     */
    void remember(String origin, Permission permission, boolean granted);

    /**
     * Forgets the decision for {@code origin} and {@code permission}.
     *
     * @param origin the site, or a URL of it
     * @param permission the permission
     * @return whether there was one
     * @throws IllegalArgumentException if {@code origin} is not an http(s) or file origin or URL
     */
    boolean forget(String origin, Permission permission);

    /**
     * Forgets every decision of {@code origin}.
     *
     * @param origin the site, or a URL of it
     * @throws IllegalArgumentException if {@code origin} is not an http(s) or file origin or URL
     */
    void clear(String origin);

    /** Forgets every decision. */
    void clear();

    /**
     * Waits for the disk: the returned future completes once every change made before this call is
     * written (temporary file, fsync, atomic rename); at once for an in-memory partition. Like
     * {@code cookies.flushStore()}, for applications that must know a decision survives a crash.
     *
     * @return completes when the changes are on disk; fails with {@link java.io.UncheckedIOException} if
     *     the last write failed
     */
    java.util.concurrent.CompletableFuture<Void> flush();
}
