package io.github.fxsession.internal.serial;

import static io.github.fxsession.testing.FxToolkit.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fazecast.jSerialComm.SerialPort;
import io.github.fxsession.Session;
import io.github.fxsession.serial.SerialPortInfo;
import io.github.fxsession.testing.FxToolkit;
import io.github.fxsession.testing.PtyPair;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

/** The port registry, requests, and I/O over jSerialComm on socat pseudo-terminal pairs; no WebView. */
@ExtendWith(FxToolkit.class)
class SerialPortsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static SessionSerial serial(String partition) {
        Session.fromPartition(partition);
        return io.github.fxsession.internal.session.SessionRegistry.loaded(partition).serial();
    }

    private static <T> T onFxFuture(java.util.concurrent.Callable<CompletableFuture<T>> call) throws Exception {
        return FxToolkit.onFx(call).get(10, TimeUnit.SECONDS);
    }

    @Test
    void portAddedByPathIsListedUntilItsDeviceDisappears() throws Exception {
        PtyPair pair = PtyPair.open();
        SerialPortInfo port = Session.addSerialPort(pair.a(), "Simulator");
        assertThat(PortRegistry.get().ports()).contains(port);
        assertThat(port.displayName()).isEqualTo("Simulator");
        pair.unplug();
        waitUntil("the port is gone", () -> !PortRegistry.get().ports().contains(port));
    }

    @Test
    void addingAMissingPathNamesIt() {
        assertThatThrownBy(() -> Session.addSerialPort(Path.of("/dev/nonexistent-tty"), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("path does not exist: '/dev/nonexistent-tty'");
    }

    @Test
    void selectedPortCarriesBytesBothWays() throws Exception {
        try (PtyPair pair = PtyPair.open()) {
            SerialPortInfo port = Session.addSerialPort(pair.a(), null);
            Session.fromPartition("serial-io");
            SessionSerial serial = serial("serial-io");
            var sub = Session.fromPartition("serial-io").onSelectSerialPort((event, ports, contents, callback) -> {
                event.preventDefault();
                callback.select(port.portId());
            });
            SerialPortInfo chosen = onFxFuture(() -> serial.requestPort(null, "http://device.test", List.of()));
            sub.unsubscribe();
            assertThat(chosen).isEqualTo(port);
            assertThat(serial.grantedPorts("http://device.test")).containsExactly(port);
            assertThat(serial.grantedPorts("http://other.test")).isEmpty();

            ByteArrayOutputStream got = new ByteArrayOutputStream();
            OpenOptions options = OpenOptions.parse(JSON.readTree("{\"baudRate\":115200}"));
            SerialPort other = pair.openB();
            try (SerialConnection connection = SerialConnection.open(chosen.portName(), options,
                    bytes -> { synchronized (got) { got.writeBytes(bytes); } }, () -> { })) {
                connection.write("ping".getBytes(StandardCharsets.US_ASCII)).get(5, TimeUnit.SECONDS);
                assertThat(PtyPair.read(other, 4)).isEqualTo("ping");
                other.writeBytes("pong".getBytes(StandardCharsets.US_ASCII), 4);
                waitUntil("pong arrives", () -> { synchronized (got) { return got.size() >= 4; } });
                assertThat(got.toString(StandardCharsets.US_ASCII)).isEqualTo("pong");
            } finally {
                other.closePort();
            }
        }
    }

    @Test
    void unplugLosesTheOpenConnection() throws Exception {
        PtyPair pair = PtyPair.open();
        CompletableFuture<Void> lost = new CompletableFuture<>();
        OpenOptions options = OpenOptions.parse(JSON.readTree("{\"baudRate\":9600}"));
        try (SerialConnection connection = SerialConnection.open(pair.a().toString(), options, bytes -> { },
                () -> lost.complete(null))) {
            pair.unplug();
            lost.get(10, TimeUnit.SECONDS);
            assertThat(connection.isClosed()).isTrue();
        }
    }

    @Test
    void unplugDuringAPendingRequestFiresSerialPortRemoved() throws Exception {
        Session.setSerialPortPollInterval(Duration.ofMillis(100));
        PtyPair pair = PtyPair.open();
        SerialPortInfo port = Session.addSerialPort(pair.a(), null);
        Session session = Session.fromPartition("serial-removed");
        List<SerialPortInfo> removed = new CopyOnWriteArrayList<>();
        List<SerialPortInfo> added = new CopyOnWriteArrayList<>();
        session.onSelectSerialPort((event, ports, contents, callback) -> event.preventDefault());
        session.onSerialPortRemoved((p, contents) -> removed.add(p));
        session.onSerialPortAdded((p, contents) -> added.add(p));
        CompletableFuture<SerialPortInfo> pending = FxToolkit.onFx(
                () -> serial("serial-removed").requestPort(null, "http://device.test", List.of()));
        pair.unplug();
        waitUntil("serial-port-removed fires", () -> removed.contains(port));
        try (PtyPair second = PtyPair.open()) {
            SerialPortInfo plugged = Session.addSerialPort(second.a(), null);
            waitUntil("serial-port-added fires", () -> added.contains(plugged));
        }
        assertThat(pending).isNotDone();
        pending.cancel(false);
    }

    @Test
    void portLostByItsIoIsReportedGoneOnceThenAddedWhenAPollFindsItAgain() throws Exception {
        Session.setSerialPortPollInterval(Duration.ofMillis(100));
        try (PtyPair pair = PtyPair.open()) {
            SerialPortInfo port = Session.addSerialPort(pair.a(), null);
            List<String> changes = new CopyOnWriteArrayList<>();
            Runnable unwatch = PortRegistry.get().watch((p, added) -> {
                if (p.equals(port)) {
                    changes.add(added ? "added" : "gone");
                }
            });
            try {
                waitUntil("the poller knows the port", () -> PortRegistry.get().knownPresent(port.portId()));
                changes.clear();
                PortRegistry.get().markGone(port.portId());
                PortRegistry.get().markGone(port.portId());
                waitUntil(() -> "the next poll finds it: " + changes, () -> changes.contains("added"));
                Thread.sleep(300);
                assertThat(changes).containsExactly("gone", "added");
            } finally {
                unwatch.run();
            }
        }
    }

    @Test
    void cancellingTheChoiceRejectsWithNotFoundError() throws Exception {
        Session session = Session.fromPartition("serial-cancel");
        session.onSelectSerialPort((event, ports, contents, callback) -> {
            event.preventDefault();
            callback.select("");
        });
        CompletableFuture<SerialPortInfo> result = FxToolkit.onFx(
                () -> serial("serial-cancel").requestPort(null, "http://device.test", List.of()));
        assertThatThrownBy(() -> result.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(OpenOptions.WebError.class).hasMessage("No port selected by the user.")
                .matches(e -> ((OpenOptions.WebError) e).name.equals("NotFoundError"));
    }

    @Test
    void badOpenOptionsAreRejectedAsTheSpecificationSays() {
        assertRejected("{}", "Failed to read the 'baudRate' property from 'SerialOptions': Required member is undefined.");
        assertRejected("{\"baudRate\":0}", "Requested baud rate must be greater than zero.");
        assertRejected("{\"baudRate\":9600,\"dataBits\":5}", "Requested number of data bits must be 7 or 8.");
        assertRejected("{\"baudRate\":9600,\"stopBits\":3}", "Requested number of stop bits must be 1 or 2.");
        assertRejected("{\"baudRate\":9600,\"parity\":\"mark\"}",
                "The provided value 'mark' is not a valid enum value of type ParityType.");
        assertRejected("{\"baudRate\":9600,\"bufferSize\":0}", "Requested buffer size must be greater than zero.");
        assertRejected("{\"baudRate\":9600,\"bufferSize\":16777217}",
                "Requested buffer size (16777217 bytes) is greater than the maximum allowed (16777216 bytes).");
        assertRejected("{\"baudRate\":9600,\"flowControl\":\"xon\"}",
                "The provided value 'xon' is not a valid enum value of type FlowControlType.");
    }

    private static void assertRejected(String json, String message) {
        assertThatThrownBy(() -> OpenOptions.parse(JSON.readTree(json))).isInstanceOf(OpenOptions.WebError.class)
                .hasMessage(message).matches(e -> ((OpenOptions.WebError) e).name.equals("TypeError"));
    }

    @Test
    void filtersMatchUsbIdsAndRejectIncompleteFilters() throws Exception {
        SerialPortInfo usb = new SerialPortInfo("p", "/dev/ttyUSB0", "Adapter", "2341", "0043", "", "");
        assertThat(new SessionSerial.Filter(0x2341, -1).matches(usb)).isTrue();
        assertThat(new SessionSerial.Filter(0x2341, 0x0043).matches(usb)).isTrue();
        assertThat(new SessionSerial.Filter(0x2341, 0x0001).matches(usb)).isFalse();
        assertThatThrownBy(() -> SerialBridge.filters(JSON.readTree("{\"filters\":[{\"usbProductId\":1}]}")))
                .hasMessage("A filter containing a usbProductId must also specify a usbVendorId.");
        assertThatThrownBy(() -> SerialBridge.filters(JSON.readTree("{\"filters\":[{}]}")))
                .hasMessage("A filter must provide a property to filter by.");
    }
}
