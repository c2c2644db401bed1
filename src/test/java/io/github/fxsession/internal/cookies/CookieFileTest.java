package io.github.fxsession.internal.cookies;

import static io.github.fxsession.internal.cookies.TestCookies.DAY;
import static io.github.fxsession.internal.cookies.TestCookies.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.fxsession.cookies.SameSite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CookieFileTest {

    @TempDir
    Path dir;

    private CookieFile file() {
        return CookieFile.in(dir);
    }

    @Test
    void everyFieldOfEveryCookieSurvivesAWriteAndARead() throws IOException {
        List<StoredCookie> cookies = List.of(
                new StoredCookie("sid", "a=b c\t\u00e9\u4e2d\"\\", "example.com", true, "/", true, true, SameSite.STRICT,
                        true, NOW + DAY, NOW - DAY, NOW),
                new StoredCookie("", "", "sub.example.org", false, "/app/x", false, false, SameSite.NO_RESTRICTION,
                        false, Long.MAX_VALUE, 1, 2),
                new StoredCookie("pref", "1", "127.0.0.1", true, "/", false, true, SameSite.UNSPECIFIED, true,
                        Long.MAX_VALUE - 1, 0, Long.MAX_VALUE),
                new StoredCookie("lax", "2", "xn--bcher-kva.example", false, "/", false, false, SameSite.LAX, true,
                        -5, -6, -7));

        file().write(cookies);
        CookieFile.LoadResult loaded = file().read();

        assertThat(loaded.corrupt()).isFalse();
        assertThat(loaded.cookies()).isEqualTo(cookies);
    }

    @Test
    void aMissingFileIsAnEmptyStoreAndNoProblem() {
        CookieFile.LoadResult loaded = file().read();

        assertThat(loaded.cookies()).isEmpty();
        assertThat(loaded.problem()).isNull();
        assertThat(loaded.movedTo()).isNull();
    }

    @Test
    void theFileHasTheDocumentedFormatWithOneCookiePerLine() throws IOException {
        file().write(List.of(TestCookies.persistent("a", "1"), TestCookies.session("b", "2")));

        assertThat(Files.readString(dir.resolve("Cookies.json"))).isEqualTo("""
                {"format":"fxsession-cookies","version":1,"cookies":[
                {"name":"a","value":"1","domain":"example.com","hostOnly":true,"path":"/","secure":false,"httpOnly":false,\
                "sameSite":"lax","persistent":true,"expiresAt":1767312000000,"createdAt":1767139200000,"lastAccessAt":1767225600000},
                {"name":"b","value":"2","domain":"example.com","hostOnly":true,"path":"/","secure":false,"httpOnly":false,\
                "sameSite":"lax","persistent":false,"createdAt":1767139200000,"lastAccessAt":1767225600000}
                ]}
                """);
    }

    @Test
    void theDocumentedExampleIsAValidFile() throws IOException {
        String doc = Files.readString(Path.of("docs", "cookie-store-format.md"));
        String example = doc.substring(doc.indexOf("```json\n") + 8, doc.indexOf("```", doc.indexOf("```json\n") + 8));
        Files.writeString(dir.resolve("Cookies.json"), example);

        CookieFile.LoadResult loaded = file().read();

        assertThat(loaded.problem()).isNull();
        assertThat(loaded.cookies()).extracting(StoredCookie::name).containsExactly("SID", "theme");
    }

    @Test
    void anEmptyListIsWrittenAndReadAsAnEmptyStore() throws IOException {
        file().write(List.of());

        assertThat(Files.readString(dir.resolve("Cookies.json")))
                .isEqualTo("{\"format\":\"fxsession-cookies\",\"version\":1,\"cookies\":[]}\n");
        assertThat(file().read()).isEqualTo(new CookieFile.LoadResult(List.of(), null, null));
    }

    @Test
    void aFileThatIsNotJsonIsMovedAsideAndReported() throws IOException {
        assertUnusable("not json at all", "not valid JSON: Unrecognized token 'not'");
    }

    @Test
    void aTruncatedFileIsMovedAsideAndReported() throws IOException {
        file().write(TestCookies.generation(20, 1));
        byte[] whole = Files.readAllBytes(dir.resolve("Cookies.json"));

        assertUnusable(new String(whole, 0, whole.length / 2, StandardCharsets.UTF_8),
                "not valid JSON: Unexpected end-of-input");
    }

    @Test
    void anEmptyFileIsMovedAsideAndReported() throws IOException {
        assertUnusable("", "not a JSON object");
    }

    @Test
    void aFileOfAnotherFormatIsMovedAsideAndReported() throws IOException {
        assertUnusable("{\"format\":\"chromium-cookies\",\"version\":1,\"cookies\":[]}",
                "format is \"chromium-cookies\", expected \"fxsession-cookies\"");
    }

    @Test
    void aFileOfANewerVersionIsMovedAsideAndReported() throws IOException {
        assertUnusable("{\"format\":\"fxsession-cookies\",\"version\":2,\"cookies\":[]}", "version is 2, expected 1");
    }

    @Test
    void aCookieWithAnInvalidFieldMovesTheFileAsideAndTheValidCookiesStillLoad() throws IOException {
        file().write(List.of(TestCookies.persistent("good", "1"), TestCookies.persistent("bad", "2"),
                TestCookies.persistent("fine", "3")));
        String json = Files.readString(dir.resolve("Cookies.json")).replace("\"sameSite\":\"lax\",\"persistent\":true,"
                + "\"expiresAt\":1767312000000,\"createdAt\":1767139200000,\"lastAccessAt\":1767225600000},\n{\"name\":\"fine\"",
                "\"sameSite\":\"sometimes\",\"persistent\":true,\"expiresAt\":1767312000000,\"createdAt\":1767139200000,"
                        + "\"lastAccessAt\":1767225600000},\n{\"name\":\"fine\"");
        Files.writeString(dir.resolve("Cookies.json"), json);

        CookieFile.LoadResult loaded = file().read();

        assertThat(loaded.problem()).isEqualTo("cookies[1]: Invalid sameSite value: 'sometimes' (expected unspecified,"
                + " no_restriction, lax or strict)");
        assertThat(loaded.cookies()).extracting(StoredCookie::name).containsExactly("good", "fine");
        assertMovedAsideWith(loaded, json);
    }

    @Test
    void cookieFieldsThatAHeaderCouldNotCarryAreRejected() throws IOException {
        String cookie = "{\"name\":\"a\",\"value\":\"1\\r\\nSet-Cookie: x=y\",\"domain\":\"example.com\",\"hostOnly\":true,"
                + "\"path\":\"/\",\"secure\":false,\"httpOnly\":false,\"sameSite\":\"lax\",\"persistent\":false,"
                + "\"createdAt\":1,\"lastAccessAt\":1}";
        Files.writeString(dir.resolve("Cookies.json"), "{\"format\":\"fxsession-cookies\",\"version\":1,\"cookies\":["
                + cookie + "]}");

        assertThat(file().read().problem()).isEqualTo("cookies[0]: value contains U+000D");
    }

    @Test
    void aMissingFieldIsNamed() throws IOException {
        Files.writeString(dir.resolve("Cookies.json"), "{\"format\":\"fxsession-cookies\",\"version\":1,\"cookies\":["
                + "{\"name\":\"a\",\"value\":\"1\",\"domain\":\"example.com\",\"hostOnly\":true,\"path\":\"/\","
                + "\"secure\":false,\"httpOnly\":false,\"sameSite\":\"lax\",\"persistent\":true,"
                + "\"createdAt\":1,\"lastAccessAt\":1}]}");

        assertThat(file().read().problem()).isEqualTo("cookies[0]: expiresAt is missing, expected milliseconds");
    }

    @Test
    void aStaleTemporaryFileFromACrashIsIgnoredAndDeleted() throws IOException {
        file().write(List.of(TestCookies.persistent("kept", "1")));
        Files.writeString(dir.resolve("Cookies.json.tmp"), "{\"format\":\"fxsession-cookies\",\"vers");

        CookieFile.LoadResult loaded = file().read();

        assertThat(loaded.problem()).isNull();
        assertThat(loaded.cookies()).extracting(StoredCookie::name).containsExactly("kept");
        assertThat(dir.resolve("Cookies.json.tmp")).doesNotExist();
    }

    @Test
    void aWriteLeavesOnlyTheFileBehind() throws IOException {
        file().write(TestCookies.generation(10, 1));
        file().write(TestCookies.generation(10, 2));

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("Cookies.json");
        }
    }

    @Test
    void aReaderNeverSeesAPartiallyWrittenFile() throws Exception {
        List<List<StoredCookie>> versions = List.of(TestCookies.generation(300, 1), TestCookies.generation(5, 2));
        file().write(versions.get(0));
        AtomicBoolean writing = new AtomicBoolean(true);
        Thread writer = new Thread(() -> {
            try {
                for (int i = 0; i < 100; i++) {
                    file().write(versions.get(i % 2));
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } finally {
                writing.set(false);
            }
        });
        writer.start();
        Path copy = Files.createDirectory(dir.resolve("copy")).resolve("Cookies.json");
        int reads = 0;
        while (writing.get()) {
            Files.write(copy, Files.readAllBytes(dir.resolve("Cookies.json")));
            CookieFile.LoadResult loaded = new CookieFile(copy).read();
            assertThat(loaded.problem()).isNull();
            assertThat(versions).contains(loaded.cookies());
            reads++;
        }
        writer.join();
        assertThat(reads).isPositive();
    }

    /** Reading {@code content} loads no cookie, reports a problem starting with {@code problem} and moves the file aside. */
    private void assertUnusable(String content, String problem) throws IOException {
        Files.writeString(dir.resolve("Cookies.json"), content);

        CookieFile.LoadResult loaded = file().read();

        assertThat(loaded.cookies()).isEmpty();
        assertThat(loaded.problem()).startsWith(problem);
        assertMovedAsideWith(loaded, content);
    }

    private void assertMovedAsideWith(CookieFile.LoadResult loaded, String content) throws IOException {
        assertThat(dir.resolve("Cookies.json")).doesNotExist();
        assertThat(loaded.movedTo().getParent()).isEqualTo(dir.toAbsolutePath());
        assertThat(loaded.movedTo().getFileName().toString()).matches("Cookies\\.json\\.corrupt-\\d{8}T\\d{6}\\.\\d{3}Z");
        assertThat(loaded.movedTo()).hasContent(content);
    }
}
