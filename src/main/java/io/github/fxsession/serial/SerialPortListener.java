package io.github.fxsession.serial;

import io.github.fxsession.WebContents;

/**
 * Listens to a session's {@code 'serial-port-added'} or {@code 'serial-port-removed'} event, fired while
 * a {@code requestPort()} is pending, from polling the system's port list (see
 * {@code Session.setSerialPortPollInterval}).
 *
 * <pre>{@code
 * Subscription s = session.onSerialPortAdded((port, webContents) -> System.out.println(port.portName()));
 * }</pre>
 *
 * <p>Electron: {@code ses.on('serial-port-added', (event, port, webContents) => ...)}; there is no default
 * to prevent, so the Java listener has no event argument.
 *
 * <p>Threading: called on the FX Application Thread.
 *
 * @since 0.2
 */
@FunctionalInterface
public interface SerialPortListener {

    /**
     * Called when a port appears or disappears.
     *
     * @param port the port that appeared or disappeared
     * @param webContents the engine whose request is pending, or {@code null}
     */
    void changed(SerialPortInfo port, WebContents webContents);
}
