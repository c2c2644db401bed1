package io.github.fxsession.permission;

/**
 * A position a {@link GeolocationProvider} reports; pages receive it as a {@code GeolocationPosition}.
 *
 * <pre>{@code
 * new GeolocationPosition(48.8584, 2.2945, 25)
 * }</pre>
 *
 * <p>Electron: none (Chromium asks the platform's location service); an fxsession addition.
 *
 * <p>Threading: any thread (immutable).
 *
 * @param latitude degrees, -90 to 90
 * @param longitude degrees, -180 to 180
 * @param accuracy metres, 0 or more
 * @since 0.2
 */
public record GeolocationPosition(double latitude, double longitude, double accuracy) {

    /** Checks the ranges. */
    public GeolocationPosition {
        if (!(latitude >= -90 && latitude <= 90)) {
            throw new IllegalArgumentException("latitude must be within [-90, 90]: " + latitude);
        }
        if (!(longitude >= -180 && longitude <= 180)) {
            throw new IllegalArgumentException("longitude must be within [-180, 180]: " + longitude);
        }
        if (!(accuracy >= 0) || Double.isInfinite(accuracy)) {
            throw new IllegalArgumentException("accuracy must be a finite number >= 0: " + accuracy);
        }
    }
}
