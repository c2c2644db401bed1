package io.github.fxsession.download;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.fxsession.Session;
import io.github.fxsession.testing.CrashLoop;
import io.github.fxsession.testing.FxToolkit;
import io.github.fxsession.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A download survives the deaths of its JVMs: child JVMs ({@link DownloadChild}) download a file that a
 * loopback server sends slowly and are killed (SIGKILL) at random moments, {@value #KILLS} times over two
 * folders; each child recreates the download with {@code createInterruptedDownload} from the part file the
 * previous one left and resumes it. After each kill the part file holds exactly the start of the file (at
 * least every byte the child had reported); at the end this JVM resumes each download to the file's SHA-256.
 */
@Tag("crash")
@ExtendWith(FxToolkit.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DownloadCrashResumeTest {

    static final int KILLS = 50;
    static final byte[] DATA = DownloadFixtures.bytes(16_000_000, 23);
    static final byte[] SMALL = DownloadFixtures.bytes(200_000, 24);
    static final String TAG = "\"crash-v1\"";
    /** While the children run: about 480 KB/s, so that 25 kills of a lane never reach the end. */
    static final int BYTES_PER_TENTH_SECOND = 48 * 1024;
    private volatile boolean throttled = true;

    @RegisterExtension
    final TestServer server = TestServer.start()
            .route("/big.bin", r -> DownloadFixtures.file(r, DATA, TAG, true, throttled ? BYTES_PER_TENTH_SECOND : 0))
            .route("/small.bin", r -> DownloadFixtures.file(r, SMALL, "\"small\"", true, 0));

    @Test
    @Timeout(value = 600, unit = TimeUnit.SECONDS)
    void downloadsKilledAgainAndAgainResumeFromTheirPartFilesToTheSameSha256(@TempDir Path root) throws Exception {
        Map<Path, Long> offsets = new ConcurrentHashMap<>();
        CrashLoop.Loop loop = new CrashLoop.Loop(DownloadChild.class, List.of("-Dglass.platform=Headless",
                "-Dprism.order=sw", "--enable-native-access=ALL-UNNAMED", "-Dfxsession.userDataPath=" + root.resolve("user-data")),
                List.of(server.url("/big.bin"), server.url("/small.bin"), TAG, Long.toString(DATA.length)), KILLS, 2);

        CrashLoop.Result result = CrashLoop.run(loop, root, folder -> {
            Path part = folder.resolve(DownloadChild.FILE_NAME + ".part");
            boolean first = !offsets.containsKey(folder);
            long offset = Files.exists(part) ? Files.size(part) : 0;
            offsets.put(folder, offset);
            return first ? "start" : "resume " + offset;
        }, (folder, child) -> {
            Path part = folder.resolve(DownloadChild.FILE_NAME + ".part");
            assertThat(CrashLoop.list(folder)).as("%s", child).isSubsetOf(DownloadChild.FILE_NAME + ".part");
            long size = Files.exists(part) ? Files.size(part) : 0;
            assertThat(Arrays.equals(Files.exists(part) ? Files.readAllBytes(part) : new byte[0],
                    Arrays.copyOf(DATA, (int) size))).as("the part file is the start of the file, %s", child).isTrue();
            long offset = offsets.get(folder);
            for (String ack : child.acks()) {
                assertThat(Long.parseLong(ack)).as("continued from %d, %s", offset, child).isGreaterThanOrEqualTo(offset);
            }
            if (child.lastAck() != null) {
                assertThat(size).as("received bytes are in the part file, %s", child)
                        .isGreaterThanOrEqualTo(Long.parseLong(child.lastAck()));
                if (offset > 0 && Long.parseLong(child.lastAck()) > offset) {
                    assertThat(server.requests("/big.bin")).extracting(r -> r.getHeaders().get("Range"))
                            .as("bytes arrived, so the resume reached the server; %s", child).contains("bytes=" + offset + "-");
                }
            }
            return size == 0 ? "before the first byte" : child.lastAck() == null ? "before the first update"
                    : "mid-transfer";
        });
        assertThat(result.kills()).isGreaterThanOrEqualTo(KILLS);

        throttled = false;
        for (int lane = 0; lane < 2; lane++) {
            Path folder = root.resolve("lane-" + lane);
            long offset = Files.size(folder.resolve(DownloadChild.FILE_NAME + ".part"));
            Session session = Session.fromPartition("download-crash-resume-" + lane);
            CompletableFuture<DownloadItem> done = new CompletableFuture<>();
            session.onWillDownload((event, item, webContents) -> {
                item.onDone(state -> done.complete(item));
                item.resume();
            });
            session.createInterruptedDownload(DownloadChild.options(folder, server.url("/big.bin"), TAG, DATA.length, offset));

            DownloadItem item = done.get(60, TimeUnit.SECONDS);
            assertThat(item.getState()).isEqualTo(DownloadState.COMPLETED);
            assertThat(DownloadFixtures.sha256(item.getSavePath())).isEqualTo(DownloadFixtures.sha256(DATA));
            assertThat(CrashLoop.list(folder)).containsExactly(DownloadChild.FILE_NAME);
            RecordedRequest resumed = server.requests("/big.bin").getLast();
            assertThat(resumed.getHeaders().get("Range")).isEqualTo("bytes=" + offset + "-");
            assertThat(resumed.getHeaders().get("If-Range")).isEqualTo(TAG);
        }
    }
}
