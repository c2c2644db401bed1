package io.github.fxsession.download;

import java.util.Locale;

/** The status line of a download in {@link DownloadsPanel}. Any thread. */
final class DownloadsPanelText {

    private DownloadsPanelText() {
    }

    static String status(DownloadItem item) {
        long received = item.getReceivedBytes();
        long total = item.getTotalBytes();
        String amount = total > 0 ? size(received) + " of " + size(total) : size(received);
        return switch (item.getState()) {
            case COMPLETED -> "Completed, " + size(received);
            case CANCELLED -> "Cancelled";
            case INTERRUPTED -> "Interrupted: " + item.getInterruptReason();
            case PROGRESSING -> {
                if (item.isPaused()) {
                    yield "Paused, " + amount;
                }
                long speed = item.getCurrentBytesPerSecond();
                if (speed <= 0) {
                    yield amount;
                }
                String text = amount + ", " + size(speed) + "/s";
                yield total > received ? text + ", " + duration((total - received) / speed) + " left" : text;
            }
        };
    }

    /** {@code 999 B}, {@code 1.5 KB}, {@code 12.0 MB}, {@code 1.0 GB} (powers of 1024). */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    /** {@code 45 s}, {@code 3 min 5 s}, {@code 2 h 10 min}. */
    static String duration(long seconds) {
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min " + seconds % 60 + " s";
        }
        return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
    }
}
