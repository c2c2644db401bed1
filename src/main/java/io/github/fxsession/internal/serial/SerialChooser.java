package io.github.fxsession.internal.serial;

import io.github.fxsession.WebContents;
import io.github.fxsession.internal.permission.Windows;
import io.github.fxsession.serial.SerialPortInfo;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;
import javafx.scene.control.Label;
import javafx.stage.Modality;
import javafx.stage.Window;

/**
 * The default {@code 'select-serial-port'} chooser: a JavaFX dialog listing the matching ports (name,
 * description, VID:PID), updated live as ports come and go. It never blocks: it is shown, and the answer
 * arrives when the user picks Connect or Cancel (or closes it: cancel).
 *
 * <p>Threading: FX Application Thread.
 */
final class SerialChooser {

    /** The style class of the chooser's dialog pane. */
    static final String STYLE_CLASS = "fxsession-serial-chooser";

    private SerialChooser() {
    }

    static String describe(SerialPortInfo port) {
        String ids = port.vendorId().isEmpty() ? "" : "  [" + port.vendorId() + ":" + port.productId() + "]";
        String display = port.displayName().equals(port.portName()) ? "" : " - " + port.displayName();
        return port.portName() + display + ids;
    }

    static SessionSerial.Chooser.View show(WebContents webContents, String origin, List<SerialPortInfo> ports,
            Consumer<String> answer) {
        Dialog<String> dialog = new Dialog<>();
        dialog.setTitle("Serial port");
        dialog.setHeaderText((origin == null ? "This page" : origin) + " wants to connect to a serial port");
        ListView<SerialPortInfo> list = new ListView<>();
        list.setId("serial-ports");
        list.getItems().setAll(ports);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(SerialPortInfo item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : describe(item));
            }
        });
        Label none = new Label("No compatible port found.");
        none.visibleProperty().bind(Bindings.isEmpty(list.getItems()));
        none.managedProperty().bind(none.visibleProperty());
        list.setPrefHeight(180);
        dialog.getDialogPane().setContent(new VBox(8, none, list));
        dialog.getDialogPane().getStyleClass().add(STYLE_CLASS);
        ButtonType connect = new ButtonType("Connect", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CANCEL, connect);
        dialog.getDialogPane().lookupButton(connect).disableProperty()
                .bind(list.getSelectionModel().selectedItemProperty().isNull());
        dialog.setResultConverter(button -> {
            SerialPortInfo chosen = list.getSelectionModel().getSelectedItem();
            return button == connect && chosen != null ? chosen.portId() : "";
        });
        Window owner = webContents == null ? null : Windows.windowOf(webContents.getEngine());
        if (owner != null) {
            dialog.initOwner(owner);
            dialog.initModality(Modality.WINDOW_MODAL);
        } else {
            dialog.initModality(Modality.NONE);
        }
        dialog.setOnHidden(e -> answer.accept(dialog.getResult() == null ? "" : dialog.getResult()));
        dialog.show();
        return new SessionSerial.Chooser.View() {
            @Override
            public void update(List<SerialPortInfo> now) {
                SerialPortInfo selected = list.getSelectionModel().getSelectedItem();
                list.getItems().setAll(now);
                if (selected != null) {
                    now.stream().filter(p -> p.portId().equals(selected.portId())).findFirst()
                            .ifPresent(p -> list.getSelectionModel().select(p));
                }
            }

            @Override
            public void close() {
                if (dialog.isShowing()) {
                    dialog.close();
                }
            }
        };
    }
}
