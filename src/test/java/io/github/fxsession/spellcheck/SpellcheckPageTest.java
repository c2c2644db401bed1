package io.github.fxsession.spellcheck;

import static io.github.fxsession.testing.FxToolkit.onFx;
import static io.github.fxsession.testing.FxToolkit.runFx;
import static io.github.fxsession.testing.FxToolkit.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.fxsession.Session;
import io.github.fxsession.testing.FxToolkit;
import io.github.fxsession.testing.Pages;
import io.github.fxsession.testing.TestServer;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.MouseButton;
import javafx.scene.web.WebView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;

/** In-page marking and the suggestion menu, typed and clicked with TestFX on the headless platform. */
@ExtendWith(FxToolkit.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpellcheckPageTest {

    static {
        // TestFX drives the headless platform's own (glass) robot; AWT has no display here
        System.setProperty("testfx.robot", "glass");
    }

    private static final String PAGE = """
            <!DOCTYPE html><html><head><style>
            body { margin: 10px; font: 16px sans-serif; }
            textarea, div { display: block; width: 400px; height: 60px; margin: 10px 0; font: 16px sans-serif; }
            div { border: 1px solid #888; }
            </style></head><body>
            <textarea id="area"></textarea>
            <div id="editable" contenteditable="true"></div>
            <textarea id="off" spellcheck="false"></textarea>
            <input id="line" type="text" style="width: 300px; font: 16px sans-serif">
            <iframe id="frame" src="/inner.html" style="width: 420px; height: 90px; border: 3px solid #000; padding: 4px"></iframe>
            <script>
              window.inputs = 0;
              document.addEventListener('input', function () { window.inputs++; });
            </script>
            </body></html>""";

    @RegisterExtension
    final TestServer server = TestServer.start().route("/form.html", "text/html", PAGE).route("/inner.html", "text/html",
            "<!DOCTYPE html><html><body style='margin:5px'><textarea id='inner' style='width:300px;height:50px;"
            + "font:16px sans-serif'></textarea></body></html>");

    private final FxRobot robot = new FxRobot();
    private Stage stage;
    private WebView view;

    @BeforeAll
    void showPage() {
        Session session = Session.fromPartition("persist:spellcheck-page");
        session.setSpellCheckerLanguages(List.of("en-US"));
        session.removeWordFromSpellCheckerDictionary("recieve"); // left by an earlier run of the suite
        session.removeWordFromSpellCheckerDictionary("Zorblaxo");
        view = Pages.open(session, server.url("/form.html"));
        runFx(() -> {
            stage = new Stage();
            stage.setScene(new Scene(view, 480, 440));
            stage.show();
        });
    }

    @AfterAll
    void closeWindow() {
        if (stage != null) {
            runFx(stage::close);
        }
    }

    /** The document the helpers below work in: the top one, or the same-origin frame's. */
    private String doc = "document";
    private String offset = "{x:0,y:0}";

    private Object eval(String script) {
        return Pages.eval(view, "(function(document){return " + script + "})(" + doc + ")");
    }

    /** The words underlined in the overlay, as the page's DOM shows them. */
    private String marked() {
        return String.valueOf(eval("(function(){var h=document.querySelector('fxsession-spellcheck');"
                + "if(!h){return ''}var a=[];h.shadowRoot.querySelectorAll('[data-word]').forEach(function(d){"
                + "a.push(d.getAttribute('data-word'))});return a.join(',')})()"));
    }

    private Point2D screenPoint(String script) {
        String[] xy = String.valueOf(eval("(function(){var p=" + script + ",o=" + offset
                + ";return (p.x+o.x)+','+(p.y+o.y)})()")).split(",");
        double x = Double.parseDouble(xy[0]);
        double y = Double.parseDouble(xy[1]);
        return onFx(() -> view.localToScreen(x, y));
    }

    private void typeInto(String id, String text) {
        robot.clickOn(screenPoint("(function(){var r=document.getElementById('" + id
                + "').getBoundingClientRect();return {x:r.left+20,y:r.top+15}})()"), MouseButton.PRIMARY);
        waitUntil("focus on " + id, () -> id.equals(eval("document.activeElement.id")));
        robot.write(text);
    }

    private void chooseSuggestion(String word, String suggestion) {
        rightClick(word);
        assertThat(onFx(() -> menu().getItems().stream().map(MenuItem::getText).toList()))
                .startsWith(suggestion).contains("Add to dictionary", "Cut", "Copy", "Paste", "Select all");
        clickItem(suggestion);
    }

    private void rightClick(String word) {
        Point2D at = screenPoint("(function(){var h=document.querySelector('fxsession-spellcheck');"
                + "var d=[].slice.call(h.shadowRoot.querySelectorAll('[data-word]')).filter(function(e){"
                + "return e.getAttribute('data-word')==='" + word + "'})[0].getBoundingClientRect();"
                + "return {x:d.left+d.width/2,y:d.top-6}})()");
        robot.moveTo(at).clickOn(MouseButton.SECONDARY);
        waitUntil("the spellcheck menu shows", () -> onFx(() -> menu() != null));
    }

    private void clickItem(String label) {
        Node item = onFx(() -> menu().getSkin().getNode().lookupAll(".menu-item").stream()
                .filter(n -> n.lookup(".label") instanceof javafx.scene.control.Label l && label.equals(l.getText()))
                .findFirst().orElseThrow());
        robot.clickOn(item);
    }

    /** A red wavy line is rendered where the mark is, with the word's glyphs (dark pixels) just above it. */
    private void assertUnderlineIsDrawnUnderText(String word) {
        String[] r = String.valueOf(eval("(function(){var h=document.querySelector('fxsession-spellcheck');"
                + "var d=[].slice.call(h.shadowRoot.querySelectorAll('[data-word]')).filter(function(e){"
                + "return e.getAttribute('data-word')==='" + word + "'})[0].getBoundingClientRect();"
                + "return [d.left,d.top,d.right,d.bottom].join(',')})()")).split(",");
        int left = (int) Math.ceil(Double.parseDouble(r[0]));
        int top = (int) Math.floor(Double.parseDouble(r[1]));
        int right = (int) Math.floor(Double.parseDouble(r[2]));
        int bottom = (int) Math.ceil(Double.parseDouble(r[3]));
        waitUntil("the underline is rendered", () -> onFx(() -> {
            javafx.scene.image.PixelReader pixels = view.snapshot(null, null).getPixelReader();
            int red = 0;
            int dark = 0;
            for (int x = left; x < right; x++) {
                for (int y = top; y < bottom; y++) {
                    javafx.scene.paint.Color c = pixels.getColor(x, y);
                    red += c.getRed() > 0.6 && c.getGreen() < 0.45 && c.getBlue() < 0.45 ? 1 : 0;
                }
                for (int y = top - 14; y < top; y++) {
                    dark += pixels.getColor(x, y).getBrightness() < 0.4 ? 1 : 0;
                }
            }
            return red > (right - left) / 2 && dark > (right - left) / 2;
        }));
    }

    private static ContextMenu menu() {
        return Window.getWindows().stream()
                .filter(w -> w instanceof ContextMenu m && m.isShowing() && m.getStyleClass().contains("fxsession-spellcheck-menu"))
                .map(ContextMenu.class::cast).findFirst().orElse(null);
    }

    @Test
    void misspelledWordInTextareaIsMarkedAndFixedFromTheMenu() {
        typeInto("area", "We recieve mail ");
        waitUntil(() -> "marked: " + marked(), () -> marked().equals("recieve"));
        assertThat(eval("document.getElementById('area').value")).isEqualTo("We recieve mail ");
        assertUnderlineIsDrawnUnderText("recieve");
        int inputsBefore = ((Number) eval("window.inputs")).intValue();

        chooseSuggestion("recieve", "receive");

        waitUntil(() -> "fixed: " + eval("document.getElementById('area').value"),
                () -> "We receive mail ".equals(eval("document.getElementById('area').value")));
        assertThat(((Number) eval("window.inputs")).intValue()).isGreaterThan(inputsBefore);
        waitUntil(() -> "unmarked: " + marked(), () -> marked().isEmpty());
    }

    @Test
    void misspelledWordInContentEditableIsMarkedAndFixedFromTheMenu() {
        typeInto("editable", "Good mornning all");
        waitUntil(() -> "marked: " + marked(), () -> marked().equals("mornning"));
        assertThat(eval("document.getElementById('editable').innerHTML")).isEqualTo("Good mornning all");

        chooseSuggestion("mornning", "morning");

        waitUntil(() -> "fixed: " + eval("document.getElementById('editable').textContent"),
                () -> "Good morning all".equals(eval("document.getElementById('editable').textContent")));
    }

    @Test
    void misspelledWordInSameOriginFrameIsMarkedAndFixedFromTheMenu() {
        waitUntil("the frame is loaded", () -> Boolean.TRUE.equals(Pages.eval(view,
                "!!(document.getElementById('frame').contentDocument||{}).getElementById"
                + "&&!!document.getElementById('frame').contentDocument.getElementById('inner')")));
        doc = "document.getElementById('frame').contentDocument";
        offset = "(function(){var f=window.document.getElementById('frame'),r=f.getBoundingClientRect();"
                + "return {x:r.left+f.clientLeft+4,y:r.top+f.clientTop+4}})()";
        try {
            typeInto("inner", "Framed recieve ");
            waitUntil(() -> "marked: " + marked(), () -> marked().equals("recieve"));

            chooseSuggestion("recieve", "receive");

            waitUntil(() -> "fixed: " + eval("document.getElementById('inner').value"),
                    () -> "Framed receive ".equals(eval("document.getElementById('inner').value")));
        } finally {
            doc = "document";
            offset = "{x:0,y:0}";
        }
    }

    @Test
    void wordAddedFromTheMenuIsNoLongerMarked() {
        typeInto("line", "Zorblaxo ");
        waitUntil(() -> "marked: " + marked(), () -> marked().contains("Zorblaxo"));

        rightClick("Zorblaxo");
        clickItem("Add to dictionary");

        waitUntil(() -> "unmarked: " + marked(), () -> !marked().contains("Zorblaxo"));
    }

    @Test
    void elementWithSpellcheckFalseIsNotMarked() throws InterruptedException {
        typeInto("off", "Nothing recieved ");
        Thread.sleep(600);
        assertThat(marked()).doesNotContain("recieved");
    }
}
