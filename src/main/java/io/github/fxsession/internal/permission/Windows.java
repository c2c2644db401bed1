package io.github.fxsession.internal.permission;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.web.WebEngine;
import javafx.scene.web.WebView;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Finds the WebView (and window) that shows an engine: WebEngine has no public link back to its view, so
 * the showing windows' scene graphs are searched, which is cheap next to a permission prompt.
 *
 * <p>Threading: FX Application Thread.
 */
public final class Windows {

    private Windows() {
    }

    /** The showing WebView of {@code engine}, or {@code null}. */
    static WebView viewOf(WebEngine engine) {
        if (engine == null) {
            return null;
        }
        for (Window window : Window.getWindows()) {
            Scene scene = window.getScene();
            if (scene == null || scene.getRoot() == null) {
                continue;
            }
            for (Node node : scene.getRoot().lookupAll(".web-view")) {
                if (node instanceof WebView view && view.getEngine() == engine) {
                    return view;
                }
            }
        }
        return null;
    }

    /** The window showing {@code engine}, or {@code null}. */
    public static Window windowOf(WebEngine engine) {
        WebView view = viewOf(engine);
        return view == null || view.getScene() == null ? null : view.getScene().getWindow();
    }

    /** The stage showing {@code engine}, or {@code null} (also when it is shown in a popup). */
    static Stage stageOf(WebEngine engine) {
        return windowOf(engine) instanceof Stage stage ? stage : null;
    }
}
