package io.github.fxsession.internal.download;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileNamesTest {

    @Test
    void utf8FilenameStarWinsOverFilename() {
        assertThat(FileNames.suggest("attachment; filename=\"EURO rates.pdf\"; filename*=UTF-8''%e2%82%ac%20rates.pdf",
                "http://h/x", "application/pdf")).isEqualTo("€ rates.pdf");
    }

    @Test
    void quotedFilenameIsUnescaped() {
        assertThat(FileNames.suggest("attachment; filename=\"a \\\"b\\\".txt\"", "http://h/x", null)).isEqualTo("a _b_.txt");
    }

    @Test
    void urlPathGivesTheNameWithoutDisposition() {
        assertThat(FileNames.suggest(null, "http://h/files/r%C3%A9sum%C3%A9.pdf?x=1#y", "application/pdf"))
                .isEqualTo("résumé.pdf");
    }

    @Test
    void mimeTypeGivesTheNameWhenTheUrlHasNone() {
        assertThat(FileNames.suggest("attachment", "http://h/", "application/pdf")).isEqualTo("download.pdf");
        assertThat(FileNames.suggest(null, "http://h/dir/", "application/x-unknown")).isEqualTo("download");
    }

    @Test
    void separatorsAndParentReferencesNeverSurvive() {
        assertThat(FileNames.suggest("attachment; filename=\"../../etc/passwd\"", "http://h/", null)).isEqualTo("_.._etc_passwd");
        assertThat(FileNames.sanitize("..")).isEqualTo("download");
        assertThat(FileNames.sanitize("a\\b/c")).isEqualTo("a_b_c");
    }

    @Test
    void controlAndWindowsForbiddenCharactersAreReplaced() {
        assertThat(FileNames.sanitize("a\u0000b\nc:d*e?f\"g<h>i|j\u202Etxt.exe")).isEqualTo("a_b_c_d_e_f_g_h_i_j_txt.exe");
    }

    @Test
    void unpairedSurrogatesAreReplacedSoTheNameIsAValidPath() {
        String name = FileNames.sanitize("report\uD800.pdf");

        assertThat(name).isEqualTo("report_.pdf");
        assertThat(java.nio.file.Path.of(name).toString()).isEqualTo("report_.pdf");
    }

    @Test
    void reservedWindowsNamesArePrefixed() {
        assertThat(FileNames.sanitize("CON")).isEqualTo("_CON");
        assertThat(FileNames.sanitize("com1.txt")).isEqualTo("_com1.txt");
        assertThat(FileNames.sanitize("console.txt")).isEqualTo("console.txt");
    }

    @Test
    void leadingAndTrailingDotsAndSpacesAreStripped() {
        assertThat(FileNames.sanitize(" .hidden. ")).isEqualTo("hidden");
    }

    @Test
    void longNamesKeepTheirExtension() {
        String name = FileNames.sanitize("é".repeat(300) + ".pdf");
        assertThat(name).endsWith(".pdf");
        assertThat(name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(200);
    }

    @Test
    void attachmentIsRecognisedCaseInsensitively() {
        assertThat(FileNames.isAttachment("Attachment; filename=a")).isTrue();
        assertThat(FileNames.isAttachment("inline; filename=a")).isFalse();
        assertThat(FileNames.isAttachment(null)).isFalse();
    }

    @Test
    void uniqueNamesCountAndSkipPartFiles(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("a.pdf"), "");
        Files.writeString(folder.resolve("a (1).pdf.part"), "");

        assertThat(FileNames.unique(folder, "a.pdf", null)).isEqualTo(folder.resolve("a (2).pdf"));
        assertThat(FileNames.unique(folder, "a.pdf", null).startsWith(folder)).isTrue();
        assertThat(FileNames.unique(folder, "b", null)).isEqualTo(folder.resolve("b"));
    }

    @Test
    void typesWebViewShowsAreNotDownloads() {
        assertThat(DownloadInterceptor.isDownload(null, "text/html; charset=utf-8")).isFalse();
        assertThat(DownloadInterceptor.isDownload(null, "image/png")).isFalse();
        assertThat(DownloadInterceptor.isDownload(null, "application/json")).isFalse();
        assertThat(DownloadInterceptor.isDownload(null, null)).isFalse();
        assertThat(DownloadInterceptor.isDownload(null, "application/pdf")).isTrue();
        assertThat(DownloadInterceptor.isDownload(null, "text/calendar")).isTrue();
        assertThat(DownloadInterceptor.isDownload("attachment", "text/html")).isTrue();
    }
}
