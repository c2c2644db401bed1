package io.github.fxsession.samples.kiosk;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;

/**
 * The full-screen kiosk application: a {@link Kiosk} on {@value Kiosk#PARTITION} in a full-screen window
 * visitors cannot leave; staff quit with {@link Kiosk#EXIT_SHORTCUT} (Ctrl+Shift+Q, Cmd+Shift+Q on macOS).
 *
 * <pre>{@code
 * ./mvnw -Pkiosk -Dkiosk.args="--idle=120 https://en.wikipedia.org https://www.openstreetmap.org"
 * java --enable-native-access=ALL-UNNAMED -cp <test class path> \
 *     io.github.fxsession.samples.kiosk.KioskLauncher [--idle=SECONDS] [--partition=NAME] [--windowed] [origin...]
 * }</pre>
 *
 * <p>Arguments: the allowed origins ({@value #DEFAULT_ORIGIN} when none), {@code --idle=SECONDS} (the idle
 * time, {@link Kiosk#DEFAULT_IDLE_TIMEOUT} by default), {@code --partition=NAME}
 * ({@value Kiosk#PARTITION} by default) and {@code --windowed} (a normal window, for trying it out).
 * {@link KioskLauncher} starts it from the class path.
 *
 * <p>Threading: {@link #start(Stage)} runs on the FX Application Thread, as JavaFX calls it.
 *
 * @since 0.2
 */
public final class KioskApp extends Application {

    /** The origin allowed when the command line names none. */
    public static final String DEFAULT_ORIGIN = "https://en.wikipedia.org";

    /** Launches the kiosk; see the class description for {@code args}. */
    public static void main(String[] args) {
        launch(KioskApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        Map<String, String> named = getParameters().getNamed();
        List<String> origins = new ArrayList<>();
        boolean windowed = false;
        for (String arg : getParameters().getUnnamed()) {
            if (arg.equals("--windowed")) {
                windowed = true;
            } else if (arg.startsWith("--")) {
                throw new IllegalArgumentException("unknown option: '" + arg + "'");
            } else {
                origins.add(arg);
            }
        }
        Kiosk.Builder builder = Kiosk.builder().onExit(Platform::exit)
                .allowOrigin(origins.isEmpty() ? new String[] {DEFAULT_ORIGIN} : origins.toArray(String[]::new));
        if (named.containsKey("idle")) {
            builder.idleTimeout(Duration.ofSeconds(seconds(named.get("idle"))));
        }
        if (named.containsKey("partition")) {
            builder.partition(named.get("partition"));
        }
        Kiosk kiosk = builder.build();
        stage.setTitle("Kiosk");
        stage.setScene(kiosk.createScene(1280, 800));
        if (!windowed) {
            // visitors have no way out: no exit key, no hint; staff use Kiosk.EXIT_SHORTCUT
            stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
            stage.setFullScreenExitHint("");
            stage.setFullScreen(true);
        }
        stage.show();
        kiosk.start().thenRun(() -> System.out.println("kiosk started on " + kiosk.getSession().getPartition()
                + ", allowing " + (origins.isEmpty() ? List.of(DEFAULT_ORIGIN) : origins) + ", idle "
                + kiosk.getIdleTimeout() + "; staff exit: " + Kiosk.EXIT_SHORTCUT.getDisplayText()));
    }

    private static long seconds(String value) {
        try {
            long seconds = Long.parseLong(value);
            if (seconds > 0) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--idle must be a positive number of seconds: '" + value + "'");
    }
}
