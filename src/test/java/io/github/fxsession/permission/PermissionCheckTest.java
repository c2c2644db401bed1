package io.github.fxsession.permission;

import static io.github.fxsession.testing.FxToolkit.onFx;
import static io.github.fxsession.testing.FxToolkit.waitUntil;
import static io.github.fxsession.testing.Pages.eval;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.fxsession.Session;
import io.github.fxsession.WebContents;
import io.github.fxsession.testing.FxToolkit;
import io.github.fxsession.testing.Pages;
import io.github.fxsession.testing.TestServer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.web.WebView;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The check handler answers Notification.permission and navigator.permissions.query, and sees who checks. */
@ExtendWith(FxToolkit.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PermissionCheckTest {

    @RegisterExtension
    final TestServer server = TestServer.start();

    record Check(WebContents contents, Permission permission, String origin, PermissionCheckDetails details) {
    }

    @BeforeAll
    void routes() {
        String crossOrigin = otherOrigin(server.url("/frame.html"));
        server.route("/page.html", "text/html", "<!doctype html><html><body><p>page</p></body></html>")
                .route("/framed.html", "text/html", "<!doctype html><html><body>"
                        + "<iframe id=f src='" + crossOrigin + "'></iframe></body></html>")
                .route("/frame.html", "text/html", "<!doctype html><html><body><script>"
                        + "navigator.permissions.query({ name: 'geolocation' }).then(function (s) {"
                        + " parent.postMessage('frame:' + s.state, '*'); });"
                        + "</script></body></html>");
    }

    /** The same server under its other name (localhost / 127.0.0.1): another origin. */
    private static String otherOrigin(String url) {
        return url.contains("localhost") ? url.replace("localhost", "127.0.0.1") : url.replace("127.0.0.1", "localhost");
    }

    @Test
    void checkHandlerSeesTheMainFramesUrlAndContents() {
        Session session = Session.fromPartition("permission-check-main");
        List<Check> checks = new CopyOnWriteArrayList<>();
        session.setPermissionCheckHandler((contents, permission, origin, details) -> {
            checks.add(new Check(contents, permission, origin, details));
            return true;
        });
        WebView view = onFx(WebView::new);
        WebContents contents = onFx(() -> session.attach(view));
        FxToolkit.loadAndWait(view.getEngine(), () -> contents.loadURL(server.url("/page.html")));

        assertThat(eval(view, "Notification.permission")).isEqualTo("granted");

        String origin = server.url("/").replaceAll("/$", "");
        assertThat(checks).containsExactly(new Check(contents, Permission.NOTIFICATIONS, origin,
                new PermissionCheckDetails(null, null, null, server.url("/page.html"), true)));
    }

    @Test
    void permissionsQueryAnswersFromTheCheckHandler() {
        Session session = Session.fromPartition("permission-check-query");
        session.setPermissionCheckHandler((contents, permission, origin, details) -> permission == Permission.MEDIA
                && details.mediaType() == MediaType.VIDEO);
        WebView view = Pages.open(session, server.url("/page.html"));

        eval(view, "window.states = [];"
                + "['camera', 'microphone', 'notifications'].forEach(function (n) {"
                + " navigator.permissions.query({ name: n }).then(function (s) { window.states.push(n + '=' + s.state); }); });");

        waitUntil("three answers", () -> ((Number) eval(view, "window.states.length")).intValue() == 3);
        assertThat(eval(view, "window.states.join(' ')")).isEqualTo("camera=granted microphone=denied notifications=denied");
    }

    @Test
    void checkHandlerSeesTheIframesOriginAndNoContentsForACrossOriginIframe() {
        Session session = Session.fromPartition("permission-check-frame");
        List<Check> checks = new CopyOnWriteArrayList<>();
        session.setPermissionCheckHandler((contents, permission, origin, details) -> {
            checks.add(new Check(contents, permission, origin, details));
            return false;
        });
        WebView view = Pages.attached(session);
        FxToolkit.loadAndWait(view.getEngine(), () -> view.getEngine().load(server.url("/framed.html")));

        waitUntil("the frame checked", () -> !checks.isEmpty());
        String frameOrigin = otherOrigin(server.url("/").replaceAll("/$", ""));
        String pageOrigin = server.url("/").replaceAll("/$", "");
        assertThat(checks).containsExactly(new Check(null, Permission.GEOLOCATION, frameOrigin,
                new PermissionCheckDetails(pageOrigin, null, null, null, false)));
    }

    @Test
    void withoutACheckHandlerAGrantMadeThisRunIsReportedAsGranted() {
        Session session = Session.fromPartition("permission-check-run");
        session.setPermissionRequestHandler((contents, permission, callback, details) -> callback.grant(true));
        WebView view = Pages.open(session, server.url("/page.html"));
        assertThat(eval(view, "Notification.permission")).isEqualTo("default");

        eval(view, "window.result = null; Notification.requestPermission().then(function (p) { window.result = p; })");
        waitUntil("the request is answered", () -> "granted".equals(eval(view, "window.result")));

        assertThat(eval(view, "Notification.permission")).isEqualTo("granted");
    }
}
