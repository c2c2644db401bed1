package io.github.fxsession.samples.serial;

import io.github.fxsession.Session;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.BiConsumer;
import javafx.scene.control.Alert;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextInputDialog;

/**
 * A serial terminal page: {@code navigator.serial.requestPort()} (the default chooser asks), open at a
 * chosen baud rate, send lines, show what arrives, and report an unplugged device. Ports jSerialComm
 * cannot enumerate (pseudo-terminals: {@code socat -d -d pty,raw,echo=0 pty,raw,echo=0}) are added by
 * path from the menu ({@link Session#addSerialPort}).
 *
 * <pre>{@code
 * menuBar.getMenus().add(SerialTerminal.menu(browser::openTab));
 * }</pre>
 *
 * <p>Threading: FX Application Thread.
 *
 * @since 0.2
 */
public final class SerialTerminal {

    /** The partition the terminal opens in. */
    public static final String PARTITION = "serial-terminal";
    private static volatile String pageUrl;

    private SerialTerminal() {
    }

    /** The {@code Serial} menu: open the terminal (through {@code openTab(partition, url)}), add a port by path. */
    public static Menu menu(BiConsumer<String, String> openTab) {
        Objects.requireNonNull(openTab, "openTab == null");
        MenuItem open = new MenuItem("Open serial terminal");
        open.setOnAction(event -> openTab.accept(PARTITION, pageUrl()));
        MenuItem add = new MenuItem("Add serial port by path\u2026");
        add.setOnAction(event -> {
            TextInputDialog dialog = new TextInputDialog("/dev/pts/");
            dialog.setHeaderText("Path of a serial device jSerialComm does not list (a pseudo-terminal)");
            dialog.showAndWait().ifPresent(path -> {
                try {
                    Session.addSerialPort(Path.of(path), null);
                } catch (IllegalArgumentException e) {
                    new Alert(Alert.AlertType.ERROR, e.getMessage()).show();
                }
            });
        });
        return new Menu("Serial", null, open, add);
    }

    /** The terminal page's URL: a copy of the page in the temporary folder, made once per JVM. */
    public static String pageUrl() {
        String url = pageUrl;
        if (url == null) {
            synchronized (SerialTerminal.class) {
                if (pageUrl == null) {
                    pageUrl = writePage().toUri().toString();
                }
                url = pageUrl;
            }
        }
        return url;
    }

    private static Path writePage() {
        try (InputStream in = SerialTerminal.class.getResourceAsStream("serial-terminal.html")) {
            if (in == null) {
                throw new IllegalStateException("serial-terminal.html is missing from the samples");
            }
            Path file = Files.createTempFile("fxsession-serial-terminal", ".html");
            file.toFile().deleteOnExit();
            Files.write(file, in.readAllBytes());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the serial terminal page", e);
        }
    }
}
