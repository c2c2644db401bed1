package io.github.fxsession.net;

/**
 * How {@code Session.enableNetworkEmulation} degrades the network: Electron's {@code options} of
 * {@code ses.enableNetworkEmulation(options)}.
 *
 * <pre>{@code
 * // GPRS: 50 kbit/s both ways and 500 ms round trips
 * session.enableNetworkEmulation(NetworkEmulationOptions.builder()
 *         .latency(500).downloadThroughput(6400).uploadThroughput(6400).build());
 * session.enableNetworkEmulation(NetworkEmulationOptions.OFFLINE);
 * }</pre>
 *
 * <p>Threading: immutable; any thread.
 *
 * @param offline whether requests fail as they do without a network ({@code net::ERR_INTERNET_DISCONNECTED})
 * @param latency the round-trip time added to each request that goes to the network, in milliseconds;
 *     {@code 0} adds none
 * @param downloadThroughput the most bytes per second the partition receives, all requests together;
 *     {@code 0} means no limit
 * @param uploadThroughput the most bytes per second the partition sends, all requests together;
 *     {@code 0} means no limit
 * @since 0.2
 */
public record NetworkEmulationOptions(boolean offline, double latency, double downloadThroughput, double uploadThroughput) {

    /** No network at all (Electron's {@code {offline: true}}). */
    public static final NetworkEmulationOptions OFFLINE = new NetworkEmulationOptions(true, 0, 0, 0);

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException when a number is negative, infinite or NaN, quoting it
     */
    public NetworkEmulationOptions {
        requireRate("latency", latency);
        requireRate("downloadThroughput", downloadThroughput);
        requireRate("uploadThroughput", uploadThroughput);
    }

    private static void requireRate(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number >= 0 (0 disables it): " + value);
        }
    }

    /**
     * A builder that starts with Electron's defaults (online, no latency, no limits).
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link NetworkEmulationOptions}; every value starts at Electron's default. Not thread-safe. */
    public static final class Builder {
        private boolean offline;
        private double latency;
        private double downloadThroughput;
        private double uploadThroughput;

        private Builder() {
        }

        /**
         * Whether requests fail as without a network.
         *
         * @param value {@code true} for offline
         * @return this builder
         */
        public Builder offline(boolean value) {
            this.offline = value;
            return this;
        }

        /**
         * The added round-trip time.
         *
         * @param milliseconds the time in milliseconds, 0 for none
         * @return this builder
         */
        public Builder latency(double milliseconds) {
            this.latency = milliseconds;
            return this;
        }

        /**
         * The download rate of the whole partition.
         *
         * @param bytesPerSecond the rate in bytes per second, 0 for no limit
         * @return this builder
         */
        public Builder downloadThroughput(double bytesPerSecond) {
            this.downloadThroughput = bytesPerSecond;
            return this;
        }

        /**
         * The upload rate of the whole partition.
         *
         * @param bytesPerSecond the rate in bytes per second, 0 for no limit
         * @return this builder
         */
        public Builder uploadThroughput(double bytesPerSecond) {
            this.uploadThroughput = bytesPerSecond;
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the checked options
         * @throws IllegalArgumentException when a number is negative, infinite or NaN, quoting it
         */
        public NetworkEmulationOptions build() {
            return new NetworkEmulationOptions(offline, latency, downloadThroughput, uploadThroughput);
        }
    }
}
