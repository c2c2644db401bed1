package io.github.fxsession.permission;

import java.util.List;
import java.util.Objects;

/**
 * What a {@link PermissionRequestHandler} learns about a request (Electron's {@code details}).
 *
 * <pre>{@code
 * (contents, permission, callback, details) -> callback.grant(details.requestingUrl().startsWith("https://app.example/"))
 * }</pre>
 *
 * <p>Threading: any thread (immutable).
 *
 * @param requestingUrl the last URL the requesting frame loaded (Electron's {@code requestingUrl})
 * @param isMainFrame whether the main frame asks (Electron's {@code isMainFrame})
 * @param mediaTypes for {@link Permission#MEDIA}: {@code video}, {@code audio} or both; empty otherwise
 * @param externalURL for {@link Permission#OPEN_EXTERNAL}: the URL to open; {@code null} otherwise
 * @since 0.2
 */
public record PermissionRequestDetails(String requestingUrl, boolean isMainFrame, List<MediaType> mediaTypes,
        String externalURL) {

    /** Checks and copies the values. */
    public PermissionRequestDetails {
        Objects.requireNonNull(requestingUrl, "requestingUrl == null");
        mediaTypes = List.copyOf(Objects.requireNonNull(mediaTypes, "mediaTypes == null"));
    }
}
