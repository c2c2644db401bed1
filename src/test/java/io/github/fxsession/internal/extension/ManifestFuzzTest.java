package io.github.fxsession.internal.extension;

import static io.github.fxsession.fuzz.Fuzz.grammar;
import static io.github.fxsession.fuzz.Fuzz.parsesOrRejects;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Extension manifests: load, or fail with Chrome's {@code IllegalArgumentException} naming the field, or
 * {@code UnsupportedOperationException} for what fxsession cannot run; match patterns parse or are rejected.
 */
class ManifestFuzzTest {

    private static Path folder;

    @BeforeContainer
    static void createFolder() throws IOException {
        folder = Files.createTempDirectory("fxsession-fuzz-extension").toRealPath();
        Files.writeString(folder.resolve("content.js"), "void 0;");
        Files.write(folder.resolve("latin1.js"), new byte[] {(byte) 0xe9});
        Files.writeString(folder.resolve("style.css"), "p{}");
    }

    @AfterContainer
    static void deleteFolder() throws IOException {
        io.github.fxsession.fuzz.Fuzz.deleteTree(folder);
    }

    @Provide
    Arbitrary<String> manifests() {
        return grammar("{", "}", "[", "]", ",", ":", "\"", "\"manifest_version\":", "2", "3", "3.0", "-1", "1e999",
                "\"name\":", "\"n\"", "\" \"", "\"version\":", "\"1.0\"", "\"1.2.3.4.5\"", "\"99999\"", "\"key\":",
                "\"AAAA\"", "\"background\":", "\"scripts\":", "\"service_worker\":", "\"page\":", "\"type\":",
                "\"module\"", "\"content_scripts\":", "\"matches\":", "\"<all_urls>\"", "\"https://*/*\"",
                "\"*://*.example.com/*\"", "\"file:///*\"", "\"http://\"", "\"exclude_matches\":", "\"js\":", "\"css\":",
                "\"content.js\"", "\"latin1.js\"", "\"style.css\"", "\"missing.js\"", "\"../outside.js\"", "\"/etc/passwd\"",
                "\"run_at\":", "\"document_idle\"", "\"all_frames\":", "true", "null", "{}", "[]", "\"\\u0000\"");
    }

    @Provide
    Arbitrary<String> matchPatterns() {
        return grammar("<all_urls>", "*", "http", "https", "file", "ftp", "://", "*.", "example.com", "/", "/*",
                ":", "?", "a", "[::1]", "*a*a*a*a*a*a*b");
    }

    @Property(tries = 500)
    void manifestsLoadOrAreRejectedWithAMessage(@ForAll("manifests") String manifest) {
        try {
            Files.write(folder.resolve("manifest.json"), manifest.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        parsesOrRejects(manifest, () -> ExtensionManifest.load(folder, false), IllegalArgumentException.class,
                UnsupportedOperationException.class);
    }

    @Property(tries = 50)
    void pathGlobsWithManyStarsMatchLongPathsInTime(@ForAll @IntRange(min = 1, max = 12) int stars,
            @ForAll @IntRange(min = 1, max = 2000) int length) {
        MatchPattern pattern = MatchPattern.parse("https://*/" + "*a".repeat(stars) + "*b", "matches");
        java.net.URI url = java.net.URI.create("https://example.com/" + "a".repeat(length));
        io.github.fxsession.fuzz.Fuzz.answers(pattern + " | " + url, () -> pattern.matches(url));
    }

    @Property(tries = 1000)
    void matchPatternsParseOrAreRejected(@ForAll("matchPatterns") String pattern) {
        parsesOrRejects(pattern, () -> MatchPattern.parse(pattern, "content_scripts[0].matches[0]"),
                IllegalArgumentException.class);
    }
}
