package io.github.fxsession.samples.extension;

import io.github.fxsession.Session;
import io.github.fxsession.extension.Extension;
import java.net.URISyntaxException;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.web.WebView;
import javafx.stage.Stage;

/**
 * Loads the sample unpacked extension {@code link-counter} (manifest v3: a content script and a style
 * sheet that highlight every link and count them in {@code chrome.storage.local}) into a persistent
 * partition and opens a page.
 *
 * <pre>{@code
 * Extension ext = LinkCounterSample.load(Session.fromPartition("persist:reader"));
 * }</pre>
 *
 * <p>Threading: {@link #load} any thread; the application runs on the FX Application Thread.
 */
public final class LinkCounterSample extends Application {

    /** The extension's folder (in the samples' resources). */
    public static Path extensionFolder() {
        try {
            return Path.of(LinkCounterSample.class.getResource("link-counter/manifest.json").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the sample extension is not on the class path", e);
        }
    }

    /** Loads the extension into {@code session} (a persistent one, as Electron requires). */
    public static Extension load(Session session) {
        return session.loadExtension(extensionFolder()).join();
    }

    @Override
    public void start(Stage stage) {
        Session session = Session.fromPartition("persist:link-counter-sample");
        Extension extension = load(session);
        WebView view = new WebView();
        session.attach(view);
        view.getEngine().load(getParameters().getUnnamed().isEmpty() ? "https://openjdk.org/" : getParameters().getUnnamed().get(0));
        stage.setTitle(extension.name() + " " + extension.version() + " (" + extension.id() + ")");
        stage.setScene(new Scene(view, 1000, 700));
        stage.show();
    }

    public static void main(String[] args) {
        launch(args);
    }
}
