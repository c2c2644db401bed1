package io.github.fxsession.serviceworker;

import static io.github.fxsession.testing.Pages.eval;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.fxsession.Session;
import io.github.fxsession.testing.FxToolkit;
import io.github.fxsession.testing.Pages;
import io.github.fxsession.testing.TestServer;
import java.util.concurrent.CompletionException;
import javafx.scene.web.WebView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** WebView's engine has no service workers, and the session says so. */
@ExtendWith(FxToolkit.class)
class ServiceWorkersTest {

    @RegisterExtension
    final TestServer server = TestServer.start();

    @Test
    void pagesOfTheEngineHaveNoServiceWorkerApiAndNoWorkerRuns() {
        server.route("/sw.html", "text/html", "<!doctype html><html><body>sw</body></html>");
        Session session = Session.fromPartition("sw-pages");
        WebView view = Pages.open(session, server.url("/sw.html"));

        assertThat(eval(view, "typeof navigator.serviceWorker")).isEqualTo("undefined");
        assertThat(session.serviceWorkers().getAllRunning()).isEmpty();
    }

    @Test
    void getInfoFromVersionIdThrowsAsElectronDoesForAnUnknownWorker() {
        ServiceWorkers workers = Session.fromPartition("sw-info").serviceWorkers();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> workers.getInfoFromVersionID(1));
        assertThat(e).hasMessage("Could not find service worker with that version_id");
    }

    @Test
    void startWorkerForScopeFailsWithTheReason() {
        ServiceWorkers workers = Session.fromPartition("sw-start").serviceWorkers();
        CompletionException e = assertThrows(CompletionException.class,
                () -> workers.startWorkerForScope("https://example.com/").join());
        assertThat(e.getCause()).isInstanceOf(UnsupportedOperationException.class)
                .hasMessage("WebView's engine has no service workers");
    }

    @Test
    void startWorkerForScopeRejectsARelativeScopeQuotingIt() {
        ServiceWorkers workers = Session.fromPartition("sw-scope").serviceWorkers();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> workers.startWorkerForScope("/app/"));
        assertThat(e).hasMessage("scope must be an absolute http(s) URL: '/app/'");
    }
}
