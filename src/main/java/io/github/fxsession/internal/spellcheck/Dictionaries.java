package io.github.fxsession.internal.spellcheck;

import io.github.fxsession.internal.session.SessionRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The languages fxsession knows: those bundled in the jar (resources under {@code fxsession-dictionaries/},
 * copied from the project's {@code dictionaries/} folder) and those a session may download. Bundled
 * dictionaries are loaded once per JVM and shared by every session (Hunspell handles are read-only here:
 * custom words are checked in Java), so their native memory lives as long as the JVM.
 *
 * <p>Threading: any thread.
 */
final class Dictionaries {

    /** Bundled in the jar; never downloaded. */
    static final List<String> BUNDLED = List.of("en-US", "en-GB", "fr", "es");

    /** Electron's (Chromium's) spellchecker languages; those not bundled are fetched from the download URL. */
    static final List<String> AVAILABLE = Stream.of("af", "bg", "ca", "cs", "cy", "da", "de", "de-DE", "el",
                    "en-AU", "en-CA", "en-GB", "en-GB-oxendict", "en-US", "es", "es-419", "es-AR", "es-ES", "es-MX",
                    "es-US", "et", "fa", "fo", "fr", "fr-FR", "he", "hi", "hr", "hu", "hy", "id", "it", "it-IT", "ko",
                    "lt", "lv", "nb", "nl", "pl", "pt", "pt-BR", "pt-PT", "ro", "ru", "sh", "sk", "sl", "sq", "sr",
                    "sv", "ta", "tg", "tr", "uk", "vi")
            .sorted().toList();

    /**
     * Where compiled word forms are kept between JVMs (keyed by a hash of the dictionary files): under the
     * application's user-data folder, never a shared temporary folder where another local user could plant
     * a file making wrong words count as correct.
     */
    static Path formsCache() {
        return SessionRegistry.userDataPath().resolve("Spellcheck").resolve("WordForms");
    }

    private static final String RESOURCES = "/fxsession-dictionaries/";
    private static final Map<String, HunspellDictionary> LOADED = new ConcurrentHashMap<>();
    private static volatile Path extracted;

    private Dictionaries() {
    }

    static boolean isBundled(String code) {
        return BUNDLED.contains(code);
    }

    static boolean isAvailable(String code) {
        return AVAILABLE.contains(code);
    }

    /**
     * The default language: the OS locale's when available, a bundled match first (full tag, then the
     * language alone, so fr-FR gives the bundled fr), then a downloadable one; else en-US.
     */
    static String defaultLanguage(Locale locale) {
        String tag = locale.toLanguageTag();
        String language = locale.getLanguage();
        for (String code : List.of(tag, language)) {
            if (isBundled(code)) {
                return code;
            }
        }
        for (String code : List.of(tag, language)) {
            if (isAvailable(code)) {
                return code;
            }
        }
        return "en-US";
    }

    /** The shared handle of a bundled language, loading it on first use. */
    static HunspellDictionary bundled(String code) {
        if (!isBundled(code)) {
            throw new IllegalArgumentException("not a bundled language: \"" + code + "\"");
        }
        return LOADED.computeIfAbsent(code, c -> {
            try {
                Path dir = extractedDirectory();
                return HunspellDictionary.load(c, dir.resolve(c + ".aff"), dir.resolve(c + ".dic"));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot load the bundled " + c + " dictionary", e);
            }
        });
    }

    /** Hunspell reads files: the bundled dictionaries are copied once per JVM into a temp folder. */
    private static synchronized Path extractedDirectory() throws IOException {
        if (extracted == null) {
            Path dir = Files.createTempDirectory("fxsession-dictionaries");
            dir.toFile().deleteOnExit(); // deleted last: deleteOnExit runs in reverse order
            for (String code : BUNDLED) {
                for (String ext : List.of(".aff", ".dic")) {
                    String name = RESOURCES + code + "/" + code + ext;
                    try (InputStream in = Dictionaries.class.getResourceAsStream(name)) {
                        if (in == null) {
                            throw new IOException("missing resource " + name);
                        }
                        Path file = dir.resolve(code + ext);
                        Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                        file.toFile().deleteOnExit();
                    }
                }
            }
            extracted = dir;
        }
        return extracted;
    }
}
