package io.github.fxsession.permission;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * How a partition decides permissions when the application set no handler: ask the user (the
 * default), deny everything without asking, or allow a fixed list and deny the rest without asking
 * (kiosks).
 *
 * <pre>{@code
 * Session.fromPartition("persist:kiosk").setPermissionPolicy(PermissionPolicy.allowOnly(Permission.FULLSCREEN));
 * Session.fromPartition("guest").setPermissionPolicy(PermissionPolicy.denyAll());
 * }</pre>
 *
 * <p>A {@link PermissionRequestHandler} or {@link PermissionCheckHandler}, once set, decides instead:
 * the policy is what {@code null} handlers fall back on. With {@link #ask()}, requests go to remembered
 * decisions, then to the default JavaFX prompt; checks answer from remembered decisions and the
 * decisions of this run, else "not granted yet" ({@code "prompt"} in {@code navigator.permissions}).
 * Electron has no equivalent; Qt WebEngine and WebView2 keep such decisions too.
 *
 * <p>Threading: any thread (immutable).
 *
 * @since 0.2
 */
public final class PermissionPolicy {

    private static final PermissionPolicy ASK = new PermissionPolicy(true, EnumSet.noneOf(Permission.class));
    private static final PermissionPolicy DENY_ALL = new PermissionPolicy(false, EnumSet.noneOf(Permission.class));

    private final boolean asksUser;
    private final Set<Permission> allowed;

    private PermissionPolicy(boolean asksUser, Set<Permission> allowed) {
        this.asksUser = asksUser;
        this.allowed = Set.copyOf(allowed);
    }

    /**
     * The default: remembered decisions, else the JavaFX prompt.
     *
     * @return the policy
     */
    public static PermissionPolicy ask() {
        return ASK;
    }

    /**
     * Denies every request and check without asking.
     *
     * @return the policy
     */
    public static PermissionPolicy denyAll() {
        return DENY_ALL;
    }

    /**
     * Allows {@code permissions} without asking and denies every other one without asking.
     *
     * @param permissions the permissions to allow
     * @return the policy
     */
    public static PermissionPolicy allowOnly(Permission... permissions) {
        Objects.requireNonNull(permissions, "permissions == null");
        return allowOnly(java.util.Arrays.asList(permissions));
    }

    /**
     * Allows {@code permissions} without asking and denies every other one without asking.
     *
     * @param permissions the permissions to allow
     * @return the policy
     */
    public static PermissionPolicy allowOnly(Collection<Permission> permissions) {
        Objects.requireNonNull(permissions, "permissions == null");
        Set<Permission> set = EnumSet.noneOf(Permission.class);
        for (Permission permission : permissions) {
            set.add(Objects.requireNonNull(permission, "permissions must not contain null"));
        }
        return new PermissionPolicy(false, set);
    }

    /**
     * Whether this policy asks the user.
     *
     * @return {@code true} for {@link #ask()} only
     */
    public boolean asksUser() {
        return asksUser;
    }

    /**
     * The permissions allowed without asking.
     *
     * @return the set (empty for {@link #ask()} and {@link #denyAll()})
     */
    public Set<Permission> allowedPermissions() {
        return allowed;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PermissionPolicy other && other.asksUser == asksUser && other.allowed.equals(allowed);
    }

    @Override
    public int hashCode() {
        return Boolean.hashCode(asksUser) * 31 + allowed.hashCode();
    }

    @Override
    public String toString() {
        return asksUser ? "PermissionPolicy[ask]"
                : allowed.isEmpty() ? "PermissionPolicy[denyAll]" : "PermissionPolicy[allowOnly " + allowed + "]";
    }
}
