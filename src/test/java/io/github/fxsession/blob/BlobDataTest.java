package io.github.fxsession.blob;

import static io.github.fxsession.testing.FxToolkit.waitUntil;
import static io.github.fxsession.testing.Pages.eval;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.fxsession.Session;
import io.github.fxsession.testing.FxToolkit;
import io.github.fxsession.testing.Pages;
import io.github.fxsession.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import javafx.scene.web.WebView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** ses.getBlobData returns the bytes of blobs the session's pages made into blob: URLs. */
@ExtendWith(FxToolkit.class)
class BlobDataTest {

    @RegisterExtension
    final TestServer server = TestServer.start();

    @BeforeEach
    void routes() {
        server.route("/blob.html", "text/html", "<!doctype html><html><body>blobs</body></html>");
    }

    private static String uuidOf(Object blobUrl) {
        String url = String.valueOf(blobUrl);
        assertThat(url).startsWith("blob:");
        return url.substring(url.lastIndexOf('/') + 1);
    }

    @Test
    void getBlobDataReturnsTheBytesOfABlobThePageMade() throws Exception {
        Session session = Session.fromPartition("blob-bytes");
        WebView view = Pages.open(session, server.url("/blob.html"));

        String id = uuidOf(eval(view, "URL.createObjectURL(new Blob(['hello ', new Uint8Array([0, 255, 7])]))"));

        byte[] data = session.getBlobData(id).get(10, TimeUnit.SECONDS);
        byte[] expected = {'h', 'e', 'l', 'l', 'o', ' ', 0, (byte) 255, 7};
        assertThat(data).isEqualTo(expected);
    }

    @Test
    void getBlobDataReturnsAFormDataBodyMadeIntoABlob() throws Exception {
        Session session = Session.fromPartition("blob-formdata");
        WebView view = Pages.open(session, server.url("/blob.html"));

        eval(view, "var fd = new FormData(); fd.append('name', 'fx'); fd.append('file', new Blob(['abc'], {type: 'text/plain'}), 'a.txt');"
                + "new Response(fd).blob().then(function (b) { window.formUrl = URL.createObjectURL(b); },"
                + " function (e) { window.formUrl = 'error ' + e; });");
        waitUntil("the page made its FormData into a blob URL", () -> !"undefined".equals(String.valueOf(eval(view, "typeof window.formUrl"))));
        String id = uuidOf(eval(view, "window.formUrl"));

        String body = new String(session.getBlobData(id).get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8);
        assertThat(body).contains("name=\"name\"\r\n\r\nfx\r\n")
                .contains("name=\"file\"; filename=\"a.txt\"\r\nContent-Type: text/plain\r\n\r\nabc\r\n");
    }

    @Test
    void getBlobDataReturnsALargeBlobHandedOverInChunks() throws Exception {
        Session session = Session.fromPartition("blob-large");
        WebView view = Pages.open(session, server.url("/blob.html"));

        String id = uuidOf(eval(view, "var a = new Uint8Array(1000003); for (var i = 0; i < a.length; i++) { a[i] = (i * 31) & 255; }"
                + "URL.createObjectURL(new Blob([a]))"));

        byte[] data = session.getBlobData(id).get(20, TimeUnit.SECONDS);
        assertThat(data).hasSize(1000003);
        for (int i = 0; i < data.length; i++) {
            if (data[i] != (byte) ((i * 31) & 255)) {
                throw new AssertionError("byte " + i + " differs");
            }
        }
    }

    @Test
    void getBlobDataFailsForARevokedBlob() {
        Session session = Session.fromPartition("blob-revoked");
        WebView view = Pages.open(session, server.url("/blob.html"));
        String id = uuidOf(eval(view, "var u = URL.createObjectURL(new Blob(['x'])); URL.revokeObjectURL(u); u"));

        CompletionException e = assertThrows(CompletionException.class, () -> session.getBlobData(id).join());
        assertThat(e.getCause()).isInstanceOf(IllegalStateException.class)
                .hasMessage("no blob with identifier '" + id + "' in this session");
    }

    @Test
    void getBlobDataDoesNotSeeBlobsOfAnotherSession() throws Exception {
        Session owner = Session.fromPartition("blob-owner");
        WebView view = Pages.open(owner, server.url("/blob.html"));
        String id = uuidOf(eval(view, "URL.createObjectURL(new Blob(['mine']))"));
        owner.getBlobData(id).get(10, TimeUnit.SECONDS);

        CompletionException e = assertThrows(CompletionException.class,
                () -> Session.fromPartition("blob-other").getBlobData(id).join());
        assertThat(e.getCause()).hasMessage("no blob with identifier '" + id + "' in this session");
    }

    @Test
    void getBlobDataRejectsAnIdentifierThatIsNotAUuid() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Session.fromPartition("blob-bad-id").getBlobData("blob:x"));
        assertThat(e).hasMessage("identifier must be a UUID: 'blob:x'");
    }
}
