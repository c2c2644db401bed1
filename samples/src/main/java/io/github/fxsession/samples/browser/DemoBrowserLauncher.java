package io.github.fxsession.samples.browser;

import javafx.application.Application;

/**
 * Starts {@link DemoBrowser} when JavaFX is on the class path, as {@code ./mvnw -Pdemo} runs it.
 *
 * <pre>{@code
 * java --enable-native-access=ALL-UNNAMED -cp <test class path> \
 *     io.github.fxsession.samples.browser.DemoBrowserLauncher [url...]
 * }</pre>
 *
 * <p>It exists because the {@code java} launcher refuses a main class that extends {@link Application}
 * unless JavaFX is on the module path ("JavaFX runtime components are missing"); a plain main class that
 * calls {@link Application#launch(Class, String...)} works on either path. Arguments are URLs, each
 * opened in a tab on the default session.
 *
 * <p>Threading: {@link #main(String[])} runs on the launcher's main thread and returns when the last
 * window closes; the browser itself runs on the FX Application Thread.
 *
 * @since 0.1
 */
public final class DemoBrowserLauncher {

    private DemoBrowserLauncher() {
    }

    /** Launches {@link DemoBrowser} with {@code args} (URLs to open). */
    public static void main(String[] args) {
        Application.launch(DemoBrowser.class, args);
    }
}
