package io.github.fxsession.samples.scenebuilder;

import io.github.fxsession.SessionWebView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javafx.application.Application;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Shows {@code TwoPartitions.fxml}, the FXML file made with Scene Builder: two {@link SessionWebView}s,
 * {@code #left} on {@value #LEFT} and {@code #right} on {@value #RIGHT}, side by side. Each loads the URL
 * given as first (left) or second (right) argument, or a page naming its partition and showing the cookies
 * it sees: log in to a site on one side and the other stays logged out.
 *
 * <pre>{@code
 * TwoPartitionsSample.Views views = TwoPartitionsSample.load();
 * views.left().setLocation("https://example.com/");
 * stage.setScene(new Scene(views.root()));
 * }</pre>
 *
 * <p>Threading: FX Application Thread only.
 *
 * @since 0.2
 */
public final class TwoPartitionsSample {

    /** The partition of the left view. */
    public static final String LEFT = "persist:scenebuilder-left";
    /** The partition of the right view. */
    public static final String RIGHT = "scenebuilder-right";

    private TwoPartitionsSample() {
    }

    /** Launches the sample; arguments: the left URL, then the right URL. */
    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    /**
     * Loads {@code TwoPartitions.fxml} with {@link FXMLLoader}.
     *
     * @return the root and its two views
     */
    public static Views load() {
        FXMLLoader loader = new FXMLLoader(TwoPartitionsSample.class.getResource("TwoPartitions.fxml"));
        try {
            Parent root = loader.load();
            return new Views(root, (SessionWebView) loader.getNamespace().get("left"),
                    (SessionWebView) loader.getNamespace().get("right"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load TwoPartitions.fxml", e);
        }
    }

    /**
     * What {@link #load()} built.
     *
     * @param root the FXML's root
     * @param left the view {@code #left}, on {@value #LEFT}
     * @param right the view {@code #right}, on {@value #RIGHT}
     */
    public record Views(Parent root, SessionWebView left, SessionWebView right) {
    }

    /** The sample's window. */
    public static final class App extends Application {
        @Override
        public void start(Stage stage) {
            Views views = load();
            List<String> urls = getParameters().getUnnamed();
            show(views.left(), urls.size() > 0 ? urls.get(0) : null);
            show(views.right(), urls.size() > 1 ? urls.get(1) : null);
            stage.setTitle("fxsession: two partitions from FXML");
            stage.setScene(new Scene(views.root()));
            stage.show();
        }

        private static void show(SessionWebView view, String url) {
            if (url != null) {
                view.setLocation(url);
            } else {
                view.getWebContents().loadContent("<!doctype html><body style='font-family:sans-serif'><h2>Partition "
                        + view.getPartition() + "</h2><p>Cookies this page sees: <code id=c></code></p>"
                        + "<script>document.getElementById('c').textContent = document.cookie || '(none)'</script>");
            }
        }
    }
}
