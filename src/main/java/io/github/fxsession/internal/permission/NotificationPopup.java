package io.github.fxsession.internal.permission;

import java.util.ResourceBundle;
import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * A web notification shown as a small undecorated window in the top-right corner of the engine's
 * window (or of the screen): title, body and the site. A click reports {@code click} then closes it; it
 * closes by itself after {@link #TIMEOUT}.
 *
 * <p>Threading: FX Application Thread.
 */
final class NotificationPopup {

    /** The style class of the popup's root. */
    static final String STYLE_CLASS = "fxsession-notification";
    static final Duration TIMEOUT = Duration.seconds(10);
    private static final ResourceBundle TEXT = ResourceBundle.getBundle("io.github.fxsession.internal.permission.messages");

    private final Stage stage = new Stage(StageStyle.UNDECORATED);
    private final PauseTransition timeout = new PauseTransition(TIMEOUT);
    private Runnable onClose = () -> { };
    private boolean closed;

    NotificationPopup(Window owner, String title, String body, String site, Runnable onClick) {
        Label titleLabel = new Label(title);
        titleLabel.setId("title");
        titleLabel.setStyle("-fx-font-weight: bold;");
        Label bodyLabel = new Label(body);
        bodyLabel.setId("body");
        bodyLabel.setWrapText(true);
        Label siteLabel = new Label(TEXT.getString("notification.from").formatted(site));
        siteLabel.setStyle("-fx-text-fill: #666; -fx-font-size: 0.85em;");
        VBox root = new VBox(4, titleLabel, bodyLabel, siteLabel);
        root.getStyleClass().add(STYLE_CLASS);
        root.setPadding(new Insets(10, 14, 10, 14));
        root.setPrefWidth(320);
        root.setStyle("-fx-background-color: #fdfdfd; -fx-border-color: #999; -fx-cursor: hand;");
        root.setOnMouseClicked(event -> {
            onClick.run();
            close();
        });
        stage.setScene(new Scene(root));
        stage.setAlwaysOnTop(true);
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle(title);
        timeout.setOnFinished(event -> close());
        place(owner);
    }

    private void place(Window owner) {
        Rectangle2D area = owner != null
                ? new Rectangle2D(owner.getX(), owner.getY(), Math.max(owner.getWidth(), 340), Math.max(owner.getHeight(), 100))
                : Screen.getPrimary().getVisualBounds();
        stage.setX(area.getMaxX() - 340);
        stage.setY(area.getMinY() + 40);
    }

    void show(Runnable onClose) {
        this.onClose = onClose;
        stage.show();
        timeout.playFromStart();
    }

    void close() {
        if (closed) {
            return;
        }
        closed = true;
        timeout.stop();
        stage.close();
        onClose.run();
    }
}
