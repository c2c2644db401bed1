package io.github.fxsession.download;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.fxsession.Session;
import io.github.fxsession.testing.ChildJvm;
import io.github.fxsession.testing.FxToolkit;
import io.github.fxsession.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A download survives the death of its JVM: recreated with createInterruptedDownload, it resumes. */
@ExtendWith(FxToolkit.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DownloadCrashResumeTest {

    static final byte[] DATA = DownloadFixtures.bytes(2_000_000, 23);
    static final String TAG = "\"crash-v1\"";

    @RegisterExtension
    final TestServer server = TestServer.start()
            .route("/big.bin", r -> DownloadFixtures.file(r, DATA, TAG, true,
                    r.getHeaders().get("Range") == null ? 64 * 1024 : 0));

    @Test
    void downloadKilledMidwayResumesFromWhatWasSavedToTheSameSha256(@TempDir Path folder, @TempDir Path userData)
            throws Exception {
        Process child = ChildJvm.start(DownloadChild.class, List.of("-Dglass.platform=Headless", "-Dprism.order=sw",
                "--enable-native-access=ALL-UNNAMED", "-Dfxsession.userDataPath=" + userData),
                server.url("/big.bin"), folder.toString(), "300000");
        String[] saved;
        try {
            saved = ChildJvm.awaitLine(child, "SAVED ", 60).substring("SAVED ".length()).split("\\|", -1);
        } finally {
            ChildJvm.kill(child);
        }
        Path path = Path.of(saved[0]);
        long offset = Long.parseLong(saved[1]);
        assertThat(path).isEqualTo(folder.resolve("big.bin"));
        assertThat(DownloadFixtures.list(folder)).as("only the part file after the crash").containsExactly("big.bin.part");
        assertThat(Files.size(folder.resolve("big.bin.part"))).isBetween(offset, (long) DATA.length - 1);

        Session session = Session.fromPartition("download-crash-resume");
        CompletableFuture<DownloadItem> done = new CompletableFuture<>();
        CompletableFuture<DownloadState> announced = new CompletableFuture<>();
        session.onWillDownload((event, item, webContents) -> {
            announced.complete(item.getState());
            item.onDone(state -> done.complete(item));
            item.resume();
        });
        session.createInterruptedDownload(new InterruptedDownloadOptions(path, Arrays.asList(saved[7].split(" ")),
                saved[5], offset, Long.parseLong(saved[2]), saved[4], saved[3], Instant.ofEpochMilli(Long.parseLong(saved[6]))));

        assertThat(announced.get(30, TimeUnit.SECONDS)).isEqualTo(DownloadState.INTERRUPTED);
        DownloadItem item = done.get(60, TimeUnit.SECONDS);
        assertThat(item.getState()).isEqualTo(DownloadState.COMPLETED);
        assertThat(item.getSavePath()).isEqualTo(path);
        assertThat(DownloadFixtures.sha256(path)).isEqualTo(DownloadFixtures.sha256(DATA));
        assertThat(DownloadFixtures.list(folder)).containsExactly("big.bin");
        RecordedRequest resumed = server.requests("/big.bin").getLast();
        assertThat(resumed.getHeaders().get("Range")).isEqualTo("bytes=" + offset + "-");
        assertThat(resumed.getHeaders().get("If-Range")).isEqualTo(TAG);
    }
}
