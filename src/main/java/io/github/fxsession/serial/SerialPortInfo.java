package io.github.fxsession.serial;

import java.util.Objects;

/**
 * A serial port as Electron describes it to {@code 'select-serial-port'} and
 * {@code 'serial-port-added'}/{@code 'serial-port-removed'} listeners.
 *
 * <pre>{@code
 * session.onSelectSerialPort((event, ports, webContents, callback) -> {
 *     event.preventDefault();
 *     callback.select(ports.isEmpty() ? "" : ports.get(0).portId());
 * });
 * }</pre>
 *
 * <p>Electron: the {@code SerialPort} structure.
 *
 * <p>Threading: immutable, any thread.
 *
 * @param portId the identifier to pass to {@link SerialPortCallback#select(String)}; stable while the
 *     port is present
 * @param portName the system name or path (for example {@code /dev/ttyUSB0}, {@code COM3})
 * @param displayName a human-readable description
 * @param vendorId the USB vendor id as 4 hexadecimal digits, or {@code ""} when not a USB port
 * @param productId the USB product id as 4 hexadecimal digits, or {@code ""}
 * @param serialNumber the USB serial number, or {@code ""}
 * @param usbDriverName the driver's name, or {@code ""} when unknown
 * @since 0.2
 */
public record SerialPortInfo(String portId, String portName, String displayName, String vendorId, String productId,
        String serialNumber, String usbDriverName) {

    /** Validates the components (none may be null). */
    public SerialPortInfo {
        Objects.requireNonNull(portId, "portId == null");
        Objects.requireNonNull(portName, "portName == null");
        Objects.requireNonNull(displayName, "displayName == null");
        Objects.requireNonNull(vendorId, "vendorId == null");
        Objects.requireNonNull(productId, "productId == null");
        Objects.requireNonNull(serialNumber, "serialNumber == null");
        Objects.requireNonNull(usbDriverName, "usbDriverName == null");
    }
}
