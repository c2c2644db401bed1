package io.github.fxsession.serial;

/**
 * Answers a {@code 'select-serial-port'} request.
 *
 * <pre>{@code
 * callback.select(ports.get(0).portId()); // or callback.select("") to cancel
 * }</pre>
 *
 * <p>Electron: the {@code callback(portId)} of {@code 'select-serial-port'}.
 *
 * <p>Threading: any thread; only the first call counts.
 *
 * @since 0.2
 */
@FunctionalInterface
public interface SerialPortCallback {

    /**
     * Answers the page's {@code requestPort()}.
     *
     * @param portId the chosen port's {@link SerialPortInfo#portId()}, or {@code ""} to cancel (the page's
     *     {@code requestPort()} rejects with {@code NotFoundError})
     */
    void select(String portId);
}
