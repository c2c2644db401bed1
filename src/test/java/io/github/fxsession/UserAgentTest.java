package io.github.fxsession;

import static io.github.fxsession.testing.FxToolkit.loadAndWait;
import static io.github.fxsession.testing.FxToolkit.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.fxsession.testing.FxToolkit;
import io.github.fxsession.testing.Pages;
import io.github.fxsession.testing.TestServer;
import javafx.scene.web.WebView;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What a session says about itself on the wire and in the page. */
@ExtendWith(FxToolkit.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UserAgentTest {

    @RegisterExtension
    final TestServer server = TestServer.start();

    @BeforeAll
    void routes() {
        server.route("/ua.html", "text/html", "<!doctype html><html><body>ua</body></html>");
    }

    private RecordedRequest lastRequest() {
        var all = server.requests("/ua.html");
        return all.get(all.size() - 1);
    }

    private WebView loadIn(Session session) {
        return Pages.open(session, server.url("/ua.html"));
    }

    @Test
    void serverSeesExactlyTheSessionUserAgentAndChromiumStyleAcceptLanguage() {
        Session session = Session.fromPartition("ua-wire");
        session.setUserAgent("Kiosk/2.0 (fxsession)", "en-US,fr,de");
        loadIn(session);
        assertThat(lastRequest().getHeaders().get("User-Agent")).isEqualTo("Kiosk/2.0 (fxsession)");
        assertThat(lastRequest().getHeaders().get("Accept-Language")).isEqualTo("en-US,fr;q=0.9,de;q=0.8");
    }

    @Test
    void pageSeesTheSessionUserAgentWithoutAnyRoutingToken() {
        Session session = Session.fromPartition("ua-page");
        session.setUserAgent("PageAgent/3.1");
        WebView view = loadIn(session);
        assertThat(onFx(() -> view.getEngine().executeScript("navigator.userAgent"))).isEqualTo("PageAgent/3.1");
        assertThat(onFx(() -> view.getEngine().executeScript("navigator.appVersion"))).isEqualTo("PageAgent/3.1");
    }

    @Test
    void defaultUserAgentIsWebViewsStockOne() {
        Session session = Session.fromPartition("ua-stock");
        String stock = onFx(() -> new WebView().getEngine().getUserAgent());
        assertThat(session.getUserAgent()).isEqualTo(stock);
        loadIn(session);
        assertThat(lastRequest().getHeaders().get("User-Agent")).isEqualTo(stock);
    }

    @Test
    void changingTheSessionUserAgentReachesEnginesAlreadyAttached() {
        Session session = Session.fromPartition("ua-change");
        WebView view = loadIn(session);
        session.setUserAgent("Changed/9");
        FxToolkit.waitUntil("engine updated", () -> onFx(() -> view.getEngine().getUserAgent()).startsWith("Changed/9"));
        loadAndWait(view.getEngine(), () -> view.getEngine().reload());
        assertThat(lastRequest().getHeaders().get("User-Agent")).isEqualTo("Changed/9");
    }

    @Test
    void engineUserAgentSetByTheApplicationOverridesTheSessionForThatEngineOnly() {
        Session session = Session.fromPartition("ua-override");
        session.setUserAgent("SessionAgent/1");
        WebView view = onFx(WebView::new);
        WebContents contents = onFx(() -> session.attach(view));
        FxToolkit.runFx(() -> view.getEngine().setUserAgent("EngineAgent/2"));
        assertThat(contents.getUserAgent()).isEqualTo("EngineAgent/2");
        loadAndWait(view.getEngine(), () -> view.getEngine().load(server.url("/ua.html")));
        assertThat(lastRequest().getHeaders().get("User-Agent")).isEqualTo("EngineAgent/2");
        assertThat(onFx(() -> view.getEngine().executeScript("navigator.userAgent"))).isEqualTo("EngineAgent/2");
        FxToolkit.runFx(() -> contents.setUserAgent(null));
        assertThat(contents.getUserAgent()).isEqualTo("SessionAgent/1");
    }
}
