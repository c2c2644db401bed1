package io.github.fxsession.download;

import io.github.fxsession.Session;
import io.github.fxsession.testing.CrashLoop;
import io.github.fxsession.testing.FxToolkit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The main class of a child JVM of {@link DownloadCrashResumeTest}: downloads {@code url} into
 * {@code folder} (as {@value #FILE_NAME}) until it is killed. Arguments: {@code folder url warmUpUrl eTag
 * length}. It starts the toolkit (downloads announce themselves on its thread) and its session, with a
 * user agent of its own (no WebEngine, no WebKit, in this JVM), and downloads {@code warmUpUrl} once (loading the classes
 * of the download path), then waits for "go" ({@link CrashLoop#awaitGo()}): {@code start} calls
 * {@code downloadURL}, {@code resume <offset>} recreates the download with {@code createInterruptedDownload}
 * at that offset and resumes it, as an application does after a crash. Each progress update acknowledges
 * the bytes received ({@link CrashLoop#ack}); the end prints {@code DONE <state>}.
 */
public final class DownloadChild {

    static final String FILE_NAME = "big.bin";
    static final String MIME = "application/octet-stream";

    private DownloadChild() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        String url = args[1];
        FxToolkit.start();
        Session session = Session.fromPartition("download-child");
        // else the first request reads WebView's stock user agent from a new WebEngine, loading WebKit
        session.setUserAgent("fxsession-crash-test");

        Path warmUp = Files.createTempDirectory("download-child-");
        session.setDownloadPath(warmUp);
        CompletableFuture<DownloadItem> warmedUp = new CompletableFuture<>();
        var warmUpListener = session.onWillDownload((event, item, contents) -> item.onDone(state -> warmedUp.complete(item)));
        session.downloadURL(args[2]);
        DownloadItem warm = warmedUp.get(60, TimeUnit.SECONDS);
        if (warm.getState() != DownloadState.COMPLETED) {
            System.out.println("WARM-UP " + warm.getState() + ": " + warm.getInterruptReason());
        }
        warmUpListener.unsubscribe();
        try (var files = Files.list(warmUp)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(warmUp);

        session.setDownloadPath(folder);
        session.onWillDownload((event, item, contents) -> {
            item.onUpdated(state -> {
                if (state == DownloadState.PROGRESSING && item.getSavePath() != null) {
                    CrashLoop.ack(item.getReceivedBytes());
                }
            });
            item.onDone(state -> System.out.println("DONE " + state.electronName()));
            if (item.getState() == DownloadState.INTERRUPTED) {
                item.resume();
            }
        });
        String go = CrashLoop.awaitGo();
        if (go.equals("start")) {
            session.downloadURL(url);
        } else {
            session.createInterruptedDownload(options(folder, url, args[3], Long.parseLong(args[4]),
                    Long.parseLong(go.substring("resume ".length()))));
        }
        Thread.sleep(120_000);
        System.exit(3);
    }

    /** What an application saved to recreate the download of {@code url} into {@code folder}. */
    static InterruptedDownloadOptions options(Path folder, String url, String eTag, long length, long offset) {
        return new InterruptedDownloadOptions(folder.resolve(FILE_NAME), List.of(url), MIME, offset, length, null, eTag,
                Instant.now());
    }
}
