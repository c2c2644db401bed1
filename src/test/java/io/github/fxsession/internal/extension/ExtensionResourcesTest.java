package io.github.fxsession.internal.extension;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.fxsession.protocol.ProtocolResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code chrome-extension://} resources, without a WebView: only files of the extension's folder. */
class ExtensionResourcesTest {

    private static final String BASE = "chrome-extension://abcdefghijklmnopabcdefghijklmnop/";

    @TempDir
    Path temp;
    Path folder;

    @BeforeEach
    void files() throws Exception {
        folder = Files.createDirectories(temp.resolve("ext")).toRealPath();
        Files.createDirectories(folder.resolve("img"));
        Files.writeString(folder.resolve("img/a b.svg"), "<svg/>");
        Files.writeString(folder.resolve("popup.html"), "<p>");
        Files.writeString(folder.resolve("s.js"), "1");
        Files.writeString(temp.resolve("secret.txt"), "secret");
    }

    @Test
    void filesOfTheFolderAreServedByTheirDecodedPath() {
        assertThat(ExtensionResources.serve(folder, BASE + "popup.html").path()).isEqualTo(folder.resolve("popup.html"));
        assertThat(ExtensionResources.resolve(folder, BASE + "img/a%20b.svg")).isEqualTo(folder.resolve("img/a b.svg"));
        assertThat(ExtensionResources.resolve(folder, BASE + "s.js?v=2#x")).isEqualTo(folder.resolve("s.js"));
        assertThat(ExtensionResources.idOf(BASE.toUpperCase(java.util.Locale.ROOT) + "s.js")).isEqualTo("abcdefghijklmnopabcdefghijklmnop");
    }

    @Test
    void pathsEscapingTheFolderRawOrEncodedAreNotFound() throws Exception {
        Files.createSymbolicLink(folder.resolve("link.txt"), temp.resolve("secret.txt"));
        for (String path : new String[] {"../secret.txt", "%2e%2e/secret.txt", "%2E%2e%2fsecret.txt", "img/..%2F..%2Fsecret.txt",
                "..%5csecret.txt", "img/%2e/../s.js", "/etc/passwd", "%2fetc%2fpasswd", "link.txt", "img", "", "s.js%00.png", "missing.js"}) {
            ProtocolResponse answer = ExtensionResources.serve(folder, BASE + path);
            assertThat(answer.error()).as(path).isEqualTo(-6);
        }
    }
}
