package io.github.fxsession.cookies;

import java.util.Objects;

/**
 * A cookie to set with {@link Cookies#set(CookieDetails)}: Electron's {@code details} object. Only
 * {@code url} is required; {@code null} properties take Electron's defaults (empty name and value, though
 * not both, a host-only cookie for the URL's host, the URL's default path, not secure, not HttpOnly, a session
 * cookie, {@link SameSite#LAX}).
 *
 * <pre>{@code
 * session.cookies().set(CookieDetails.builder("https://example.com")
 *         .name("theme").value("dark").expirationDate(Instant.now().plus(Duration.ofDays(30)))
 *         .build());
 * }</pre>
 *
 * <p>Threading: immutable; any thread.
 *
 * @param url the URL the cookie is set for; checked by {@link Cookies#set(CookieDetails)}
 * @param name the name
 * @param value the value
 * @param domain the domain; it must domain-match {@code url}'s host; a domain cookie is made
 * @param path the path
 * @param secure the {@code Secure} flag
 * @param httpOnly the {@code HttpOnly} flag
 * @param expirationDate seconds since the UNIX epoch; {@code null} makes a session cookie
 * @param sameSite the SameSite policy
 * @since 0.2
 */
public record CookieDetails(String url, String name, String value, String domain, String path, Boolean secure,
                            Boolean httpOnly, Double expirationDate, SameSite sameSite) {

    /** Checks that {@code url} is present; the rest is checked by {@link Cookies#set(CookieDetails)}. */
    public CookieDetails {
        Objects.requireNonNull(url, "url == null");
    }

    /**
     * A builder for a cookie set for {@code url}.
     *
     * @param url the URL the cookie is set for (http or https)
     * @return a builder with every other property at its default
     */
    public static Builder builder(String url) {
        return new Builder(url);
    }

    /** Builds {@link CookieDetails}; any thread, not thread-safe. */
    public static final class Builder {
        private final String url;
        private String name;
        private String value;
        private String domain;
        private String path;
        private Boolean secure;
        private Boolean httpOnly;
        private Double expirationDate;
        private SameSite sameSite;

        private Builder(String url) {
            this.url = Objects.requireNonNull(url, "url == null");
        }

        /**
         * Sets {@code name}.
         *
         * @param text the name; {@code null} for the default
         * @return this builder
         */
        public Builder name(String text) {
            this.name = text;
            return this;
        }

        /**
         * Sets {@code value}.
         *
         * @param text the value; {@code null} for the default
         * @return this builder
         */
        public Builder value(String text) {
            this.value = text;
            return this;
        }

        /**
         * Sets {@code domain}.
         *
         * @param text the domain; a domain cookie is made for it; {@code null} for the default
         * @return this builder
         */
        public Builder domain(String text) {
            this.domain = text;
            return this;
        }

        /**
         * Sets {@code path}.
         *
         * @param text the path; {@code null} for the default
         * @return this builder
         */
        public Builder path(String text) {
            this.path = text;
            return this;
        }

        /**
         * Sets {@code secure}.
         *
         * @param flag the {@code Secure} flag; {@code null} for the default
         * @return this builder
         */
        public Builder secure(Boolean flag) {
            this.secure = flag;
            return this;
        }

        /**
         * Sets {@code httpOnly}.
         *
         * @param flag the {@code HttpOnly} flag; {@code null} for the default
         * @return this builder
         */
        public Builder httpOnly(Boolean flag) {
            this.httpOnly = flag;
            return this;
        }

        /**
         * Sets the expiry in seconds since the UNIX epoch, as in Electron.
         *
         * @param seconds the expiry; {@code null} for a session cookie
         * @return this builder
         */
        public Builder expirationDate(Double seconds) {
            this.expirationDate = seconds;
            return this;
        }

        /**
         * Sets the expiry as an instant (converted to Electron's seconds).
         *
         * @param instant the expiry; {@code null} for a session cookie
         * @return this builder
         */
        public Builder expirationDate(java.time.Instant instant) {
            this.expirationDate = instant == null ? null : instant.toEpochMilli() / 1000.0;
            return this;
        }

        /**
         * Sets {@code sameSite}.
         *
         * @param policy the SameSite policy; {@code null} for the default
         * @return this builder
         */
        public Builder sameSite(SameSite policy) {
            this.sameSite = policy;
            return this;
        }

        /**
         * Sets the SameSite policy by Electron's string.
         *
         * @param policy {@code unspecified}, {@code no_restriction}, {@code lax} or {@code strict};
         *     {@code null} for the default ({@code lax})
         * @return this builder
         * @throws IllegalArgumentException for any other string, quoting it
         */
        public Builder sameSite(String policy) {
            this.sameSite = policy == null ? null : SameSite.fromElectronName(policy);
            return this;
        }

        /**
         * Builds the details.
         *
         * @return the details
         */
        public CookieDetails build() {
            return new CookieDetails(url, name, value, domain, path, secure, httpOnly, expirationDate, sameSite);
        }
    }
}
