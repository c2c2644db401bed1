package io.github.fxsession.download;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SkinBase;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;

/** The default skin of {@link DownloadsPanel}: one row per item in a scrolling column. FX thread only. */
final class DownloadsPanelSkin extends SkinBase<DownloadsPanel> {

    private final VBox rows = new VBox(6);
    private final Map<DownloadItem, Row> byItem = new HashMap<>();
    private final ListChangeListener<DownloadItem> itemsListener = change -> rebuild();

    DownloadsPanelSkin(DownloadsPanel panel) {
        super(panel);
        rows.setPadding(new Insets(6));
        ScrollPane scroll = new ScrollPane(rows);
        scroll.setFitToWidth(true);
        getChildren().add(scroll);
        panel.getItems().addListener(itemsListener);
        rebuild();
    }

    private void rebuild() {
        Map<DownloadItem, Row> kept = new HashMap<>();
        rows.getChildren().clear();
        for (DownloadItem item : getSkinnable().getItems()) {
            Row row = byItem.remove(item);
            if (row == null) {
                row = new Row(item);
            }
            kept.put(item, row);
            rows.getChildren().add(row.box);
        }
        byItem.values().forEach(Row::dispose);
        byItem.clear();
        byItem.putAll(kept);
    }

    @Override
    public void dispose() {
        getSkinnable().getItems().removeListener(itemsListener);
        byItem.values().forEach(Row::dispose);
        byItem.clear();
        super.dispose();
    }

    /** The controls of one item, refreshed on its 'updated' and 'done' events. */
    private final class Row {
        final DownloadItem item;
        final VBox box = new VBox(3);
        final Label name = new Label();
        final ProgressBar progress = new ProgressBar(0);
        final Label status = new Label();
        final Button pause = button("Pause", "download-pause");
        final Button cancel = button("Cancel", "download-cancel");
        final Button open = button("Open", "download-open");
        final Button folder = button("Show in folder", "download-folder");
        final Subscription subscription;

        Row(DownloadItem item) {
            this.item = item;
            name.getStyleClass().add("download-name");
            progress.getStyleClass().add("download-progress");
            progress.setMaxWidth(Double.MAX_VALUE);
            status.getStyleClass().add("download-status");
            pause.setOnAction(e -> {
                if (item.isPaused() || item.getState() == DownloadState.INTERRUPTED) {
                    item.resume();
                } else {
                    item.pause();
                }
                refresh();
            });
            cancel.setOnAction(e -> {
                item.cancel();
                refresh();
            });
            open.setOnAction(e -> open(item.getSavePath()));
            folder.setOnAction(e -> open(item.getSavePath() == null ? null : item.getSavePath().getParent()));
            HBox buttons = new HBox(4, pause, cancel, open, folder);
            buttons.setAlignment(Pos.CENTER_LEFT);
            HBox.setHgrow(progress, Priority.ALWAYS);
            box.getStyleClass().add("download-row");
            box.getChildren().addAll(name, progress, status, buttons);
            subscription = item.onUpdated(state -> refresh()).and(item.onDone(state -> refresh()));
            refresh();
        }

        private void open(Path path) {
            if (path != null) {
                getSkinnable().getOpenHandler().accept(path);
            }
        }

        private Button button(String text, String styleClass) {
            Button button = new Button(text);
            button.getStyleClass().add(styleClass);
            return button;
        }

        void refresh() {
            DownloadState state = item.getState();
            name.setText(item.getFilename());
            boolean running = state == DownloadState.PROGRESSING;
            long total = item.getTotalBytes();
            if (state == DownloadState.COMPLETED) {
                progress.setProgress(1);
            } else if (total > 0) {
                progress.setProgress(item.getReceivedBytes() / (double) total);
            } else {
                progress.setProgress(running && !item.isPaused() ? ProgressIndicator.INDETERMINATE_PROGRESS : 0);
            }
            status.setText(DownloadsPanelText.status(item));
            pause.setText(item.isPaused() || state == DownloadState.INTERRUPTED ? "Resume" : "Pause");
            pause.setDisable(!running && state != DownloadState.INTERRUPTED);
            cancel.setDisable(!running && state != DownloadState.INTERRUPTED);
            open.setDisable(state != DownloadState.COMPLETED);
            folder.setDisable(item.getSavePath() == null);
        }

        void dispose() {
            subscription.unsubscribe();
        }
    }
}
