/**
 * Web Serial: {@code navigator.serial} in pages of attached engines, backed by jSerialComm, with
 * Electron's {@code 'select-serial-port'}, {@code 'serial-port-added'} and {@code 'serial-port-removed'}
 * session events.
 *
 * <p>WebView's engine has no {@code navigator.serial}; fxsession provides it through its page bridge. Port
 * I/O runs on jSerialComm threads, never on the FX Application Thread; bytes move between page and port in
 * chunks. jSerialComm loads a native library: applications on the module path should run with
 * {@code --enable-native-access=com.fazecast.jSerialComm} (JDK 22 and later warn otherwise).
 *
 * <p>Threading: see each type; events are delivered on the FX Application Thread.
 *
 * @since 0.2
 */
package io.github.fxsession.serial;
