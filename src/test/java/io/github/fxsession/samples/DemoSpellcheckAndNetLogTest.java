package io.github.fxsession.samples;

import static io.github.fxsession.testing.FxToolkit.onFx;
import static io.github.fxsession.testing.FxToolkit.runFx;
import static io.github.fxsession.testing.FxToolkit.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.fxsession.Session;
import io.github.fxsession.SessionWebView;
import io.github.fxsession.samples.netlog.NetLogToggle;
import io.github.fxsession.samples.spellcheck.SpellcheckDemo;
import io.github.fxsession.testing.FxToolkit;
import io.github.fxsession.testing.TestServer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletionException;
import javafx.concurrent.Worker;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The demo browser's Spellcheck and Tools (net log) menus' actions. */
@ExtendWith(FxToolkit.class)
class DemoSpellcheckAndNetLogTest {

    @RegisterExtension
    final TestServer server = TestServer.start().route("/logged", "text/html", "<title>logged</title>logged");

    @Test
    void spellcheckFormUnderlinesMisspelledWordsExceptInSpellcheckFalseFields() {
        Session session = Session.fromPartition(SpellcheckDemo.PARTITION);
        session.setSpellCheckerLanguages(List.of("en-US"));
        SpellcheckDemo.serveForm(session);
        SessionWebView view = onFx(() -> new SessionWebView(SpellcheckDemo.PARTITION));
        Stage stage = onFx(() -> {
            Stage window = new Stage();
            window.setScene(new Scene(view, 800, 600));
            window.show();
            view.setLocation(SpellcheckDemo.formUrl());
            return window;
        });
        try {
            waitUntil(() -> "marks on the form: " + marks(view), () -> marks(view).split(",").length >= 7);

            assertThat(marks(view).split(",")).containsExactlyInAnyOrder(
                    "tommorow", "recieve", "pakage", "tomorow", "definately", "Teh", "ovre");
        } finally {
            runFx(() -> {
                view.getEngine().load("about:blank");
                stage.close();
            });
        }
    }

    @Test
    void setLanguageAddsThenRemovesALanguage() {
        Session session = Session.fromPartition("spellcheck-demo-languages");
        session.setSpellCheckerLanguages(List.of("en-US"));

        assertThat(SpellcheckDemo.setLanguage(session, "fr", true)).containsExactly("en-US", "fr");
        assertThat(SpellcheckDemo.setLanguage(session, "en-US", false)).containsExactly("fr");
    }

    @Test
    void netLogToggleWritesTheSelectedPartitionsRequestsAndNamesTheFile(@TempDir Path folder) {
        SessionWebView view = onFx(() -> new SessionWebView("netlog-demo"));
        NetLogToggle toggle = new NetLogToggle(() -> view);
        Path file = folder.resolve("net-log.json");

        String started = onFx(() -> toggle.start(view.getSession(), file)).join();
        runFx(() -> view.setLocation(server.url("/logged")));
        waitUntil("the page loaded", () -> onFx(() -> view.getEngine().getLoadWorker().getState() == Worker.State.SUCCEEDED));
        Path written = onFx(toggle::stop).join();
        waitUntil("the status names the file", () -> onFx(() -> toggle.statusProperty().get()).equals("Net log written to " + file));

        assertThat(started).isEqualTo("Recording netlog-demo into " + file);
        assertThat(written).isEqualTo(file);
        assertThat(file).content().contains(server.url("/logged"));
        runFx(() -> view.getEngine().load("about:blank"));
    }

    @Test
    void stoppingTheNetLogWhenNothingRecordsFails() {
        NetLogToggle toggle = new NetLogToggle(() -> null);

        CompletionException e = assertThrows(CompletionException.class, () -> onFx(toggle::stop).join());

        assertThat(e.getCause()).isInstanceOf(IllegalStateException.class).hasMessage("no net log is recording");
    }

    @Test
    void defaultNetLogFileIsNamedAfterThePartitionInTheTemporaryFolder() {
        Path file = NetLogToggle.defaultFile(Session.fromPartition("persist:work"));

        assertThat(file).isEqualTo(Path.of(System.getProperty("java.io.tmpdir"), "fxsession-net-log-persist_work.json"));
    }

    private static String marks(SessionWebView view) {
        return String.valueOf(onFx(() -> view.getEngine().executeScript(
                "(function(){var h=document.querySelector('fxsession-spellcheck');if(!h){return ''}var a=[];"
                + "h.shadowRoot.querySelectorAll('[data-word]').forEach(function(d){a.push(d.getAttribute('data-word'))});"
                + "return a.join(',')})()")));
    }
}
