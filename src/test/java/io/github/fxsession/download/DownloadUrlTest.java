package io.github.fxsession.download;

import static io.github.fxsession.testing.FxToolkit.onFx;
import static io.github.fxsession.testing.FxToolkit.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.fxsession.Session;
import io.github.fxsession.testing.FxToolkit;
import io.github.fxsession.testing.TestServer;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code downloadURL}, destinations, pause and resume, without WebView. */
@ExtendWith(FxToolkit.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DownloadUrlTest {

    static final byte[] DATA = DownloadFixtures.bytes(1_000_000, 11);
    static final String TAG = "\"v1\"";
    private static final AtomicInteger PARTITIONS = new AtomicInteger();

    @RegisterExtension
    final TestServer server = TestServer.start()
            .route("/data.bin", r -> DownloadFixtures.file(r, DATA, TAG, true, 0))
            .route("/slow.bin", r -> DownloadFixtures.file(r, DATA, TAG, true, 64 * 1024))
            .route("/slow-no-range.bin", r -> DownloadFixtures.file(r, DATA, TAG, false, 64 * 1024))
            .route("/cacheable.bin", r -> new mockwebserver3.MockResponse.Builder()
                    .setHeader("Content-Type", "application/octet-stream")
                    .setHeader("Cache-Control", "max-age=3600")
                    .body(new okio.Buffer().write(DATA)).build())
            .route("/moved", r -> TestServer.redirect("/data.bin"))
            .route("/flaky.bin", r -> FLAKY.getAndIncrement() == 0
                    ? new mockwebserver3.MockResponse.Builder().code(503).body("busy").build()
                    : DownloadFixtures.file(r, DATA, TAG, true, 0));
    private static final AtomicInteger FLAKY = new AtomicInteger();

    @TempDir
    Path folder;

    private Session session() {
        Session session = Session.fromPartition("download-url-" + PARTITIONS.incrementAndGet());
        session.setDownloadPath(folder);
        return session;
    }

    /** Starts {@code url} and returns its item once done; {@code inListener} runs in 'will-download'. */
    private static DownloadItem download(Session session, String url, Consumer<DownloadItem> inListener) throws Exception {
        CompletableFuture<DownloadItem> done = new CompletableFuture<>();
        var subscription = session.onWillDownload((event, item, webContents) -> {
            inListener.accept(item);
            item.onDone(state -> done.complete(item));
        });
        try {
            session.downloadURL(url);
            return done.get(30, TimeUnit.SECONDS);
        } finally {
            subscription.unsubscribe();
        }
    }

    @Test
    void downloadUrlRunsThroughTheSessionChainFollowingRedirectsWithTheGivenHeaders() throws Exception {
        Session session = session();
        session.setUserAgent("Downloader/1.0");
        long before = session.getRequestCount();
        CompletableFuture<DownloadItem> done = new CompletableFuture<>();
        session.onWillDownload((event, item, webContents) -> item.onDone(state -> done.complete(item)));

        session.downloadURL(server.url("/moved"), new DownloadUrlOptions(Map.of("X-Token", "t-1")));
        DownloadItem item = done.get(30, TimeUnit.SECONDS);

        assertThat(item.getState()).isEqualTo(DownloadState.COMPLETED);
        assertThat(item.getURLChain()).containsExactly(server.url("/moved"), server.url("/data.bin"));
        RecordedRequest request = server.requests("/data.bin").getLast();
        assertThat(request.getHeaders().get("User-Agent")).isEqualTo("Downloader/1.0");
        assertThat(session.getRequestCount() - before).isEqualTo(2);
        assertThat(request.getHeaders().get("X-Token")).isEqualTo("t-1");
        assertThat(DownloadFixtures.sha256(item.getSavePath())).isEqualTo(DownloadFixtures.sha256(DATA));
        assertThat(item.getReceivedBytes()).isEqualTo(DATA.length);
        assertThat(item.getTotalBytes()).isEqualTo(DATA.length);
        assertThat(item.getPercentComplete()).isEqualTo(100);
        assertThat(item.getETag()).isEqualTo(TAG);
        assertThat(item.getEndTime()).isAfterOrEqualTo(item.getStartTime());
    }

    @Test
    void downloadUrlBypassesTheHttpCache() throws Exception {
        Session session = session();

        DownloadItem item = download(session, server.url("/cacheable.bin"), i -> { });

        assertThat(item.getState()).isEqualTo(DownloadState.COMPLETED);
        assertThat(session.getCacheSize().get(10, TimeUnit.SECONDS)).isZero();
    }

    @Test
    void notFoundEndsInterruptedWithTheStatus() throws Exception {
        DownloadItem item = download(session(), server.url("/missing.bin"), i -> { });

        assertThat(item.getState()).isEqualTo(DownloadState.INTERRUPTED);
        assertThat(item.getInterruptReason()).isEqualTo("HTTP 404 Client Error");
        assertThat(DownloadFixtures.list(folder)).isEmpty();
    }

    @Test
    void interruptedDownloadCompletesWhenResumed() throws Exception {
        Session session = session();
        DownloadItem item = download(session, server.url("/flaky.bin"), i -> { });
        assertThat(item.getInterruptReason()).isEqualTo("HTTP 503 Server Error");
        assertThat(item.canResume()).isTrue();
        CompletableFuture<DownloadState> done = new CompletableFuture<>();
        item.onDone(done::complete);

        item.resume();

        assertThat(done.get(30, TimeUnit.SECONDS)).isEqualTo(DownloadState.COMPLETED);
        assertThat(item.getSavePath()).isEqualTo(folder.resolve("flaky.bin"));
        assertThat(DownloadFixtures.sha256(item.getSavePath())).isEqualTo(DownloadFixtures.sha256(DATA));
        assertThat(item.getInterruptReason()).isNull();
    }

    @Test
    void connectionFailureEndsInterruptedWithTheReason() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        DownloadItem item = download(session(), "http://127.0.0.1:" + closedPort + "/x.bin", i -> { });

        assertThat(item.getState()).isEqualTo(DownloadState.INTERRUPTED);
        assertThat(item.getInterruptReason()).startsWith("connection failed: ");
    }

    @Test
    void stalledDownloadIsInterruptedByTheSocketReadTimeout() throws Exception {
        Session session = session();
        io.github.fxsession.internal.session.SessionRegistry.loaded(session.getPartition())
                .reconfigureClient(b -> b.readTimeout(java.time.Duration.ofMillis(500)));
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Thread stalling = Thread.ofVirtual().start(() -> {
                try (java.net.Socket client = socket.accept()) {
                    client.getInputStream().read(new byte[8192]);
                    client.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Length: 1000000\r\n\r\n"
                            + "x".repeat(1000)).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                    client.getOutputStream().flush();
                    Thread.sleep(30_000); // the rest never comes
                } catch (java.io.IOException | InterruptedException e) {
                    // the test ended
                }
            });
            try {
                DownloadItem item = download(session, "http://127.0.0.1:" + socket.getLocalPort() + "/stall.bin", i -> { });

                assertThat(item.getState()).isEqualTo(DownloadState.INTERRUPTED);
                // the socket's SO_TIMEOUT fired (Okio's watchdog would have said "timeout")
                assertThat(item.getInterruptReason()).isEqualTo("timed out: Read timed out");
            } finally {
                stalling.interrupt();
            }
        }
    }

    @Test
    void existingFileIsNeverOverwritten() throws Exception {
        Files.writeString(folder.resolve("data.bin"), "mine");

        DownloadItem item = download(session(), server.url("/data.bin"), i -> { });

        assertThat(item.getSavePath()).isEqualTo(folder.resolve("data (1).bin"));
        assertThat(Files.readString(folder.resolve("data.bin"))).isEqualTo("mine");
        assertThat(DownloadFixtures.list(folder)).containsExactly("data (1).bin", "data.bin");
    }

    @Test
    void savePathSetInTheListenerWins(@TempDir Path elsewhere) throws Exception {
        Path chosen = elsewhere.resolve("sub").resolve("chosen.bin");

        DownloadItem item = download(session(), server.url("/data.bin"), i -> i.setSavePath(chosen));

        assertThat(item.getSavePath()).isEqualTo(chosen);
        assertThat(DownloadFixtures.sha256(chosen)).isEqualTo(DownloadFixtures.sha256(DATA));
        assertThat(DownloadFixtures.list(folder)).isEmpty();
    }

    @Test
    void setSavePathAfterTheListenersIsRejected() throws Exception {
        DownloadItem item = download(session(), server.url("/data.bin"), i -> { });

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> item.setSavePath(folder.resolve("late.bin")));
        assertThat(e).hasMessage("setSavePath must be called in a 'will-download' listener; the destination of data.bin is decided already");
    }

    @Test
    void pauseAndResumeContinueWithRangeAndIfRange() throws Exception {
        DownloadItem item = pauseMidwayThenResume(server.url("/slow.bin"));

        assertThat(item.getState()).isEqualTo(DownloadState.COMPLETED);
        assertThat(DownloadFixtures.sha256(item.getSavePath())).isEqualTo(DownloadFixtures.sha256(DATA));
        List<RecordedRequest> requests = server.requests("/slow.bin");
        RecordedRequest resumed = requests.getLast();
        assertThat(resumed.getHeaders().get("Range")).matches("bytes=[1-9][0-9]*-");
        assertThat(resumed.getHeaders().get("If-Range")).isEqualTo(TAG);
        long offset = Long.parseLong(resumed.getHeaders().get("Range").replaceAll("\\D", ""));
        assertThat(offset).isLessThan(DATA.length);
        assertThat(resumed.getBodySize()).isZero();
    }

    @Test
    void serverIgnoringRangeMakesTheDownloadRestartFromZero() throws Exception {
        DownloadItem item = pauseMidwayThenResume(server.url("/slow-no-range.bin"));

        assertThat(item.getState()).isEqualTo(DownloadState.COMPLETED);
        assertThat(DownloadFixtures.sha256(item.getSavePath())).isEqualTo(DownloadFixtures.sha256(DATA));
        assertThat(server.requests("/slow-no-range.bin").getLast().getHeaders().get("Range")).isNotNull();
        assertThat(Files.size(item.getSavePath())).isEqualTo(DATA.length);
    }

    private DownloadItem pauseMidwayThenResume(String url) throws Exception {
        Session session = session();
        CompletableFuture<DownloadItem> started = new CompletableFuture<>();
        CompletableFuture<DownloadState> done = new CompletableFuture<>();
        session.onWillDownload((event, item, webContents) -> {
            item.onDone(done::complete);
            started.complete(item);
        });
        session.downloadURL(url);
        DownloadItem item = started.get(30, TimeUnit.SECONDS);
        waitUntil("some bytes arrived: " + item, () -> item.getReceivedBytes() >= 200_000);

        item.pause();
        assertThat(item.isPaused()).isTrue();
        assertThat(item.canResume()).isTrue();
        long paused = item.getReceivedBytes();
        Thread.sleep(300);
        assertThat(item.getReceivedBytes()).isEqualTo(paused);
        assertThat(item.getState()).isEqualTo(DownloadState.PROGRESSING);
        assertThat(onFx(() -> DownloadFixtures.list(folder))).noneMatch(name -> !name.endsWith(".part"));

        item.resume();
        assertThat(done.get(30, TimeUnit.SECONDS)).isEqualTo(DownloadState.COMPLETED);
        return item;
    }

    @Test
    void relativeUrlIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> session().downloadURL("/data.bin"));
        assertThat(e).hasMessage("url must be an absolute http or https URL: '/data.bin'");
    }

    @Test
    void headerWithLineBreakIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DownloadUrlOptions(Map.of("X-A", "a\r\nInjected: 1")));
        assertThat(e).hasMessage("headers['X-A'] has an invalid value: 'a\r\nInjected: 1'");
    }

    @Test
    void headerNameWithSpaceIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DownloadUrlOptions(Map.of("X A", "1")));
        assertThat(e).hasMessage("headers has an invalid header name: 'X A'");
    }
}
