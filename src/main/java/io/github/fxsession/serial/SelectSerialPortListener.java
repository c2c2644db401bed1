package io.github.fxsession.serial;

import io.github.fxsession.WebContents;
import java.util.List;

/**
 * Listens to a session's {@code 'select-serial-port'} event: a page called
 * {@code navigator.serial.requestPort()}.
 *
 * <pre>{@code
 * Subscription s = session.onSelectSerialPort((event, ports, webContents, callback) -> {
 *     event.preventDefault();
 *     callback.select(ports.isEmpty() ? "" : ports.get(0).portId());
 * });
 * }</pre>
 *
 * <p>Without a listener that calls {@link SelectSerialPortEvent#preventDefault()}, the default JavaFX
 * chooser asks the user.
 *
 * <p>Electron: {@code ses.on('select-serial-port', (event, portList, webContents, callback) => ...)}.
 *
 * <p>Threading: called on the FX Application Thread; the callback may be called later from any thread.
 *
 * @since 0.2
 */
@FunctionalInterface
public interface SelectSerialPortListener {

    /**
     * Called when a page calls {@code navigator.serial.requestPort()}.
     *
     * @param event call {@link SelectSerialPortEvent#preventDefault()} to choose yourself
     * @param portList the ports matching the page's filters now
     * @param webContents the engine whose page asks, or {@code null} when the request did not come from one
     * @param callback answers with a port id, or {@code ""} to cancel
     */
    void select(SelectSerialPortEvent event, List<SerialPortInfo> portList, WebContents webContents,
            SerialPortCallback callback);
}
