package io.github.fxsession.samples.netlog;

import io.github.fxsession.Session;
import io.github.fxsession.SessionWebView;
import java.io.File;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Alert;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The demo browser's {@code Tools} menu: starts the selected tab's partition's net log
 * ({@link Session#netLog()}, Chromium's NetLog JSON) into a file the user picks or into a default file, and
 * stops it, showing where the log was written.
 *
 * <pre>{@code
 * NetLogToggle netLog = new NetLogToggle(browser::getSelectedView);
 * menuBar.getMenus().add(netLog.menu(stage));
 * }</pre>
 *
 * <p>One partition records at a time through this menu; the default file is
 * {@code fxsession-net-log-PARTITION.json} in the temporary folder.
 *
 * <p>Threading: FX Application Thread only, except {@link #defaultFile(Session)}: any thread.
 *
 * @since 0.2
 */
public final class NetLogToggle {

    private final Supplier<SessionWebView> selected;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "Not recording");
    private Session recording;

    /**
     * A toggle for the partition of the view {@code selected} returns.
     *
     * @param selected the selected tab's view, or {@code null} when there is none
     */
    public NetLogToggle(Supplier<SessionWebView> selected) {
        this.selected = Objects.requireNonNull(selected, "selected == null");
    }

    /**
     * The {@code Tools} menu: {@code Start net log…} (asks for the file), {@code Start net log to default
     * file}, {@code Stop net log}; the stop item names the partition being recorded.
     *
     * @param owner the window that owns the file chooser and the alerts
     * @return the menu
     */
    public Menu menu(Window owner) {
        MenuItem pick = new MenuItem("Start net log\u2026");
        pick.setOnAction(event -> withSelectedSession(session -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Net log of " + label(session));
            Path file = defaultFile(session);
            chooser.setInitialDirectory(file.getParent().toFile());
            chooser.setInitialFileName(file.getFileName().toString());
            File chosen = chooser.showSaveDialog(owner);
            if (chosen != null) {
                report(owner, start(session, chosen.toPath()));
            }
        }));
        MenuItem byDefault = new MenuItem("Start net log to default file");
        byDefault.setOnAction(event -> withSelectedSession(session -> report(owner, start(session, defaultFile(session)))));
        MenuItem stop = new MenuItem("Stop net log");
        stop.setOnAction(event -> report(owner, stop().thenApply(path -> "Net log written to " + path)));
        Menu menu = new Menu("Tools", null, pick, byDefault, stop);
        menu.setOnShowing(event -> {
            pick.setDisable(recording != null || selected.get() == null);
            byDefault.setDisable(pick.isDisable());
            stop.setDisable(recording == null);
            stop.setText(recording == null ? "Stop net log" : "Stop net log of " + label(recording));
        });
        return menu;
    }

    /**
     * Starts recording {@code session}'s requests into {@code file}.
     *
     * @param session the partition to record
     * @param file the NetLog JSON file to write
     * @return a future of a message naming the file, failed when a log is already running
     */
    public CompletableFuture<String> start(Session session, Path file) {
        Objects.requireNonNull(session, "session == null");
        Objects.requireNonNull(file, "file == null");
        if (recording != null) {
            return CompletableFuture.failedFuture(
                    new IllegalStateException("already recording partition " + label(recording)));
        }
        recording = session;
        status.set("Recording " + label(session) + " into " + file);
        return session.netLog().startLogging(file).handle((ok, error) -> {
            if (error != null) {
                Platform.runLater(() -> finished("Not recording"));
                throw new IllegalStateException("cannot record into " + file + ": " + error.getMessage(), error);
            }
            return "Recording " + label(session) + " into " + file;
        });
    }

    /**
     * Stops the running log.
     *
     * @return a future of the written file, failed when nothing is recording
     */
    public CompletableFuture<Path> stop() {
        Session session = recording;
        if (session == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("no net log is recording"));
        }
        return session.netLog().stopLogging().whenComplete((path, error) -> Platform.runLater(() ->
                finished(error == null ? "Net log written to " + path : "Net log failed: " + error.getMessage())));
    }

    /** What the toggle is doing: {@code Not recording}, {@code Recording P into F} or {@code Net log written to F}. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /**
     * The file {@code Start net log to default file} writes: {@code fxsession-net-log-PARTITION.json} in the
     * temporary folder, with characters other than letters, digits, {@code -} and {@code _} of the partition
     * replaced by {@code _}.
     *
     * @param session the partition to record
     * @return the file
     */
    public static Path defaultFile(Session session) {
        String name = label(session).replaceAll("[^A-Za-z0-9_-]", "_");
        return Path.of(System.getProperty("java.io.tmpdir"), "fxsession-net-log-" + name + ".json");
    }

    private void finished(String message) {
        recording = null;
        status.set(message);
    }

    private void withSelectedSession(java.util.function.Consumer<Session> action) {
        SessionWebView view = selected.get();
        if (view != null) {
            action.accept(view.getSession());
        }
    }

    private static void report(Window owner, CompletableFuture<String> message) {
        message.whenComplete((text, error) -> Platform.runLater(() -> {
            Throwable cause = error instanceof java.util.concurrent.CompletionException ? error.getCause() : error;
            Alert alert = new Alert(error == null ? Alert.AlertType.INFORMATION : Alert.AlertType.ERROR,
                    error == null ? text : cause.getMessage());
            alert.setHeaderText("Net log");
            alert.initOwner(owner);
            alert.show();
        }));
    }

    private static String label(Session session) {
        return session.getPartition().isEmpty() ? "default" : session.getPartition();
    }
}
