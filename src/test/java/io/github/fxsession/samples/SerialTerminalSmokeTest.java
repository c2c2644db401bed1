package io.github.fxsession.samples;

import static io.github.fxsession.testing.FxToolkit.waitUntil;
import static io.github.fxsession.testing.Pages.eval;
import static org.assertj.core.api.Assertions.assertThat;

import com.fazecast.jSerialComm.SerialPort;
import io.github.fxsession.Session;
import io.github.fxsession.samples.serial.SerialTerminal;
import io.github.fxsession.serial.SerialPortInfo;
import io.github.fxsession.testing.FxToolkit;
import io.github.fxsession.testing.Pages;
import io.github.fxsession.testing.PtyPair;
import java.nio.charset.StandardCharsets;
import javafx.scene.web.WebView;
import javafx.util.Subscription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The serial terminal demo page connects, sends a line and shows what the device answers. */
@ExtendWith(FxToolkit.class)
class SerialTerminalSmokeTest {

    @Test
    void terminalSendsALineAndShowsTheAnswer() throws Exception {
        try (PtyPair pair = PtyPair.open()) {
            SerialPortInfo port = Session.addSerialPort(pair.a(), "Simulator");
            Session session = Session.fromPartition(SerialTerminal.PARTITION);
            Subscription chooser = session.onSelectSerialPort((event, ports, contents, callback) -> {
                event.preventDefault();
                callback.select(port.portId());
            });
            SerialPort other = pair.openB();
            try {
                WebView view = Pages.open(session, SerialTerminal.pageUrl());
                eval(view, "document.getElementById('connect').click()");
                waitUntil(() -> "connected: " + eval(view, "document.getElementById('status').textContent"),
                        () -> eval(view, "document.getElementById('status').textContent").equals("Connected at 115200 baud."));
                eval(view, "document.getElementById('line').value = 'AT'; document.getElementById('send').click()");
                assertThat(PtyPair.read(other, 4)).isEqualTo("AT\r\n");
                other.writeBytes("OK\r\n".getBytes(StandardCharsets.US_ASCII), 4);
                waitUntil("the answer shows", () -> eval(view, "document.getElementById('out').textContent").equals("OK\r\n"));
            } finally {
                other.closePort();
                chooser.unsubscribe();
            }
        }
    }
}
