package io.github.fxsession.download;

import io.github.fxsession.Session;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;
import javafx.util.Subscription;

/**
 * A ready-made list of downloads: per item its name, a progress bar, received and total size, speed,
 * remaining time, and buttons to pause, resume, cancel, open the file and show its folder.
 *
 * <pre>{@code
 * DownloadsPanel panel = new DownloadsPanel();
 * Subscription tracking = panel.track(Session.fromPartition("persist:work"));
 * stage.setScene(new Scene(panel, 480, 320));
 * }</pre>
 *
 * <p>{@link #track(Session)} adds every download of a session from then on (unless a
 * {@code 'will-download'} listener prevents it); {@link #getItems()} may also be changed directly.
 * "Open" and "Show in folder" call the {@linkplain #openHandlerProperty() open handler} with the file or
 * its folder; by default it asks the desktop ({@code xdg-open}, {@code open} or {@code explorer}), because
 * {@code HostServices} belongs to an {@code Application} and {@code java.awt.Desktop} is unavailable in
 * headless and module-restricted setups. Style classes: {@value #DEFAULT_STYLE_CLASS}, and per row
 * {@code download-row}, {@code download-name}, {@code download-progress}, {@code download-status},
 * {@code download-pause} (its text becomes "Resume" while paused), {@code download-cancel},
 * {@code download-open}, {@code download-folder}.
 *
 * <p>Electron has no such control (Chromium's downloads shelf is not part of {@code session}).
 *
 * <p>Threading: FX Application Thread only, like every control; {@link #track(Session)} from any thread.
 *
 * @since 0.2
 */
public class DownloadsPanel extends Control {

    /** The style class of the panel. */
    public static final String DEFAULT_STYLE_CLASS = "downloads-panel";
    private static final System.Logger LOG = System.getLogger(DownloadsPanel.class.getName());

    private final ObservableList<DownloadItem> items = FXCollections.observableArrayList();
    private final ObjectProperty<Consumer<Path>> openHandler = new SimpleObjectProperty<>(this, "openHandler");

    /** An empty panel; {@link #track(Session)} fills it. */
    public DownloadsPanel() {
        getStyleClass().add(DEFAULT_STYLE_CLASS);
    }

    /**
     * Lists the downloads {@code session} starts from now on, once its {@code 'will-download'} listeners
     * ran and did not prevent them.
     *
     * @param session the session whose downloads are listed
     * @return closing it stops adding this session's downloads (listed ones stay)
     */
    public Subscription track(Session session) {
        Objects.requireNonNull(session, "session == null");
        return session.onWillDownload((event, item, webContents) -> Platform.runLater(() -> {
            if (!event.isDefaultPrevented() && !items.contains(item)) {
                items.add(item);
            }
        }));
    }

    /**
     * The listed downloads, oldest first.
     *
     * @return the live list, oldest first
     */
    public final ObservableList<DownloadItem> getItems() {
        return items;
    }

    /** Removes the items that are completed or cancelled. */
    public void clearFinished() {
        items.removeIf(item -> item.getState() == DownloadState.COMPLETED || item.getState() == DownloadState.CANCELLED);
    }

    /**
     * What "Open" (with the file) and "Show in folder" (with its folder) do; {@code null} restores the
     * default, which opens the path with the desktop's own command ({@code xdg-open} on Linux,
     * {@code open} on macOS, {@code explorer} on Windows).
     *
     * @return the property holding the open handler
     * @defaultValue the desktop's command
     */
    public final ObjectProperty<Consumer<Path>> openHandlerProperty() {
        return openHandler;
    }

    public final Consumer<Path> getOpenHandler() {
        Consumer<Path> handler = openHandler.get();
        return handler != null ? handler : DownloadsPanel::openWithDesktop;
    }

    public final void setOpenHandler(Consumer<Path> handler) {
        openHandler.set(handler);
    }

    private static void openWithDesktop(Path path) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String command = os.contains("win") ? "explorer" : os.contains("mac") ? "open" : "xdg-open";
        try {
            new ProcessBuilder(command, path.toString()).inheritIO().start();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot open " + path + " with " + command, e);
        }
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new DownloadsPanelSkin(this);
    }
}
