package io.github.fxsession.samples.downloads;

import io.github.fxsession.Session;
import io.github.fxsession.SessionWebView;
import io.github.fxsession.download.DownloadsPanel;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import javafx.application.Application;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;

/**
 * The demo browser's downloads: a {@link DownloadsPanel} in its own window, which appears when a tab's
 * session starts a download. With no download folder set, each download asks where to save with a
 * JavaFX save dialog; {@code main} shows the panel alone, downloading the URLs given as arguments into
 * the current folder.
 */
public final class DownloadsWindow {

    private final DownloadsPanel panel = new DownloadsPanel();
    private final Set<Session> tracked = new HashSet<>();
    private Stage stage;

    private DownloadsWindow() {
    }

    /**
     * Tracks the session of every tab of {@code tabs} (their content's {@link SessionWebView}, kept as the
     * tab's user data) and shows the downloads window on the first download. FX Application Thread.
     */
    public static DownloadsWindow install(TabPane tabs) {
        Objects.requireNonNull(tabs, "tabs == null");
        DownloadsWindow window = new DownloadsWindow();
        tabs.getTabs().forEach(window::track);
        tabs.getTabs().addListener((ListChangeListener<Tab>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(window::track);
            }
        });
        window.panel.getItems().addListener((ListChangeListener<Object>) change -> window.show());
        return window;
    }

    /** The panel of this window. */
    public DownloadsPanel getPanel() {
        return panel;
    }

    private void track(Tab tab) {
        if (tab.getUserData() instanceof SessionWebView view && tracked.add(view.getSession())) {
            panel.track(view.getSession());
        }
    }

    private void show() {
        if (stage == null) {
            stage = new Stage();
            stage.setTitle("Downloads");
            stage.setScene(new Scene(panel, 520, 360));
        }
        stage.show();
    }

    /** Shows the panel alone and downloads {@code args} (URLs) into the current folder. */
    public static void main(String[] args) {
        Application.launch(Standalone.class, args);
    }

    /** The standalone panel of {@link #main}. */
    public static final class Standalone extends Application {
        @Override
        public void start(Stage primary) {
            Session session = Session.defaultSession();
            session.setDownloadPath(java.nio.file.Path.of("").toAbsolutePath());
            DownloadsPanel panel = new DownloadsPanel();
            panel.track(session);
            primary.setTitle("Downloads");
            primary.setScene(new Scene(panel, 520, 360));
            primary.show();
            getParameters().getUnnamed().forEach(session::downloadURL);
        }
    }
}
