package io.github.fxsession.cookies;

/**
 * Which cookies {@link Cookies#get(CookieFilter)} returns: Electron's {@code filter} object. Every
 * property left {@code null} matches everything.
 *
 * <pre>{@code
 * CookieFilter filter = CookieFilter.builder().url("https://example.com/app").httpOnly(false).build();
 * }</pre>
 *
 * <p>Threading: immutable; any thread.
 *
 * @param url cookies that would be sent to this URL (domain, path and {@code Secure} match; SameSite is
 *     not considered and HttpOnly cookies are included, as in Electron); the URL is checked by
 *     {@link Cookies#get(CookieFilter)}
 * @param name cookies with this exact name
 * @param domain cookies whose domain equals or is a subdomain of this one ({@code .example.com} and
 *     {@code example.com} both match {@code a.b.example.com}, never {@code otherexample.com})
 * @param path cookies with this exact path
 * @param secure cookies with this {@code Secure} flag
 * @param session session cookies ({@code true}) or persistent ones ({@code false})
 * @param httpOnly cookies with this {@code HttpOnly} flag
 * @since 0.2
 */
public record CookieFilter(String url, String name, String domain, String path, Boolean secure, Boolean session,
                           Boolean httpOnly) {

    private static final CookieFilter ALL = new CookieFilter(null, null, null, null, null, null, null);

    /**
     * The filter that matches every cookie (Electron's {@code {}}).
     *
     * @return the filter with no property set
     */
    public static CookieFilter all() {
        return ALL;
    }

    /**
     * A filter of the cookies that would be sent to {@code url}.
     *
     * @param url an http or https URL
     * @return the filter
     */
    public static CookieFilter url(String url) {
        return builder().url(url).build();
    }

    /**
     * A builder with no property set.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link CookieFilter}; any thread, not thread-safe. */
    public static final class Builder {
        private String url;
        private String name;
        private String domain;
        private String path;
        private Boolean secure;
        private Boolean session;
        private Boolean httpOnly;

        private Builder() {
        }

        /**
         * Sets {@code url}.
         *
         * @param value the URL cookies would be sent to; {@code null} for the default
         * @return this builder
         */
        public Builder url(String value) {
            this.url = value;
            return this;
        }

        /**
         * Sets {@code name}.
         *
         * @param value the exact name; {@code null} for the default
         * @return this builder
         */
        public Builder name(String value) {
            this.name = value;
            return this;
        }

        /**
         * Sets {@code domain}.
         *
         * @param value the domain (or a parent of it); {@code null} for the default
         * @return this builder
         */
        public Builder domain(String value) {
            this.domain = value;
            return this;
        }

        /**
         * Sets {@code path}.
         *
         * @param value the exact path; {@code null} for the default
         * @return this builder
         */
        public Builder path(String value) {
            this.path = value;
            return this;
        }

        /**
         * Sets {@code secure}.
         *
         * @param value the {@code Secure} flag; {@code null} for the default
         * @return this builder
         */
        public Builder secure(Boolean value) {
            this.secure = value;
            return this;
        }

        /**
         * Sets {@code session}.
         *
         * @param value {@code true} for session cookies, {@code false} for persistent ones; {@code null} for the default
         * @return this builder
         */
        public Builder session(Boolean value) {
            this.session = value;
            return this;
        }

        /**
         * Sets {@code httpOnly}.
         *
         * @param value the {@code HttpOnly} flag; {@code null} for the default
         * @return this builder
         */
        public Builder httpOnly(Boolean value) {
            this.httpOnly = value;
            return this;
        }

        /**
         * Builds the filter.
         *
         * @return the filter
         */
        public CookieFilter build() {
            return new CookieFilter(url, name, domain, path, secure, session, httpOnly);
        }
    }
}
