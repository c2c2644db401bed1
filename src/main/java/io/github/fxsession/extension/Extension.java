package io.github.fxsession.extension;

import java.nio.file.Path;
import java.util.Map;

/**
 * A loaded extension (Electron's {@code Extension} structure).
 *
 * <pre>{@code
 * Extension ext = session.loadExtension(Path.of("/opt/app/link-counter")).join();
 * System.out.println(ext.id() + " " + ext.url());   // chrome-extension://<id>/
 * }</pre>
 *
 * <p>Threading: immutable, any thread.
 *
 * @param id the id Chrome gives the unpacked extension: from the manifest's {@code key}, else from its
 *     absolute path
 * @param name the manifest's {@code name}
 * @param version the manifest's {@code version}
 * @param path the extension's folder (absolute, symbolic links resolved)
 * @param manifest the parsed {@code manifest.json} (maps, lists, strings, numbers, booleans)
 * @param url {@code chrome-extension://<id>/}
 * @since 0.2
 */
public record Extension(String id, String name, String version, Path path, Map<String, Object> manifest, String url) {
}
