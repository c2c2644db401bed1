package io.github.fxsession.internal.extension;

import io.github.fxsession.protocol.ProtocolResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Serves {@code chrome-extension://<id>/<path>}: the files of the extension's folder and nothing else
 * (no {@code ..} or {@code .} segment, raw or percent-encoded, no backslash, no symbolic link leading out).
 *
 * <p>Threading: any thread.
 */
final class ExtensionResources {

    static final String SCHEME = "chrome-extension";
    /** Chromium's {@code net::ERR_FILE_NOT_FOUND}. */
    private static final int FILE_NOT_FOUND = -6;

    private ExtensionResources() {
    }

    /** The answer to {@code url} for the extension in {@code folder} (its real path), or a failed load. */
    static ProtocolResponse serve(Path folder, String url) {
        Path file = resolve(folder, url);
        return file == null ? notFound() : ProtocolResponse.ofPath(file);
    }

    /** A failed load, {@code net::ERR_FILE_NOT_FOUND}. */
    static ProtocolResponse notFound() {
        return ProtocolResponse.ofError(FILE_NOT_FOUND);
    }

    /** The extension id a {@code chrome-extension:} URL names, lower case, or {@code ""}. */
    static String idOf(String url) {
        try {
            String host = new URI(url).getHost();
            return host == null ? "" : host.toLowerCase(Locale.ROOT);
        } catch (URISyntaxException e) {
            return "";
        }
    }

    /** The regular file of {@code folder} that {@code url}'s path names, or {@code null}. */
    static Path resolve(Path folder, String url) {
        String path;
        try {
            path = new URI(url).getPath();
        } catch (URISyntaxException e) {
            return null;
        }
        if (path == null || !path.startsWith("/") || path.indexOf('\\') >= 0 || path.indexOf('\0') >= 0) {
            return null;
        }
        String relative = path.substring(1);
        for (String segment : relative.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return null;
            }
        }
        try {
            Path file = folder.resolve(relative).normalize();
            if (!file.startsWith(folder)) {
                return null;
            }
            Path real = file.toRealPath();
            return real.startsWith(folder) && Files.isRegularFile(real) ? real : null;
        } catch (IOException | InvalidPathException e) {
            return null;
        }
    }
}
