package io.github.fxsession.internal.extension;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * An extension's {@code _locales/<locale>/messages.json} for {@code chrome.i18n.getMessage}: the
 * messages of {@code default_locale}, overridden by those of the UI language ({@code Locale.getDefault()},
 * e.g. {@code en}) and then of the UI locale ({@code en_US}), as Chrome picks them. Names are
 * lower-cased (Chrome's lookup is case-insensitive).
 *
 * <p>Threading: stateless, any thread.
 */
final class ExtensionMessages {

    private ExtensionMessages() {
    }

    /** The UI locale Chrome would report ({@code chrome.i18n.getUILanguage()} uses '-' instead of '_'). */
    static String uiLocale() {
        Locale locale = Locale.getDefault();
        return locale.getCountry().isEmpty() ? locale.getLanguage() : locale.getLanguage() + "_" + locale.getCountry();
    }

    /**
     * The messages, by lower-case name: {@code {message, placeholders: {name: content}}}.
     *
     * @throws IllegalArgumentException as Chrome for a missing or invalid {@code default_locale} or
     *         messages file
     */
    static ObjectNode load(Path folder, JsonNode manifest) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        Path locales = folder.resolve("_locales");
        JsonNode defaultLocale = manifest.path("default_locale");
        boolean hasLocales = Files.isDirectory(locales);
        if (defaultLocale.isMissingNode()) {
            if (hasLocales) {
                throw new IllegalArgumentException("Localization used, but default_locale wasn't specified in the manifest.");
            }
            return out;
        }
        if (!defaultLocale.isString() || !defaultLocale.asString().matches("[A-Za-z]{2,3}(_[A-Za-z0-9]{2,8})?")) {
            throw new IllegalArgumentException("Invalid value for 'default_locale'.");
        }
        if (!hasLocales) {
            throw new IllegalArgumentException("Default locale was specified, but _locales subtree is missing.");
        }
        String wanted = defaultLocale.asString();
        if (!Files.isRegularFile(locales.resolve(wanted).resolve("messages.json"))) {
            throw new IllegalArgumentException("Default locale file " + wanted + "/messages.json is missing.");
        }
        String ui = uiLocale();
        String language = ui.contains("_") ? ui.substring(0, ui.indexOf('_')) : ui;
        for (String locale : new String[] {wanted, language, ui}) {
            Path file = locales.resolve(locale).resolve("messages.json");
            if (!locale.isEmpty() && file.normalize().startsWith(locales) && Files.isRegularFile(file)) {
                read(file, locale, out);
            }
        }
        return out;
    }

    private static void read(Path file, String locale, ObjectNode out) {
        JsonNode messages;
        try {
            messages = ExtensionManifest.JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException | JacksonException e) {
            throw new IllegalArgumentException("Could not load the messages of locale '" + locale + "': " + e.getMessage());
        }
        if (messages == null || !messages.isObject()) {
            throw new IllegalArgumentException("Invalid value for '_locales/" + locale + "/messages.json'.");
        }
        for (Map.Entry<String, JsonNode> entry : messages.properties()) {
            JsonNode message = entry.getValue().path("message");
            if (!message.isString()) {
                throw new IllegalArgumentException("Invalid value for '_locales/" + locale + "/messages.json: "
                        + entry.getKey() + ".message'.");
            }
            ObjectNode placeholders = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> placeholder : entry.getValue().path("placeholders").properties()) {
                placeholders.put(placeholder.getKey().toLowerCase(Locale.ROOT), placeholder.getValue().path("content").asString(""));
            }
            ObjectNode item = JsonNodeFactory.instance.objectNode();
            item.put("message", message.asString());
            item.set("placeholders", placeholders);
            out.set(entry.getKey().toLowerCase(Locale.ROOT), item);
        }
    }
}
