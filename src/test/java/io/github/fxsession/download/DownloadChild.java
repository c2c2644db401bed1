package io.github.fxsession.download;

import io.github.fxsession.Session;
import io.github.fxsession.testing.FxToolkit;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A child JVM of {@link DownloadCrashResumeTest}: downloads {@code args[0]} into {@code args[1]} and, once
 * {@code args[2]} bytes arrived, prints what an application would save to recreate the download
 * ({@code SAVED path|received|total|etag|lastModified|mime|startMillis|url url...}), then keeps going
 * until it is killed.
 */
public final class DownloadChild {

    private DownloadChild() {
    }

    public static void main(String[] args) throws Exception {
        FxToolkit.start();
        Session session = Session.fromPartition("download-child");
        session.setDownloadPath(Path.of(args[1]));
        long threshold = Long.parseLong(args[2]);
        AtomicBoolean printed = new AtomicBoolean();
        session.onWillDownload((event, item, webContents) -> item.onUpdated(state -> {
            if (item.getSavePath() != null && item.getReceivedBytes() >= threshold && printed.compareAndSet(false, true)) {
                System.out.println("SAVED " + String.join("|", item.getSavePath().toString(),
                        Long.toString(item.getReceivedBytes()), Long.toString(item.getTotalBytes()), item.getETag(),
                        item.getLastModifiedTime(), item.getMimeType(),
                        Long.toString(item.getStartTime().toEpochMilli()), String.join(" ", item.getURLChain())));
                System.out.flush();
            }
        }));
        session.downloadURL(args[0]);
        Thread.sleep(120_000);
        System.exit(3);
    }
}
