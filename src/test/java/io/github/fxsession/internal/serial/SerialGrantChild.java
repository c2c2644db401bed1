package io.github.fxsession.internal.serial;

import io.github.fxsession.Session;
import io.github.fxsession.internal.session.SessionRegistry;
import io.github.fxsession.serial.SerialPortInfo;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The main class of a child JVM: {@code grant <partition> <path> <origin>} adds the port at {@code path},
 * has {@code origin} request it (a select-serial-port listener picks it) and waits until the grant is on
 * disk; {@code list <partition> <path> <origin>} adds the port and prints {@code GRANTED} and the port
 * names {@code getPorts()} would give the origin. Both end with {@code DONE}. The user-data root comes
 * from {@code -Dfxsession.userDataPath}.
 */
public final class SerialGrantChild {

    private SerialGrantChild() {
    }

    public static void main(String[] args) throws Exception {
        Session session = Session.fromPartition(args[1]);
        SerialPortInfo port = Session.addSerialPort(Path.of(args[2]), null);
        SessionSerial serial = SessionRegistry.loaded(args[1]).serial();
        if (args[0].equals("grant")) {
            session.onSelectSerialPort((event, ports, contents, callback) -> {
                event.preventDefault();
                callback.select(port.portId());
            });
            serial.requestPort(null, args[3], List.of()).get(10, TimeUnit.SECONDS);
            serial.flushGrants().get(10, TimeUnit.SECONDS);
        } else {
            System.out.println("GRANTED " + serial.grantedPorts(args[3]).stream().map(SerialPortInfo::portName).toList());
        }
        System.out.println("DONE");
        System.out.flush();
        System.exit(0);
    }
}
