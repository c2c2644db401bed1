package io.github.fxsession.cookies;

/**
 * Why a cookie changed, carrying Electron's string for it (the {@code cause} of the {@code 'changed'}
 * event; Chromium's {@code net::CookieChangeCause}).
 *
 * <p>Order of the events, as Chromium's cookie store sends them:
 * <ul>
 *   <li>a new cookie: {@link #INSERTED};</li>
 *   <li>a cookie replacing one with the same name, domain and path: the old one {@link #OVERWRITE}
 *       ({@code removed}), then the new one {@link #INSERTED}, or {@link #INSERTED_NO_CHANGE_OVERWRITE}
 *       when nothing but its times changed, or {@link #INSERTED_NO_VALUE_CHANGE_OVERWRITE} when the value
 *       stayed and another attribute (flags, SameSite, expiry) changed. Chromium counts these two as
 *       insertions ({@code CookieChangeCauseIsDeletion} is false for them): their events have
 *       {@code removed == false};</li>
 *   <li>a cookie set with an expiry in the past: the old one {@link #EXPIRED_OVERWRITE}, nothing
 *       added;</li>
 *   <li>{@link Cookies#remove} and other deliberate deletions: {@link #EXPLICIT};</li>
 *   <li>expiry, noticed when the cookie's site is next looked at: {@link #EXPIRED};</li>
 *   <li>the store's limits: {@link #EVICTED}.</li>
 * </ul>
 *
 * <p>Threading: immutable; any thread.
 *
 * @since 0.2
 */
public enum CookieChangeCause {
    /** A cookie was added ({@code removed} is false). */
    INSERTED("inserted"),
    /** A cookie was removed by {@link Cookies#remove} or another deliberate deletion. */
    EXPLICIT("explicit"),
    /** A cookie was removed because a new one with the same name, domain and path replaced it. */
    OVERWRITE("overwrite"),
    /** A cookie was removed because it reached its expiry. */
    EXPIRED("expired"),
    /** A cookie was removed by the store's size limits (least recently used first). */
    EVICTED("evicted"),
    /** A cookie was removed because one with the same name, domain and path and an expiry in the past was set. */
    EXPIRED_OVERWRITE("expired-overwrite"),
    /** A cookie was added in place of an identical one (only its times differ); {@code removed} is false. */
    INSERTED_NO_CHANGE_OVERWRITE("inserted-no-change-overwrite"),
    /** A cookie was added in place of one with the same value but other attributes; {@code removed} is false. */
    INSERTED_NO_VALUE_CHANGE_OVERWRITE("inserted-no-value-change-overwrite");

    private final String electronName;

    CookieChangeCause(String electronName) {
        this.electronName = electronName;
    }

    /**
     * Electron's string.
     *
     * @return the string Electron uses, such as {@code expired-overwrite}
     */
    public String electronName() {
        return electronName;
    }

    @Override
    public String toString() {
        return electronName;
    }
}
