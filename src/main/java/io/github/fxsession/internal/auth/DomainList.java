package io.github.fxsession.internal.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Chromium's server allow list for integrated authentication ({@code "*example.com, *foobar.com, *baz"}):
 * comma-separated host patterns where {@code *} matches any run of characters; {@code "*"} matches every
 * host; {@code ""} matches none.
 *
 * <p>Threading: immutable; any thread.
 */
record DomainList(String source, List<Pattern> patterns) {

    static final DomainList NONE = new DomainList("", List.of());
    private static final Pattern ENTRY = Pattern.compile("[A-Za-z0-9.*_\\-\\[\\]:]+");

    /**
     * @throws IllegalArgumentException naming the bad entry when one is empty or has characters no host
     *     pattern has
     */
    static DomainList parse(String domains) {
        Objects.requireNonNull(domains, "domains == null");
        if (domains.isBlank()) {
            return NONE;
        }
        List<Pattern> patterns = new ArrayList<>();
        for (String raw : domains.split(",", -1)) {
            String entry = raw.trim();
            if (!ENTRY.matcher(entry).matches()) {
                throw new IllegalArgumentException("domains: invalid host pattern '" + entry + "' in '" + domains
                        + "' (expected comma-separated host names where * matches anything, such as '*example.com, *baz')");
            }
            List<String> parts = new ArrayList<>();
            for (String part : entry.toLowerCase(Locale.ROOT).split("\\*", -1)) {
                parts.add(Pattern.quote(part));
            }
            String regex = String.join(".*", parts);
            patterns.add(Pattern.compile(regex));
        }
        return new DomainList(domains, List.copyOf(patterns));
    }

    boolean matches(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        for (Pattern pattern : patterns) {
            if (pattern.matcher(lower).matches()) {
                return true;
            }
        }
        return false;
    }
}
