package io.github.fxsession.serial;

/**
 * The event of a {@code 'select-serial-port'} listener.
 *
 * <pre>{@code
 * session.onSelectSerialPort((event, ports, webContents, callback) -> {
 *     event.preventDefault();
 *     callback.select("");
 * });
 * }</pre>
 *
 * <p>Electron: the {@code event} of {@code 'select-serial-port'}.
 *
 * <p>Threading: FX Application Thread.
 *
 * @since 0.2
 */
public final class SelectSerialPortEvent {

    private boolean defaultPrevented;

    /** Creates an event whose default is not prevented. */
    public SelectSerialPortEvent() {
    }

    /** Takes the choice over: the default chooser is not shown; the listener must call its callback. */
    public void preventDefault() {
        defaultPrevented = true;
    }

    /**
     * Whether the default chooser is skipped.
     *
     * @return whether a listener called {@link #preventDefault()}
     */
    public boolean isDefaultPrevented() {
        return defaultPrevented;
    }
}
