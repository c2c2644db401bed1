package io.github.fxsession.internal.session;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.web.WebEngine;

/**
 * The User-Agent WebView's engine sends when nobody changed it, read once per JVM from a real
 * {@link WebEngine} (so it always matches the JavaFX the application runs on).
 */
public final class StockUserAgent {

    private static volatile String value;

    private StockUserAgent() {
    }

    /** Remembers the stock value read from an engine that has not been changed yet (FX thread). */
    public static void learnFrom(WebEngine engine) {
        if (value == null) {
            value = engine.getUserAgent();
        }
    }

    /**
     * The stock User-Agent. On the FX Application Thread it is read from a new engine; elsewhere the
     * FX thread is asked and this thread waits up to 10 seconds.
     *
     * @throws IllegalStateException when the JavaFX toolkit is not running
     */
    public static String get() {
        String known = value;
        if (known != null) {
            return known;
        }
        if (Platform.isFxApplicationThread()) {
            learnFrom(new WebEngine());
            return value;
        }
        CompletableFuture<String> future = new CompletableFuture<>();
        try {
            Platform.runLater(() -> {
                try {
                    future.complete(get());
                } catch (RuntimeException | Error e) {
                    future.completeExceptionally(e);
                }
            });
            return future.get(10, TimeUnit.SECONDS);
        } catch (IllegalStateException e) {
            throw new IllegalStateException("the JavaFX toolkit is not running: start it before asking for"
                    + " the default user agent, or set one with Session.setUserAgent", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading WebView's user agent", e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read WebView's user agent", e);
        }
    }
}
