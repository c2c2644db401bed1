package io.github.fxsession.samples.permissions;

import io.github.fxsession.Session;
import io.github.fxsession.SessionWebView;
import io.github.fxsession.permission.GeolocationPosition;
import io.github.fxsession.permission.PermissionPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;

/**
 * A page that exercises every permission: notifications (requested, then shown as a JavaFX popup),
 * {@code navigator.permissions.query}, geolocation (from a fixed position), clipboard reading, full screen,
 * pointer lock and camera / microphone / screen capture (asked, then refused: WebView cannot do them),
 * and {@code mailto:} / {@code tel:} links (openExternal). With no handler set, each request shows
 * fxsession's JavaFX prompt.
 *
 * <pre>{@code
 * // in an application's menu bar, on the FX thread:
 * menuBar.getMenus().add(PermissionsDemo.menu((partition, url) -> browser.openTab(partition, url),
 *         url -> getHostServices().showDocument(url)));
 * }</pre>
 *
 * <p>The page is a local file ({@code file:} documents get the page bridge once parsed, which is enough
 * for buttons), so its decisions are remembered for the site {@code file://} in
 * {@value #PARTITION}.
 *
 * <p>Threading: FX Application Thread only, except {@link #pageUrl()}: any thread.
 *
 * @since 0.2
 */
public final class PermissionsDemo {

    /** The partition the demo page opens in. */
    public static final String PARTITION = "persist:permissions-demo";
    /** The position the demo's geolocation provider reports (the Eiffel Tower). */
    public static final GeolocationPosition POSITION = new GeolocationPosition(48.8584, 2.2945, 25);

    private static volatile String pageUrl;

    private PermissionsDemo() {
    }

    /** Opens the demo page in a window of its own. */
    public static void main(String[] args) {
        Platform.startup(() -> {
            Session session = configure(url -> System.out.println("would open " + url));
            SessionWebView view = new SessionWebView(session.getPartition());
            view.setLocation(pageUrl());
            Stage stage = new Stage();
            stage.setTitle("fxsession permissions demo");
            stage.setScene(new Scene(view, 900, 760));
            stage.setOnHidden(event -> Platform.exit());
            stage.show();
        });
    }

    /**
     * Prepares {@value #PARTITION}: a fixed geolocation provider, and {@code openExternal} through
     * {@code openExternal}.
     */
    public static Session configure(Consumer<String> openExternal) {
        Objects.requireNonNull(openExternal, "openExternal == null");
        Session session = Session.fromPartition(PARTITION);
        session.setGeolocationProvider(highAccuracy -> CompletableFuture.completedFuture(POSITION));
        session.setExternalUrlOpener(url -> {
            try {
                openExternal.accept(url);
            } catch (RuntimeException e) {
                // HostServices fail when the application was not started by Application.launch
                System.getLogger(PermissionsDemo.class.getName()).log(System.Logger.Level.WARNING, "cannot open " + url, e);
            }
        });
        return session;
    }

    /**
     * The {@code Permissions} menu: open the demo page (through {@code openTab(partition, url)}), forget
     * the remembered decisions, and switch the kiosk policy that denies everything without asking.
     */
    public static Menu menu(BiConsumer<String, String> openTab, Consumer<String> openExternal) {
        Objects.requireNonNull(openTab, "openTab == null");
        Session session = configure(openExternal);
        MenuItem open = new MenuItem("Open permissions demo page");
        open.setOnAction(event -> openTab.accept(PARTITION, pageUrl()));
        MenuItem forget = new MenuItem("Forget remembered decisions");
        forget.setOnAction(event -> session.permissionDecisions().clear());
        CheckMenuItem kiosk = new CheckMenuItem("Kiosk policy: deny everything without asking");
        kiosk.selectedProperty().addListener((obs, old, deny) ->
                session.setPermissionPolicy(deny ? PermissionPolicy.denyAll() : PermissionPolicy.ask()));
        return new Menu("Permissions", null, open, forget, kiosk);
    }

    /** The demo page's URL: a copy of the page in the temporary folder, made once per JVM. */
    public static String pageUrl() {
        String url = pageUrl;
        if (url == null) {
            synchronized (PermissionsDemo.class) {
                if (pageUrl == null) {
                    pageUrl = writePage().toUri().toString();
                }
                url = pageUrl;
            }
        }
        return url;
    }

    private static Path writePage() {
        try (InputStream in = PermissionsDemo.class.getResourceAsStream("permissions-demo.html")) {
            if (in == null) {
                throw new IllegalStateException("permissions-demo.html is missing from the samples");
            }
            Path file = Files.createTempFile("fxsession-permissions-demo", ".html");
            file.toFile().deleteOnExit();
            Files.write(file, in.readAllBytes());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the permissions demo page", e);
        }
    }
}
