package io.github.fxsession.internal.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** Validation and formatting of the User-Agent and Accept-Language a session sends. */
public final class UserAgents {

    private UserAgents() {
    }

    /**
     * Returns {@code value} when it is a legal header value, else throws naming {@code parameter}. Only
     * printable ASCII and tabs are legal, so a value can never inject another header.
     */
    public static String requireHeaderValue(String parameter, String value) {
        Objects.requireNonNull(value, parameter + " == null");
        if (value.isBlank()) {
            throw new IllegalArgumentException(parameter + " must not be blank: '" + escape(value) + "'");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c >= 0x7f) {
                throw new IllegalArgumentException(String.format(
                        "%s must contain only printable ASCII characters, found U+%04X at index %d: '%s'",
                        parameter, (int) c, i, escape(value)));
            }
        }
        return value;
    }

    /**
     * Builds an Accept-Language header the way Chromium does: the first language as is, each next one
     * with a quality 0.1 lower ({@code "en-US,fr,de"} gives {@code "en-US,fr;q=0.9,de;q=0.8"}), never
     * below 0.1.
     */
    public static String acceptLanguageHeader(String acceptLanguages) {
        Objects.requireNonNull(acceptLanguages, "acceptLanguages == null");
        List<String> languages = new ArrayList<>();
        for (String part : acceptLanguages.split(",", -1)) {
            String language = part.trim();
            if (language.isEmpty()) {
                continue;
            }
            if (!language.matches("\\*|[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*")) {
                throw new IllegalArgumentException("acceptLanguages must be a comma-separated list of language"
                        + " codes such as \"en-US,fr\"; '" + escape(language) + "' is not one: '"
                        + escape(acceptLanguages) + "'");
            }
            if (languages.stream().noneMatch(language::equalsIgnoreCase)) {
                languages.add(language);
            }
        }
        if (languages.isEmpty()) {
            throw new IllegalArgumentException("acceptLanguages must name at least one language: '"
                    + escape(acceptLanguages) + "'");
        }
        StringBuilder header = new StringBuilder();
        int quality = 10;
        for (String language : languages) {
            if (header.length() > 0) {
                header.append(',').append(language);
                header.append(";q=0.").append(quality);
            } else {
                header.append(language);
            }
            quality = Math.max(1, quality - 1);
        }
        return header.toString();
    }

    /** The default accept languages, from the JVM's default locale ({@code en-US} gives {@code "en-US,en"}). */
    public static String defaultAcceptLanguages() {
        Locale locale = Locale.getDefault();
        String tag = locale.toLanguageTag();
        if (tag.equals("und") || locale.getLanguage().isEmpty()) {
            return "en-US,en";
        }
        String language = locale.getLanguage();
        String base = locale.getCountry().isEmpty() ? language : language + "-" + locale.getCountry();
        return base.equals(language) ? base : base + "," + language;
    }

    /** Makes control characters visible in error messages. */
    public static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                out.append(switch (c) {
                    case '\r' -> "\\r";
                    case '\n' -> "\\n";
                    case '\t' -> "\\t";
                    case '\0' -> "\\0";
                    default -> String.format("\\u%04x", (int) c);
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
