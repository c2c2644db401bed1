package io.github.fxsession.internal.proxy;

import io.github.fxsession.proxy.ProxyAuthInfo;
import io.github.fxsession.proxy.ProxyCredentials;
import java.text.MessageFormat;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;

/**
 * The default proxy login handler: a JavaFX dialog naming the proxy, shown on the FX thread while the
 * network thread waits for its answer.
 */
final class ProxyLoginDialog {

    private ProxyLoginDialog() {
    }

    static CompletionStage<ProxyCredentials> show(ProxyAuthInfo info) {
        CompletableFuture<ProxyCredentials> answer = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                answer.complete(ask(info));
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        return answer;
    }

    private static ProxyCredentials ask(ProxyAuthInfo info) {
        ResourceBundle text = ResourceBundle.getBundle("io.github.fxsession.internal.proxy.messages");
        Dialog<ProxyCredentials> dialog = new Dialog<>();
        dialog.setTitle(text.getString("proxyLogin.title"));
        String proxy = HostPort.format(info.host(), info.port());
        String header = MessageFormat.format(text.getString("proxyLogin.header"), proxy);
        if (!info.realm().isEmpty()) {
            header += "\n" + MessageFormat.format(text.getString("proxyLogin.realm"), info.realm());
        }
        if (info.attempt() > 1) {
            header += "\n" + text.getString("proxyLogin.retry");
        }
        dialog.setHeaderText(header);
        TextField user = new TextField();
        PasswordField password = new PasswordField();
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.setPadding(new Insets(12));
        grid.addRow(0, new Label(text.getString("proxyLogin.username")), user);
        grid.addRow(1, new Label(text.getString("proxyLogin.password")), password);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.setResultConverter(button -> button == ButtonType.OK ? new ProxyCredentials(user.getText(), password.getText()) : null);
        Platform.runLater(user::requestFocus);
        return dialog.showAndWait().orElse(null);
    }
}
