package io.github.fxsession.internal.download;

import static io.github.fxsession.fuzz.Fuzz.answers;
import static io.github.fxsession.fuzz.Fuzz.grammar;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Content-Disposition headers and URLs from a server always give one safe file name inside the folder. */
class ContentDispositionFuzzTest {

    private static final Path FOLDER = Path.of("/tmp/fxsession-fuzz-downloads").toAbsolutePath();

    @Provide
    Arbitrary<String> dispositions() {
        return grammar("attachment", "inline", "form-data", ";", "; ", "filename=", "filename*=", "FILENAME=", "\"", "\\",
                "UTF-8''", "utf-8'en'", "iso-8859-1''", "'", "%", "%2F", "%2e%2e", "%E2%80%AE", "%C3", "%FF", "..", ".",
                "/", "\\\\", "../../etc/passwd", "CON", "com1.txt", "a.txt", " ", "\t", "\r\n", "\0", "é", "\u202e",
                "\uD800", "x".repeat(300));
    }

    @Provide
    Arbitrary<String> urls() {
        return Arbitraries.oneOf(Arbitraries.of("https://example.com/files/report.pdf", "https://example.com/",
                "https://example.com/a/..%2F..%2Fx", "data:,x", ""), grammar("https://example.com", "/", "..", "%2F",
                "?", "#", "a.zip", ";", "%", "é"));
    }

    @Property(tries = 1000)
    void everyDispositionGivesOneSafeFileName(@ForAll("dispositions") String disposition, @ForAll("urls") String url) {
        String name = answers(disposition + " | " + url, () -> FileNames.suggest(disposition, url, "application/pdf"));
        assertThat(name).isNotBlank().doesNotContain("/", "\\", "\0", ":", "\u202e")
                .isNotIn(".", "..").doesNotStartWith(".").doesNotEndWith(".").doesNotEndWith(" ");
        assertThat(name.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(200);
        assertThat(name.codePoints().allMatch(c -> c >= 0x20 && c != 0x7f)).isTrue();
        assertThat(FOLDER.resolve(name).normalize().getParent()).isEqualTo(FOLDER);
        answers(disposition, () -> FileNames.isAttachment(disposition));
    }
}
