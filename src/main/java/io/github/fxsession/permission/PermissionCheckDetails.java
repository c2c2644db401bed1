package io.github.fxsession.permission;

/**
 * What a {@link PermissionCheckHandler} learns about a check (Electron's {@code details}).
 *
 * <pre>{@code
 * (contents, permission, origin, details) -> details.embeddingOrigin() == null && origin.equals("https://app.example")
 * }</pre>
 *
 * <p>Threading: any thread (immutable).
 *
 * @param embeddingOrigin the origin of the main frame, set only for cross-origin frames; else {@code null}
 * @param securityOrigin for {@link Permission#MEDIA}: the requesting origin; else {@code null}
 * @param mediaType for {@link Permission#MEDIA}: the media type asked about; else {@code null}
 * @param requestingUrl the last URL the checking frame loaded; {@code null} for cross-origin frames
 * @param isMainFrame whether the main frame checks
 * @since 0.2
 */
public record PermissionCheckDetails(String embeddingOrigin, String securityOrigin, MediaType mediaType,
        String requestingUrl, boolean isMainFrame) {
}
