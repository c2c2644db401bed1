package io.github.fxsession.testing;

import static io.github.fxsession.testing.FxToolkit.loadAndWait;
import static io.github.fxsession.testing.FxToolkit.onFx;

import io.github.fxsession.Session;
import javafx.concurrent.Worker;
import javafx.scene.web.WebView;

/** WebViews attached to sessions, opened on pages, for tests. */
public final class Pages {

    private Pages() {
    }

    /** A new WebView attached to {@code session}. */
    public static WebView attached(Session session) {
        return onFx(() -> {
            WebView view = new WebView();
            session.attach(view);
            return view;
        });
    }

    /** A new WebView attached to {@code session} that has loaded {@code url} successfully. */
    public static WebView open(Session session, String url) {
        WebView view = attached(session);
        Worker.State state = loadAndWait(view.getEngine(), () -> view.getEngine().load(url));
        if (state != Worker.State.SUCCEEDED) {
            throw new AssertionError("loading " + url + " ended " + state);
        }
        return view;
    }

    /** Runs {@code script} in {@code view}'s main frame on the FX thread. */
    public static Object eval(WebView view, String script) {
        return onFx(() -> view.getEngine().executeScript(script));
    }
}
