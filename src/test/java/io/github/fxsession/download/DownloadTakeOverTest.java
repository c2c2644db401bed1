package io.github.fxsession.download;

import static io.github.fxsession.testing.FxToolkit.onFx;
import static io.github.fxsession.testing.FxToolkit.runFx;
import static io.github.fxsession.testing.FxToolkit.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.fxsession.Session;
import io.github.fxsession.WebContents;
import io.github.fxsession.testing.FxToolkit;
import io.github.fxsession.testing.Pages;
import io.github.fxsession.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.web.WebView;
import mockwebserver3.MockResponse;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Navigations WebView cannot show become downloads of the same response; the page stays. */
@ExtendWith(FxToolkit.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DownloadTakeOverTest {

    static final byte[] REPORT = DownloadFixtures.bytes(300_000, 7);

    @RegisterExtension
    final TestServer server = TestServer.start()
            .route("/page.html", "text/html", "<!doctype html><title>Page</title><p id=p>stay here</p>")
            .route("/report", r -> file("application/octet-stream", "attachment; filename=\"report.pdf\""))
            .route("/paper.pdf", r -> file("application/pdf", null))
            .route("/to-paper", r -> TestServer.redirect("/paper.pdf"))
            .route("/framed.html", "text/html", "<!doctype html><title>Framed</title><p id=p>outer</p>"
                    + "<iframe src=\"/report\"></iframe>");

    @TempDir
    Path folder;

    private static MockResponse file(String type, String disposition) {
        MockResponse.Builder builder = new MockResponse.Builder().setHeader("Content-Type", type)
                .setHeader("Cache-Control", "no-store").body(new Buffer().write(REPORT));
        if (disposition != null) {
            builder.setHeader("Content-Disposition", disposition);
        }
        return builder.build();
    }

    @Test
    void attachmentNavigationBecomesDownloadOfTheSameResponseAndThePageStays() throws Exception {
        Session session = Session.fromPartition("download-takeover-attachment");
        session.setDownloadPath(folder);
        WebView view = onFx(WebView::new);
        WebContents attached = onFx(() -> session.attach(view));
        assertThat(FxToolkit.loadAndWait(view.getEngine(), () -> attached.loadURL(server.url("/page.html"))))
                .isEqualTo(javafx.concurrent.Worker.State.SUCCEEDED);
        runFx(() -> view.getEngine().executeScript("window.marker = 42"));
        CompletableFuture<DownloadItem> done = new CompletableFuture<>();
        AtomicReference<WebContents> contents = new AtomicReference<>();
        session.onWillDownload((event, item, webContents) -> {
            contents.set(webContents);
            item.onDone(state -> done.complete(item));
        });

        runFx(() -> view.getEngine().load(server.url("/report")));
        DownloadItem item = done.get(30, TimeUnit.SECONDS);

        assertThat(item.getState()).isEqualTo(DownloadState.COMPLETED);
        assertThat(item.getSavePath()).isEqualTo(folder.resolve("report.pdf"));
        assertThat(Files.readAllBytes(folder.resolve("report.pdf"))).isEqualTo(REPORT);
        assertThat(server.requests("/report")).hasSize(1);
        assertThat(contents.get()).isSameAs(attached);
        waitUntil("the load settles", () -> onFx(() -> !view.getEngine().getLoadWorker().isRunning()));
        // WebEngine's location property keeps the URL of the navigation WebView gave up; the document stays
        assertThat(Pages.eval(view, "location.href + ' ' + window.marker + ' ' + document.getElementById('p').textContent"))
                .isEqualTo(server.url("/page.html") + " 42 stay here");
        assertThat(Pages.eval(view, "history.length")).isEqualTo(1);
        assertThat(DownloadFixtures.list(folder)).containsExactly("report.pdf");
    }

    @Test
    void typeWebViewCannotShowIsDownloadedWithTheRedirectChain() throws Exception {
        Session session = Session.fromPartition("download-takeover-pdf");
        session.setDownloadPath(folder);
        WebView view = Pages.open(session, server.url("/page.html"));
        CompletableFuture<DownloadItem> done = new CompletableFuture<>();
        session.onWillDownload((event, item, webContents) -> item.onDone(state -> done.complete(item)));

        runFx(() -> view.getEngine().load(server.url("/to-paper")));
        DownloadItem item = done.get(30, TimeUnit.SECONDS);

        assertThat(item.getState()).isEqualTo(DownloadState.COMPLETED);
        assertThat(item.getURLChain()).containsExactly(server.url("/to-paper"), server.url("/paper.pdf"));
        assertThat(item.getMimeType()).isEqualTo("application/pdf");
        assertThat(item.getFilename()).isEqualTo("paper.pdf");
        assertThat(Files.readAllBytes(folder.resolve("paper.pdf"))).isEqualTo(REPORT);
        assertThat(server.requests("/paper.pdf")).hasSize(1);
    }

    @Test
    void attachmentInAFrameIsDownloadedAndThePageStays() throws Exception {
        Session session = Session.fromPartition("download-takeover-frame");
        session.setDownloadPath(folder);
        CompletableFuture<DownloadItem> done = new CompletableFuture<>();
        session.onWillDownload((event, item, webContents) -> item.onDone(state -> done.complete(item)));

        WebView view = Pages.open(session, server.url("/framed.html"));
        DownloadItem item = done.get(30, TimeUnit.SECONDS);

        assertThat(item.getState()).isEqualTo(DownloadState.COMPLETED);
        assertThat(Files.readAllBytes(item.getSavePath())).isEqualTo(REPORT);
        assertThat(Pages.eval(view, "document.title + ' ' + document.getElementById('p').textContent")).isEqualTo("Framed outer");
    }

    @Test
    void preventDefaultCancelsAndLeavesNoFile() throws Exception {
        Session session = Session.fromPartition("download-takeover-prevented");
        session.setDownloadPath(folder);
        WebView view = Pages.open(session, server.url("/page.html"));
        CompletableFuture<DownloadState> done = new CompletableFuture<>();
        session.onWillDownload((event, item, webContents) -> {
            event.preventDefault();
            item.onDone(done::complete);
        });

        runFx(() -> view.getEngine().load(server.url("/report")));

        assertThat(done.get(30, TimeUnit.SECONDS)).isEqualTo(DownloadState.CANCELLED);
        waitUntil("the part file is gone", () -> DownloadFixtures.list(folder).isEmpty());
        assertThat(DownloadFixtures.list(folder)).isEqualTo(List.of());
    }
}
