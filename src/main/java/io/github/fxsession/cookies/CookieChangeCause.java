package io.github.fxsession.cookies;

/**
 * Why a cookie changed, carrying Electron's string for it (the {@code cause} of the {@code 'changed'}
 * event).
 *
 * <p>Threading: immutable; any thread.
 *
 * @since 0.2
 */
public enum CookieChangeCause {
    /** A cookie was added ({@code removed} is false). */
    INSERTED("inserted"),
    /** A cookie was removed by a direct API call or a script or header that expired it on purpose. */
    EXPLICIT("explicit"),
    /** A cookie was replaced by a new one with the same name, domain and path. */
    OVERWRITE("overwrite"),
    /** A cookie reached its expiry. */
    EXPIRED("expired"),
    /** A cookie was evicted by the store's size limits. */
    EVICTED("evicted"),
    /** A cookie was replaced by one with an expiry in the past. */
    EXPIRED_OVERWRITE("expired-overwrite"),
    /** An identical cookie replaced it (nothing visible changed). */
    INSERTED_NO_CHANGE_OVERWRITE("inserted-no-change-overwrite"),
    /** A cookie with the same value but other attributes replaced it. */
    INSERTED_NO_VALUE_CHANGE_OVERWRITE("inserted-no-value-change-overwrite");

    private final String electronName;

    CookieChangeCause(String electronName) {
        this.electronName = electronName;
    }

    /** Electron's string, such as {@code expired-overwrite}. */
    public String electronName() {
        return electronName;
    }

    @Override
    public String toString() {
        return electronName;
    }
}
