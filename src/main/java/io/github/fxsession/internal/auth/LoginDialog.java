package io.github.fxsession.internal.auth;

import io.github.fxsession.net.AuthInfo;
import io.github.fxsession.net.Credentials;
import java.text.MessageFormat;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import javafx.application.Platform;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;

/**
 * The default login handler: a JavaFX dialog naming the host and the realm, shown without blocking the
 * FX thread ({@code show()}, not {@code showAndWait()}); the stage completes when it closes.
 *
 * <p>Threading: any thread; the dialog is built and shown on the FX Application Thread.
 */
final class LoginDialog {

    private LoginDialog() {
    }

    static CompletionStage<Credentials> show(AuthInfo info) {
        CompletableFuture<Credentials> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                ResourceBundle text = ResourceBundle.getBundle("io.github.fxsession.internal.auth.LoginDialog");
                Dialog<Credentials> dialog = new Dialog<>();
                dialog.setTitle(text.getString("title"));
                String server = info.host() + ":" + info.port();
                dialog.setHeaderText(info.realm().isEmpty()
                        ? MessageFormat.format(text.getString("header.noRealm"), server)
                        : MessageFormat.format(text.getString("header"), server, info.realm()));
                TextField username = new TextField();
                PasswordField password = new PasswordField();
                GridPane grid = new GridPane();
                grid.setHgap(8);
                grid.setVgap(8);
                grid.addRow(0, new Label(text.getString("username")), username);
                grid.addRow(1, new Label(text.getString("password")), password);
                dialog.getDialogPane().setContent(grid);
                ButtonType signIn = new ButtonType(text.getString("signIn"), ButtonBar.ButtonData.OK_DONE);
                dialog.getDialogPane().getButtonTypes().addAll(signIn, ButtonType.CANCEL);
                dialog.setResultConverter(button -> button == signIn ? credentials(username.getText(), password.getText()) : null);
                dialog.setOnHidden(event -> result.complete(dialog.getResult()));
                dialog.show();
                username.requestFocus();
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    private static Credentials credentials(String username, String password) {
        try {
            return new Credentials(username, password);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
