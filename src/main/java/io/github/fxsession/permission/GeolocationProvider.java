package io.github.fxsession.permission;

import java.util.concurrent.CompletionStage;

/**
 * Where {@code navigator.geolocation} in a partition's pages gets positions from (WebView has no
 * location service of its own). Set it with
 * {@link io.github.fxsession.Session#setGeolocationProvider(GeolocationProvider)}; without one, pages
 * get {@code POSITION_UNAVAILABLE} after the permission was granted.
 *
 * <pre>{@code
 * session.setGeolocationProvider(highAccuracy ->
 *         CompletableFuture.completedFuture(new GeolocationPosition(48.8584, 2.2945, 25)));
 * }</pre>
 *
 * <p>{@code watchPosition} asks again about once a second and reports changed positions.
 *
 * <p>Electron: none (Chromium asks the platform's location service); an fxsession addition.
 *
 * <p>Threading: called on the FX Application Thread; must not block (complete the stage later). A stage
 * completed exceptionally gives the page {@code POSITION_UNAVAILABLE} with the exception's message.
 *
 * @since 0.2
 */
@FunctionalInterface
public interface GeolocationProvider {

    /**
     * The current position.
     *
     * @param enableHighAccuracy the page's {@code enableHighAccuracy} option
     * @return a stage that completes with the position, or exceptionally when there is none
     */
    CompletionStage<GeolocationPosition> currentPosition(boolean enableHighAccuracy);
}
