package io.github.fxsession.internal.permission;

import io.github.fxsession.permission.Permission;
import io.github.fxsession.permission.PermissionRequestDetails;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;

/**
 * The default permission prompt: a JavaFX dialog owned by the engine's window, naming the site and the
 * permission, with Allow / Block and "Remember for this site". It never blocks: it is shown, and the
 * future completes when the user answers; closing it blocks without remembering.
 *
 * <p>Threading: FX Application Thread.
 */
public final class PermissionPrompt {

    /** The style class of the prompt's dialog pane. */
    public static final String STYLE_CLASS = "fxsession-permission-prompt";
    private static final ResourceBundle TEXT = ResourceBundle.getBundle("io.github.fxsession.internal.permission.messages");

    /** The user's answer. */
    record Answer(boolean granted, boolean remember) {
    }

    private PermissionPrompt() {
    }

    static CompletableFuture<Answer> ask(Requester requester, Permission permission, PermissionRequestDetails details) {
        CompletableFuture<Answer> answer = new CompletableFuture<>();
        Dialog<Answer> dialog = new Dialog<>();
        dialog.setTitle(TEXT.getString("title"));
        String site = requester.origin() == null ? requester.url() : requester.origin();
        String what = TEXT.getString("permission." + permission.electronName());
        if (permission == Permission.OPEN_EXTERNAL && details.externalURL() != null) {
            what = what + " (" + details.externalURL() + ")";
        }
        dialog.setHeaderText(TEXT.getString("question").formatted(site, what));
        CheckBox remember = new CheckBox(TEXT.getString("remember"));
        remember.setId("remember");
        remember.setDisable(!requester.verified() || requester.origin() == null);
        Label origin = new Label(requester.verified() ? requester.url() : requester.url() + " " + TEXT.getString("unverified"));
        origin.setWrapText(true);
        VBox content = new VBox(10, origin, remember);
        content.setPadding(new Insets(10, 0, 0, 0));
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getStyleClass().add(STYLE_CLASS);
        ButtonType allow = new ButtonType(TEXT.getString("allow"), ButtonBar.ButtonData.OK_DONE);
        ButtonType block = new ButtonType(TEXT.getString("block"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(block, allow);
        dialog.setResultConverter(button -> new Answer(button == allow, button != null && remember.isSelected()));
        Window owner = Windows.windowOf(requester.binding().engine());
        if (owner != null) {
            dialog.initOwner(owner);
            dialog.initModality(Modality.WINDOW_MODAL);
        } else {
            dialog.initModality(Modality.NONE);
        }
        dialog.setOnHidden(event -> {
            Answer result = dialog.getResult();
            answer.complete(result == null ? new Answer(false, false) : result);
        });
        dialog.show();
        return answer;
    }
}
