package io.github.fxsession.samples.kiosk;

import javafx.application.Application;

/**
 * Starts {@link KioskApp} when JavaFX is on the class path, as {@code ./mvnw -Pkiosk} runs it: the
 * {@code java} launcher refuses a main class that extends {@link Application} unless JavaFX is on the
 * module path, a plain main class works on either.
 *
 * <pre>{@code
 * java --enable-native-access=ALL-UNNAMED -cp <test class path> io.github.fxsession.samples.kiosk.KioskLauncher --windowed
 * }</pre>
 *
 * <p>Threading: {@link #main(String[])} returns when the kiosk exits; the kiosk runs on the FX
 * Application Thread.
 *
 * @since 0.2
 */
public final class KioskLauncher {

    private KioskLauncher() {
    }

    /** Launches {@link KioskApp} with {@code args} (see there). */
    public static void main(String[] args) {
        Application.launch(KioskApp.class, args);
    }
}
