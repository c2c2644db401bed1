package io.github.fxsession;

import static io.github.fxsession.testing.FxToolkit.onFx;
import static io.github.fxsession.testing.FxToolkit.runFx;
import static io.github.fxsession.testing.FxToolkit.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.fxsession.testing.FxToolkit;
import io.github.fxsession.testing.TestServer;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javafx.fxml.FXMLLoader;
import javafx.scene.web.WebView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link SessionWebView}'s properties: defaults, effect on the inner WebView, FXML attributes. */
@ExtendWith(FxToolkit.class)
class SessionWebViewPropertiesTest {

    /**
     * Views whose JavaScript was turned off, kept for the JVM's life with JavaScript back on: in two full
     * runs the FX thread hung in WebKit's JSC garbage collection while disposing a collected page after
     * this class ran (suspected, not proven, to be such a view).
     */
    private static final List<SessionWebView> KEPT = new java.util.ArrayList<>();

    @RegisterExtension
    final TestServer server = TestServer.start().route("/page", "text/html", "<title>page</title>page");

    @Test
    void viewMadeByTheNoArgConstructorHasTheDocumentedDefaults() {
        List<Object> values = onFx(() -> {
            SessionWebView view = new SessionWebView();
            return List.of(view.getPartition(), view.getLocation(), String.valueOf(view.getUserAgent()), view.getZoom(),
                    view.getFontScale(), view.isContextMenuEnabled(), view.isJavaScriptEnabled(),
                    view.getSession() == Session.defaultSession());
        });

        assertThat(values).containsExactly("", "", "null", 1.0, 1.0, true, true, true);
    }

    @Test
    void propertiesApplyToTheInnerWebViewAndFollowItToANewPartition() {
        List<Object> values = onFx(() -> {
            SessionWebView view = new SessionWebView("props-a");
            view.setZoom(1.5);
            view.setFontScale(1.25);
            view.setContextMenuEnabled(false);
            view.setJavaScriptEnabled(false);
            view.setUserAgent("Props/1.0");
            KEPT.add(view);
            WebView first = view.getWebView();
            view.setPartition("props-b");
            WebView inner = view.getWebView();
            List<Object> result = List.of(inner != first, inner.getZoom(), inner.getFontScale(), inner.isContextMenuEnabled(),
                    inner.getEngine().isJavaScriptEnabled(), view.getWebContents().getUserAgent(),
                    view.getSession().getPartition());
            view.setJavaScriptEnabled(true);
            return result;
        });

        assertThat(values).containsExactly(true, 1.5, 1.25, false, false, "Props/1.0", "props-b");
    }

    @Test
    void blankUserAgentRestoresTheSessions() {
        String agent = onFx(() -> {
            SessionWebView view = new SessionWebView("props-c");
            view.setUserAgent("Props/2.0");
            view.setUserAgent("");
            return view.getWebContents().getUserAgent();
        });

        assertThat(agent).isEqualTo(Session.fromPartition("props-c").getUserAgent());
    }

    @Test
    void viewDeclaredInFxmlMakesOneWebViewOnItsPartition() {
        List<Object> values = onFx(() -> {
            int before = new SessionWebView("props-one-a").getWebContents().getId();
            SessionWebView view = new FXMLLoader().load(new ByteArrayInputStream(("<?import io.github.fxsession.SessionWebView?>"
                    + "<SessionWebView partition=\"props-one-b\"/>").getBytes(StandardCharsets.UTF_8)));
            return List.of(view.getWebContents().getId() - before, view.getSession().getPartition());
        });

        assertThat(values).containsExactly(1, "props-one-b");
    }

    @Test
    void zeroZoomIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> runFx(() -> new SessionWebView("props-d").setZoom(0)));

        assertThat(e).hasMessage("zoom must be a positive number: 0.0");
    }

    @Test
    void userAgentWithALineBreakIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> runFx(() -> new SessionWebView("props-d").setUserAgent("A\nB")));

        assertThat(e).hasMessage("userAgent must contain only printable ASCII characters, found U+000A at index 1: 'A\\nB'");
    }

    @Test
    void fxmlAttributesSetEveryPropertyAndTheUserAgentReachesTheServer() {
        String fxml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <?import io.github.fxsession.SessionWebView?>
                <SessionWebView xmlns:fx="http://javafx.com/fxml" partition="props-fxml" location="%s"
                    userAgent="FxmlAgent/1.0" zoom="0.75" fontScale="1.1" contextMenuEnabled="false"
                    javaScriptEnabled="false"/>
                """.formatted(server.url("/page"));
        SessionWebView view = onFx(() -> {
            SessionWebView loaded = new FXMLLoader().load(new ByteArrayInputStream(fxml.getBytes(StandardCharsets.UTF_8)));
            new javafx.scene.Scene(loaded); // the view makes its WebView, and loads its location, in a scene
            return loaded;
        });
        waitUntil("the page is requested", () -> !server.requests("/page").isEmpty());

        assertThat(onFx(() -> List.of(view.getSession().getPartition(), view.getZoom(), view.getFontScale(),
                view.isContextMenuEnabled(), view.isJavaScriptEnabled(), view.getWebView().getZoom())))
                .containsExactly("props-fxml", 0.75, 1.1, false, false, 0.75);
        assertThat(server.requests("/page").get(0).getHeaders().get("User-Agent")).isEqualTo("FxmlAgent/1.0");
        runFx(() -> {
            KEPT.add(view);
            view.setJavaScriptEnabled(true);
            view.getEngine().load("about:blank");
        });
    }
}
