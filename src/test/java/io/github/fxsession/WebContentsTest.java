package io.github.fxsession;

import static io.github.fxsession.testing.FxToolkit.onFx;
import static io.github.fxsession.testing.FxToolkit.runFx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.fxsession.testing.FxToolkit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.scene.web.WebEngine;
import javafx.scene.web.WebView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Attaching WebViews to sessions, and what a {@link WebContents} accepts. */
@ExtendWith(FxToolkit.class)
class WebContentsTest {

    @Test
    void aWebViewCannotBeAttachedTwiceToItsSession() {
        Session session = Session.fromPartition("web-contents-test-twice");
        WebView view = onFx(WebView::new);
        runFx(() -> session.attach(view));

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> runFx(() -> session.attach(view)));

        assertThat(e).hasMessage("this WebEngine is already attached to Session[web-contents-test-twice]; a WebView"
                + " belongs to one session");
    }

    @Test
    void attachingOffTheFxThreadIsRefusedNamingTheThread() throws Exception {
        Session session = Session.fromPartition("web-contents-test-off-thread");
        WebView view = onFx(WebView::new);
        CompletableFuture<Throwable> thrown = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            try {
                session.attach(view);
                thrown.complete(null);
            } catch (Throwable t) {
                thrown.complete(t);
            }
        }, "web-contents-test-worker");
        worker.start();

        assertThat(thrown.get(10, TimeUnit.SECONDS))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("attach must be called on the FX Application Thread, not on web-contents-test-worker");
    }

    @Test
    void aWebViewAttachedToOneSessionCannotBeAttachedToAnother() {
        Session a = Session.fromPartition("web-contents-test-a");
        Session b = Session.fromPartition("web-contents-test-b");
        WebView view = onFx(WebView::new);
        runFx(() -> a.attach(view));

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> runFx(() -> b.attach(view)));

        assertThat(e).hasMessage("this WebEngine is already attached to Session[web-contents-test-a]; a WebView"
                + " belongs to one session");
    }

    @Test
    void aDetachedWebViewCanBeAttachedAgain() {
        Session a = Session.fromPartition("web-contents-test-detach-a");
        Session b = Session.fromPartition("web-contents-test-detach-b");
        WebView view = onFx(WebView::new);
        WebContents first = onFx(() -> a.attach(view));
        runFx(first::detach);

        WebContents second = onFx(() -> b.attach(view));

        assertThat(second.getSession()).isSameAs(b);
    }

    @Test
    void webContentsKnowsItsSession() {
        Session session = Session.fromPartition("web-contents-test-session");
        WebView view = onFx(WebView::new);

        WebContents contents = onFx(() -> session.attach(view));

        assertThat(contents.getSession()).isSameAs(session);
    }

    @Test
    void attachingANullWebViewIsRejected() {
        Session session = Session.fromPartition("web-contents-test-null");

        NullPointerException e = assertThrows(NullPointerException.class, () -> session.attach((WebView) null));

        assertThat(e).hasMessage("view == null");
    }

    @Test
    void attachingANullEngineIsRejected() {
        Session session = Session.fromPartition("web-contents-test-null");

        NullPointerException e = assertThrows(NullPointerException.class, () -> session.attach((WebEngine) null));

        assertThat(e).hasMessage("engine == null");
    }

    @Test
    void loadingANullUrlIsRejected() {
        WebContents contents = attachedContents("web-contents-test-null-url");

        NullPointerException e = assertThrows(NullPointerException.class, () -> runFx(() -> contents.loadURL(null)));

        assertThat(e).hasMessage("url == null");
    }

    @Test
    void loadingABlankUrlIsRejected() {
        WebContents contents = attachedContents("web-contents-test-blank-url");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> runFx(() -> contents.loadURL(" ")));

        assertThat(e).hasMessage("url must not be blank: ' '");
    }

    @Test
    void aWebContentsUserAgentCannotInjectAHeader() {
        WebContents contents = attachedContents("web-contents-test-injection");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> runFx(() -> contents.setUserAgent("a\r\nX-Evil: 1")));

        assertThat(e).hasMessage("userAgent must contain only printable ASCII characters, found U+000D at index 1:"
                + " 'a\\r\\nX-Evil: 1'");
    }

    @Test
    void aSessionUserAgentCannotInjectAHeader() {
        Session session = Session.fromPartition("web-contents-test-session-injection");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> session.setUserAgent("a\r\nX-Evil: 1"));

        assertThat(e).hasMessage("userAgent must contain only printable ASCII characters, found U+000D at index 1:"
                + " 'a\\r\\nX-Evil: 1'");
    }

    @Test
    void acceptLanguagesCannotInjectAHeader() {
        Session session = Session.fromPartition("web-contents-test-language-injection");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> session.setUserAgent("Good/1.0", "en\nX-Evil: 1"));

        assertThat(e).hasMessage("acceptLanguages must contain only printable ASCII characters, found U+000A at"
                + " index 2: 'en\\nX-Evil: 1'");
    }

    @Test
    void theUserAgentSetWithLanguagesIsTheSessionUserAgent() {
        Session session = Session.fromPartition("web-contents-test-identity");

        session.setUserAgent("Good/1.0", "en-US, fr");

        assertThat(session.getUserAgent()).isEqualTo("Good/1.0");
    }

    private static WebContents attachedContents(String partition) {
        Session session = Session.fromPartition(partition);
        WebView view = onFx(WebView::new);
        return onFx(() -> session.attach(view));
    }
}
