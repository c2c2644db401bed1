package io.github.fxsession.serial;

import static io.github.fxsession.testing.FxToolkit.waitUntil;
import static io.github.fxsession.testing.Pages.eval;
import static org.assertj.core.api.Assertions.assertThat;

import com.fazecast.jSerialComm.SerialPort;
import io.github.fxsession.Session;
import io.github.fxsession.permission.Permission;
import io.github.fxsession.testing.FxToolkit;
import io.github.fxsession.testing.Pages;
import io.github.fxsession.testing.PtyPair;
import io.github.fxsession.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import javafx.scene.web.WebView;
import javafx.util.Subscription;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** navigator.serial in a real WebView, over a socat pseudo-terminal pair. */
@ExtendWith(FxToolkit.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebSerialTest {

    /** Requests a port, opens it, writes "ping", then reads into window.got until the port is lost. */
    static final String PING = """
            window.got = ''; window.events = '';
            navigator.serial.addEventListener('disconnect', function () { window.events += 'disconnect;'; });
            navigator.serial.requestPort().then(function (p) {
              window.port = p;
              return p.open({ baudRate: 115200 });
            }).then(function () {
              var w = port.writable.getWriter();
              w.write(new TextEncoder().encode('ping'));
              w.releaseLock();
              var r = port.readable.getReader();
              (function loop() {
                r.read().then(function (x) {
                  if (!x.done) { window.got += new TextDecoder().decode(x.value); loop(); }
                }, function (e) { window.readError = e.name + ': ' + e.message; });
              })();
              window.state = 'open';
            }, function (e) { window.state = e.name + ': ' + e.message; });
            """;

    @RegisterExtension
    final TestServer server = TestServer.start();

    @BeforeAll
    void routes() {
        server.route("/serial.html", "text/html", "<!doctype html><html><body><p>serial</p></body></html>");
    }

    private static Subscription choose(Session session, String portId) {
        return session.onSelectSerialPort((event, ports, contents, callback) -> {
            event.preventDefault();
            callback.select(portId);
        });
    }

    private static Object settle(WebView view, String promise) {
        eval(view, "window.r = undefined; (" + promise + ").then(function (v) { window.r = 'ok ' + v; },"
                + " function (e) { window.r = e.name + ': ' + e.message; })");
        waitUntil("the promise settles", () -> eval(view, "window.r === undefined ? null : window.r") != null);
        return eval(view, "window.r");
    }

    @Test
    void webViewHasTheStreamsWebSerialNeeds() {
        WebView view = Pages.open(Session.fromPartition("serial-streams"), server.url("/serial.html"));
        assertThat(eval(view, "typeof ReadableStream + ' ' + typeof WritableStream")).isEqualTo("function function");
    }

    @Test
    void pagePingsAndReadsPongThenSeesTheUnplug() throws Exception {
        PtyPair pair = PtyPair.open();
        SerialPortInfo port = Session.addSerialPort(pair.a(), "Simulator");
        Session session = Session.fromPartition("serial-ping");
        Subscription chooser = choose(session, port.portId());
        WebView view = Pages.open(session, server.url("/serial.html"));
        SerialPort other = pair.openB();
        try {
            eval(view, PING);
            waitUntil(() -> "the port opens: " + eval(view, "window.state"), () -> !"undefined".equals(eval(view, "String(window.state)")));
            assertThat(eval(view, "window.state")).isEqualTo("open");
            assertThat(PtyPair.read(other, 4)).isEqualTo("ping");
            other.writeBytes("pong".getBytes(StandardCharsets.US_ASCII), 4);
            waitUntil(() -> "the page reads pong: " + eval(view, "window.got"), () -> "pong".equals(eval(view, "window.got")));
            assertThat(settle(view, "navigator.serial.getPorts().then(function (l) { return l.length + ' ' + (l[0] === port); })"))
                    .isEqualTo("ok 1 true");
        } finally {
            other.closePort();
            chooser.unsubscribe();
        }
        pair.unplug();
        waitUntil("disconnect fires", () -> "disconnect;".equals(eval(view, "window.events")));
        assertThat(eval(view, "window.readError")).isEqualTo("NetworkError: The device has been lost.");
    }

    @Test
    void openPortUnpluggedFiresDisconnectOnceThenConnectWhenPluggedBackAtTheSamePath(@TempDir Path dir) throws Exception {
        Session.setSerialPortPollInterval(Duration.ofMillis(100));
        Path link = dir.resolve("ttyDevice");
        Path other = dir.resolve("ttyTest");
        PtyPair pair = PtyPair.openAt(link, other);
        SerialPortInfo port = Session.addSerialPort(link, "Plugged");
        Session session = Session.fromPartition("serial-connect");
        Subscription chooser = choose(session, port.portId());
        WebView view = Pages.open(session, server.url("/serial.html"));
        try {
            eval(view, "window.events = '';"
                    + " navigator.serial.addEventListener('connect', function (e) { window.events += 'serial:connect;'; });"
                    + " navigator.serial.ondisconnect = function () { window.events += 'serial:disconnect;'; };");
            assertThat(settle(view, "navigator.serial.requestPort().then(function (p) { window.port = p;"
                    + " p.addEventListener('connect', function () { window.events += 'port:connect;'; });"
                    + " p.addEventListener('disconnect', function () { window.events += 'port:disconnect;'; });"
                    + " return p.open({ baudRate: 9600 }); }).then(function () { return port.connected; })")).isEqualTo("ok true");
            pair.unplug();
            waitUntil(() -> "disconnect fires: " + eval(view, "window.events"),
                    () -> String.valueOf(eval(view, "window.events")).contains("serial:disconnect;"));
            assertThat(eval(view, "port.connected")).isEqualTo(false);
            pair = PtyPair.openAt(link, other);
            waitUntil(() -> "connect fires: " + eval(view, "window.events"),
                    () -> String.valueOf(eval(view, "window.events")).contains("serial:connect;"));
            assertThat(eval(view, "window.events"))
                    .isEqualTo("port:disconnect;serial:disconnect;port:connect;serial:connect;");
            assertThat(settle(view, "navigator.serial.getPorts().then(function (l) { return l.length + ' ' + (l[0] === port)"
                    + " + ' ' + port.connected; })")).isEqualTo("ok 1 true true");
            assertThat(settle(view, "port.open({ baudRate: 9600 }).then(function () { return 'reopened'; })")).isEqualTo("ok reopened");
        } finally {
            chooser.unsubscribe();
            pair.close();
        }
    }

    @Test
    void badOpenOptionsRejectWithTypeError() throws Exception {
        try (PtyPair pair = PtyPair.open()) {
            SerialPortInfo port = Session.addSerialPort(pair.a(), null);
            Session session = Session.fromPartition("serial-options");
            Subscription chooser = choose(session, port.portId());
            WebView view = Pages.open(session, server.url("/serial.html"));
            assertThat(settle(view, "navigator.serial.requestPort().then(function (p) { window.port = p; return 'port'; })"))
                    .isEqualTo("ok port");
            chooser.unsubscribe();
            assertThat(settle(view, "port.open({ baudRate: 0 })"))
                    .isEqualTo("TypeError: Requested baud rate must be greater than zero.");
            assertThat(settle(view, "port.open({ baudRate: 9600, parity: 'mark' })"))
                    .isEqualTo("TypeError: The provided value 'mark' is not a valid enum value of type ParityType.");
            assertThat(settle(view, "port.close()")).isEqualTo("InvalidStateError: The port is already closed.");
        }
    }

    @Test
    void everyByteValueCrossesUnchangedBothWays() throws Exception {
        try (PtyPair pair = PtyPair.open()) {
            SerialPortInfo port = Session.addSerialPort(pair.a(), null);
            Session session = Session.fromPartition("serial-bytes");
            Subscription chooser = choose(session, port.portId());
            WebView view = Pages.open(session, server.url("/serial.html"));
            SerialPort other = pair.openB();
            try {
                assertThat(settle(view, "navigator.serial.requestPort().then(function (p) { window.port = p;"
                        + " return p.open({ baudRate: 9600 }); }).then(function () { var c = new Uint8Array(256);"
                        + " for (var i = 0; i < 256; i++) { c[i] = i; } var w = port.writable.getWriter();"
                        + " return w.write(c).then(function () { w.releaseLock(); return 'sent'; }); })")).isEqualTo("ok sent");
                byte[] expected = new byte[256];
                for (int i = 0; i < 256; i++) {
                    expected[i] = (byte) (255 - i);
                }
                byte[] got = PtyPair.read(other, 256).getBytes(StandardCharsets.ISO_8859_1);
                for (int i = 0; i < 256; i++) {
                    assertThat(got[i] & 0xff).as("byte %d", i).isEqualTo(i);
                }
                other.writeBytes(expected, 256);
                eval(view, "window.sum = ''; var r = port.readable.getReader(); var n = 0; var ok = true;"
                        + " (function loop() { r.read().then(function (x) { for (var i = 0; i < x.value.length; i++) {"
                        + " ok = ok && x.value[i] === 255 - n; n++; } if (n < 256) { loop(); } else { window.sum = n + ' ' + ok; } }); })()");
                waitUntil("the page reads 256 bytes", () -> "256 true".equals(eval(view, "window.sum")));
            } finally {
                other.closePort();
                chooser.unsubscribe();
            }
        }
    }

    @Test
    void leavingThePageClosesItsPort() throws Exception {
        try (PtyPair pair = PtyPair.open()) {
            SerialPortInfo port = Session.addSerialPort(pair.a(), null);
            Session session = Session.fromPartition("serial-leave");
            Subscription chooser = choose(session, port.portId());
            String open = "navigator.serial.requestPort().then(function (p) { return p.open({ baudRate: 9600 }); })"
                    + ".then(function () { return 'open'; })";
            WebView first = Pages.open(session, server.url("/serial.html"));
            assertThat(settle(first, open)).isEqualTo("ok open");
            WebView second = Pages.attached(session);
            FxToolkit.loadAndWait(second.getEngine(), () -> second.getEngine().load(server.url("/serial.html")));
            assertThat(settle(second, open)).isEqualTo("InvalidStateError: The port is already open.");
            FxToolkit.loadAndWait(first.getEngine(), () -> first.getEngine().load(server.url("/serial.html?again")));
            assertThat(settle(second, open)).isEqualTo("ok open");
            chooser.unsubscribe();
        }
    }

    @Test
    void cancelledChoiceRejectsWithNotFoundError() {
        Session session = Session.fromPartition("serial-cancel-page");
        Subscription chooser = choose(session, "");
        WebView view = Pages.open(session, server.url("/serial.html"));
        assertThat(settle(view, "navigator.serial.requestPort()")).isEqualTo("NotFoundError: No port selected by the user.");
        assertThat(settle(view, "navigator.serial.getPorts().then(function (l) { return l.length; })")).isEqualTo("ok 0");
        chooser.unsubscribe();
    }

    @Test
    void checkHandlerDenyingSerialRejectsWithSecurityError() {
        Session session = Session.fromPartition("serial-denied");
        session.setPermissionCheckHandler((contents, permission, origin, details) -> permission != Permission.SERIAL);
        WebView view = Pages.open(session, server.url("/serial.html"));
        assertThat(settle(view, "navigator.serial.requestPort()"))
                .isEqualTo("SecurityError: Access to the feature \"serial\" is disallowed by permissions policy.");
    }
}
