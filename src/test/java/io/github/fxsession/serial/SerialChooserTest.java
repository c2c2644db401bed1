package io.github.fxsession.serial;

import static io.github.fxsession.testing.FxToolkit.onFx;
import static io.github.fxsession.testing.FxToolkit.waitUntil;
import static io.github.fxsession.testing.Pages.eval;
import static org.assertj.core.api.Assertions.assertThat;

import com.fazecast.jSerialComm.SerialPort;
import io.github.fxsession.Session;
import io.github.fxsession.testing.FxToolkit;
import io.github.fxsession.testing.Pages;
import io.github.fxsession.testing.PtyPair;
import io.github.fxsession.testing.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.web.WebView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;

/** The default chooser, driven with TestFX: it follows ports coming and going, and its choice reaches the page. */
@ExtendWith(FxToolkit.class)
class SerialChooserTest {

    static {
        // TestFX drives the headless platform's own (glass) robot; AWT has no display here
        System.setProperty("testfx.robot", "glass");
    }

    @RegisterExtension
    final TestServer server = TestServer.start()
            .route("/serial.html", "text/html", "<!doctype html><html><body><p>serial</p></body></html>");

    private final FxRobot robot = new FxRobot();

    @SuppressWarnings("unchecked")
    private List<String> listed() {
        return onFx(() -> {
            Set<Node> lists = robot.lookup("#serial-ports").queryAll();
            return lists.isEmpty() ? List.of()
                    : ((ListView<SerialPortInfo>) lists.iterator().next()).getItems().stream().map(SerialPortInfo::portName).toList();
        });
    }

    @Test
    void chooserFollowsPortsAndItsChoiceReachesThePage() throws Exception {
        Session.setSerialPortPollInterval(Duration.ofMillis(100));
        try (PtyPair pair = PtyPair.open()) {
            SerialPortInfo port = Session.addSerialPort(pair.a(), "Simulator");
            WebView view = Pages.open(Session.fromPartition("serial-chooser"), server.url("/serial.html"));
            eval(view, WebSerialTest.PING);
            waitUntil("the chooser lists the port", () -> listed().contains(port.portName()));
            String plugged;
            try (PtyPair second = PtyPair.open()) {
                plugged = Session.addSerialPort(second.a(), null).portName();
                waitUntil("the chooser lists the plugged port", () -> listed().contains(plugged));
            }
            waitUntil("the chooser drops the unplugged port", () -> !listed().contains(plugged));
            robot.clickOn((Node) robot.lookup(n -> n instanceof ListCell<?> c && c.getText() != null
                    && c.getText().startsWith(port.portName())).query());
            robot.clickOn((Node) robot.lookup(n -> n instanceof Button b && "Connect".equals(b.getText())).query());
            SerialPort other = pair.openB();
            try {
                waitUntil(() -> "the port opens: " + eval(view, "String(window.state)"), () -> "open".equals(eval(view, "window.state")));
                assertThat(PtyPair.read(other, 4)).isEqualTo("ping");
            } finally {
                other.closePort();
            }
            assertThat(robot.lookup("#serial-ports").queryAll()).isEmpty();
        }
    }
}
