package io.github.fxsession.net;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What {@code Session.clearStorageData} clears: Electron's {@code options} object of
 * {@code ses.clearStorageData([options])}.
 *
 * <pre>{@code
 * session.clearStorageData(ClearStorageDataOptions.builder()
 *         .origin("https://example.com")
 *         .storages(StorageType.COOKIES, StorageType.LOCALSTORAGE)
 *         .build()).join();
 * }</pre>
 *
 * <p>Threading: immutable; any thread.
 *
 * @param origin the only origin to clear, as {@code window.location.origin} writes it
 *     ({@code scheme://host[:port]}, the default port left out), or {@code null} for every origin
 * @param storages the kinds of storage to clear; never empty ({@link #all()} has every kind)
 * @param quotas the quota types to clear; never empty (WebView has no quotas: see {@link QuotaType})
 * @since 0.2
 */
public record ClearStorageDataOptions(String origin, Set<StorageType> storages, Set<QuotaType> quotas) {

    private static final ClearStorageDataOptions ALL = new ClearStorageDataOptions(null,
            EnumSet.allOf(StorageType.class), EnumSet.allOf(QuotaType.class));

    /**
     * Checks and normalizes the values.
     *
     * @throws IllegalArgumentException when {@code origin} is not an origin, or a set is empty
     */
    public ClearStorageDataOptions {
        origin = origin == null ? null : normalizeOrigin(origin);
        Objects.requireNonNull(storages, "storages == null");
        Objects.requireNonNull(quotas, "quotas == null");
        if (storages.isEmpty()) {
            throw new IllegalArgumentException("storages must name at least one storage type: []"
                    + " (leave it unset to clear every kind)");
        }
        if (quotas.isEmpty()) {
            throw new IllegalArgumentException("quotas must name at least one quota type: []"
                    + " (leave it unset to clear every quota)");
        }
        storages = Set.copyOf(EnumSet.copyOf(storages));
        quotas = Set.copyOf(EnumSet.copyOf(quotas));
    }

    /**
     * Every storage kind of every origin (Electron's {@code clearStorageData()} without options).
     *
     * @return the options that clear everything
     */
    public static ClearStorageDataOptions all() {
        return ALL;
    }

    /**
     * Whether {@code type} is to be cleared.
     *
     * @param type a storage kind
     * @return whether {@link #storages()} contains it
     */
    public boolean clears(StorageType type) {
        return storages.contains(type);
    }

    /**
     * A builder that starts with every origin, every storage kind and every quota type.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * {@code value} as {@code window.location.origin} writes it: lower-case scheme and host, the port
     * only when it is not the scheme's default.
     *
     * @throws IllegalArgumentException when {@code value} has no scheme and host, or has a path, query,
     *     fragment or user info
     */
    static String normalizeOrigin(String value) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw badOrigin(value);
        }
        String path = uri.getRawPath();
        if (uri.getScheme() == null || uri.getHost() == null || uri.getRawUserInfo() != null
                || uri.getRawQuery() != null || uri.getRawFragment() != null
                || (path != null && !path.isEmpty() && !path.equals("/"))) {
            throw badOrigin(value);
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        return scheme + "://" + host + (defaultPort ? "" : ":" + port);
    }

    private static IllegalArgumentException badOrigin(String value) {
        return new IllegalArgumentException("origin must be scheme://host[:port] as window.location.origin"
                + " writes it: '" + value + "'");
    }

    /** Builds {@link ClearStorageDataOptions}; any thread, not thread-safe. */
    public static final class Builder {
        private String origin;
        private Set<StorageType> storages = EnumSet.allOf(StorageType.class);
        private Set<QuotaType> quotas = EnumSet.allOf(QuotaType.class);

        private Builder() {
        }

        /**
         * Clears only one origin.
         *
         * @param value {@code scheme://host[:port]}; {@code null} (the default) clears every origin
         * @return this builder
         */
        public Builder origin(String value) {
            this.origin = value;
            return this;
        }

        /**
         * Clears only these kinds (default: every kind).
         *
         * @param values the kinds to clear
         * @return this builder
         */
        public Builder storages(StorageType... values) {
            Objects.requireNonNull(values, "storages == null");
            this.storages = values.length == 0 ? Set.of() : EnumSet.copyOf(Arrays.asList(values));
            return this;
        }

        /**
         * Clears only the kinds Electron names so ({@code "cookies"}, {@code "localstorage"}, ...).
         *
         * @param electronNames Electron's strings of the kinds to clear
         * @return this builder
         * @throws IllegalArgumentException for a string Electron does not define, quoting it
         */
        public Builder storages(String... electronNames) {
            Objects.requireNonNull(electronNames, "storages == null");
            return storages(Arrays.stream(electronNames).map(StorageType::fromElectronName).toArray(StorageType[]::new));
        }

        /**
         * Clears only these quota types (default: every type).
         *
         * @param values the quota types to clear
         * @return this builder
         */
        public Builder quotas(QuotaType... values) {
            Objects.requireNonNull(values, "quotas == null");
            this.quotas = values.length == 0 ? Set.of() : EnumSet.copyOf(Arrays.asList(values));
            return this;
        }

        /**
         * Clears only the quota types Electron names so ({@code "temporary"}, ...).
         *
         * @param electronNames Electron's strings of the quota types
         * @return this builder
         * @throws IllegalArgumentException for a string Electron does not define, quoting it
         */
        public Builder quotas(String... electronNames) {
            Objects.requireNonNull(electronNames, "quotas == null");
            return quotas(Arrays.stream(electronNames).map(QuotaType::fromElectronName).toArray(QuotaType[]::new));
        }

        /**
         * Builds the options.
         *
         * @return the checked options
         * @throws IllegalArgumentException when the origin is malformed or a set is empty
         */
        public ClearStorageDataOptions build() {
            return new ClearStorageDataOptions(origin, storages, quotas);
        }
    }
}
