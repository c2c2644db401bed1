package io.github.fxsession.internal.serial;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.fxsession.Session;
import io.github.fxsession.internal.session.SessionRegistry;
import io.github.fxsession.serial.SerialPortInfo;
import io.github.fxsession.net.ClearStorageDataOptions;
import io.github.fxsession.net.StorageType;
import io.github.fxsession.testing.ChildJvm;
import io.github.fxsession.testing.FxToolkit;
import io.github.fxsession.testing.PtyPair;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.util.Subscription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Serial port grants: per origin and partition, on disk for persist: partitions, cleared with the storage. */
@ExtendWith(FxToolkit.class)
class SerialGrantsTest {

    private static final String ORIGIN = "https://device.example";

    @Test
    void grantedPortSurvivesARestartOfAPersistentPartition(@TempDir Path dir) throws Exception {
        try (PtyPair pair = PtyPair.openAt(dir.resolve("ttyDevice"), dir.resolve("ttyTest"))) {
            List<String> jvm = List.of("-Dfxsession.userDataPath=" + dir.resolve("userData"));
            String path = pair.a().toString();
            Process first = ChildJvm.start(SerialGrantChild.class, jvm, "grant", "persist:serial-restart", path, ORIGIN);
            ChildJvm.awaitLine(first, "DONE", 60);
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();

            Process second = ChildJvm.start(SerialGrantChild.class, jvm, "list", "persist:serial-restart", path, ORIGIN);
            assertThat(ChildJvm.awaitLine(second, "GRANTED", 60)).isEqualTo("GRANTED [" + path + "]");
            second.waitFor(30, TimeUnit.SECONDS);
            Process otherOrigin = ChildJvm.start(SerialGrantChild.class, jvm, "list", "persist:serial-restart", path,
                    "https://other.example");
            assertThat(ChildJvm.awaitLine(otherOrigin, "GRANTED", 60)).isEqualTo("GRANTED []");
            otherOrigin.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void clearingEveryStorageKindForgetsSerialGrantsOnDisk(@TempDir Path dir) throws Exception {
        try (PtyPair pair = PtyPair.openAt(dir.resolve("ttyDevice"), dir.resolve("ttyTest"))) {
            SerialPortInfo port = Session.addSerialPort(pair.a(), null);
            Session session = Session.fromPartition("persist:serial-clear");
            SessionSerial serial = SessionRegistry.loaded("persist:serial-clear").serial();
            Subscription chooser = session.onSelectSerialPort((event, ports, contents, callback) -> {
                event.preventDefault();
                callback.select(port.portId());
            });
            FxToolkit.onFx(() -> serial.requestPort(null, ORIGIN, List.of())).get(10, TimeUnit.SECONDS);
            chooser.unsubscribe();
            serial.flushGrants().get(10, TimeUnit.SECONDS);
            Path file = session.getStoragePath().resolve(SerialGrants.FILE_NAME);
            assertThat(new SerialGrants(session.getStoragePath()).isGranted(ORIGIN, pair.a().toString())).isTrue();

            session.clearStorageData(ClearStorageDataOptions.builder().storages(StorageType.COOKIES).build())
                    .get(10, TimeUnit.SECONDS);
            session.clearStorageData(ClearStorageDataOptions.builder().origin("https://other.example").build())
                    .get(10, TimeUnit.SECONDS);
            assertThat(serial.grantedPorts(ORIGIN)).containsExactly(port);

            session.clearStorageData().get(10, TimeUnit.SECONDS);
            assertThat(serial.grantedPorts(ORIGIN)).isEmpty();
            assertThat(new SerialGrants(session.getStoragePath()).isGranted(ORIGIN, pair.a().toString())).isFalse();
            assertThat(Files.readString(file)).doesNotContain(ORIGIN);
        }
    }
}
