package io.github.fxsession.samples.browser;

import io.github.fxsession.Session;
import io.github.fxsession.proxy.ProxyConfig;
import io.github.fxsession.proxy.ProxyMode;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * The demo browser's proxy settings for one partition: Electron's {@code ses.setProxy(config)} as a
 * form, with {@code ses.resolveProxy(url)} to try it.
 *
 * <pre>{@code
 * ProxySettingsDialog.edit(stage, Session.fromPartition("persist:work"));
 * }</pre>
 *
 * <p>Each partition keeps its own settings: setting a proxy for the tabs of {@code persist:work} leaves
 * every other partition as it was. Credentials typed here go into the configuration; without them the
 * session's default login handler asks with a dialog when a proxy wants them.
 *
 * <p>Threading: FX Application Thread only.
 *
 * @since 0.2
 */
public final class ProxySettingsDialog {

    /** What was last applied per partition (Electron has no getter for it; neither has fxsession). */
    private static final Map<String, ProxyConfig> APPLIED = new ConcurrentHashMap<>();

    private ProxySettingsDialog() {
    }

    /** Shows the settings of {@code session}'s partition and applies them on OK. */
    public static void edit(Window owner, Session session) {
        Objects.requireNonNull(session, "session == null");
        ProxyConfig current = APPLIED.getOrDefault(session.getPartition(), ProxyConfig.direct());
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Proxy settings");
        String name = session.getPartition().isEmpty() ? "default" : session.getPartition();
        dialog.setHeaderText("Proxy of partition " + name + " (its tabs only)");

        ChoiceBox<ProxyMode> mode = new ChoiceBox<>(FXCollections.observableArrayList(ProxyMode.values()));
        mode.setConverter(new StringConverter<>() {
            @Override
            public String toString(ProxyMode value) {
                return value == null ? "" : value.electronName();
            }

            @Override
            public ProxyMode fromString(String text) {
                return ProxyMode.fromElectronName(text);
            }
        });
        mode.setValue(current.mode());
        TextField pacScript = field(current.pacScript(), "http://example.com/proxy.pac or data:,function FindProxyForURL...");
        TextField rules = field(current.proxyRules(), "http=proxy:3128;socks=socks5://gate:1080");
        TextField bypass = field(current.proxyBypassRules(), "*.internal,<local>  (<-loopback> to proxy localhost too)");
        TextField user = field(current.credentials().map(c -> c.username()).orElse(""), "optional");
        PasswordField password = new PasswordField();
        password.setText(current.credentials().map(c -> c.password()).orElse(""));
        pacScript.disableProperty().bind(mode.valueProperty().isNotEqualTo(ProxyMode.PAC_SCRIPT));
        rules.disableProperty().bind(mode.valueProperty().isNotEqualTo(ProxyMode.FIXED_SERVERS));

        TextField probe = field("https://example.com/", "a URL");
        Label answer = new Label();
        Button resolve = new Button("resolveProxy");
        resolve.setOnAction(event -> session.resolveProxy(probe.getText())
                .whenComplete((result, error) -> Platform.runLater(() ->
                        answer.setText(error == null ? result : "error: " + error.getMessage()))));

        Label problem = new Label();
        problem.setStyle("-fx-text-fill: #b00020;");
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.setPadding(new Insets(12));
        grid.addRow(0, new Label("mode"), mode);
        grid.addRow(1, new Label("pacScript"), pacScript);
        grid.addRow(2, new Label("proxyRules"), rules);
        grid.addRow(3, new Label("proxyBypassRules"), bypass);
        grid.addRow(4, new Label("user name"), user);
        grid.addRow(5, new Label("password"), password);
        grid.add(problem, 1, 6);
        grid.addRow(7, resolve, probe);
        grid.add(answer, 1, 8);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);

        ProxyConfig[] built = new ProxyConfig[1];
        dialog.getDialogPane().lookupButton(ButtonType.OK).addEventFilter(ActionEvent.ACTION, event -> {
            try {
                ProxyConfig.Builder builder = ProxyConfig.builder().mode(mode.getValue())
                        .pacScript(pacScript.getText().isBlank() ? null : pacScript.getText().strip())
                        .proxyRules(rules.getText()).proxyBypassRules(bypass.getText());
                if (!user.getText().isBlank()) {
                    builder.credentials(user.getText(), password.getText());
                }
                built[0] = builder.build();
            } catch (IllegalArgumentException | IllegalStateException e) {
                problem.setText(e.getMessage());
                event.consume(); // keep the dialog open
            }
        });
        if (dialog.showAndWait().filter(ButtonType.OK::equals).isPresent() && built[0] != null) {
            APPLIED.put(session.getPartition(), built[0]);
            session.setProxy(built[0]);
        }
    }

    private static TextField field(String text, String prompt) {
        TextField field = new TextField(text == null ? "" : text);
        field.setPromptText(prompt);
        field.setPrefColumnCount(36);
        return field;
    }
}
