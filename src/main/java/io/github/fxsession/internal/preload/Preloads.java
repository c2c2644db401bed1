package io.github.fxsession.internal.preload;

import io.github.fxsession.internal.bridge.PageBridge;
import io.github.fxsession.internal.util.Hashes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The preload scripts of one partition (Electron's {@code ses.setPreloads}).
 *
 * <p>How they run: the bridge module {@code preloads.js} gets the scripts in the bridge's {@code init}
 * answer when a document starts ({@code init.preloads}; {@code preload.scripts} answers the same), and
 * inserts each as an inline {@code <script>} element, which runs at once, before anything the page's own
 * parser reaches. Inline elements rather than {@code eval}: a page's
 * Content-Security-Policy without {@code 'unsafe-eval'} would block {@code eval}, while an inline script
 * is allowed by its hash, which {@code DocumentInjector} adds to the page's policy next to the bridge's
 * own ({@link #cspHashes()}). No other script becomes allowed.
 *
 * <p>Files are read when a document asks, and kept until their size or modification time changes, so an
 * edited preload applies to the next page as in Electron. A file that cannot be read is skipped with a
 * warning.
 *
 * <p>Threading: any thread.
 */
public final class Preloads {

    private static final System.Logger LOG = System.getLogger(Preloads.class.getName());

    static {
        PageBridge.register("preload.scripts", call -> call.binding().session().preloads().scripts());
        // Also in every document's init answer when there are any: preloads.js reads init.preloads, so a
        // document needs no bridge round trip of its own for them.
        PageBridge.addInitContributor((call, init) -> {
            List<String> scripts = call.binding().session().preloads().scripts();
            if (!scripts.isEmpty()) {
                init.put("preloads", scripts);
            }
        });
    }

    private volatile List<Path> paths = List.of();
    private final Map<Path, Loaded> cache = new ConcurrentHashMap<>();

    private record Loaded(long size, long modified, String text, String hash) {
    }

    /**
     * Replaces the preload paths.
     *
     * @throws IllegalArgumentException naming the first path that is not absolute
     */
    public void set(List<Path> preloads) {
        Objects.requireNonNull(preloads, "preloads == null");
        List<Path> checked = new ArrayList<>();
        for (Path path : preloads) {
            Objects.requireNonNull(path, "preloads must not contain null");
            if (!path.isAbsolute()) {
                throw new IllegalArgumentException("preload path must be absolute: '" + path + "'");
            }
            checked.add(path.normalize());
        }
        paths = List.copyOf(checked);
        cache.keySet().retainAll(paths);
    }

    /** The preload paths, in order; empty by default. */
    public List<Path> get() {
        return paths;
    }

    /** The texts of the readable preloads, in order. */
    public List<String> scripts() {
        List<String> out = new ArrayList<>();
        for (Path path : paths) {
            Loaded loaded = load(path);
            if (loaded != null) {
                out.add(loaded.text());
            }
        }
        return out;
    }

    /** The CSP hash sources ({@code 'sha256-...'}) that allow the preloads as inline scripts. */
    public List<String> cspHashes() {
        List<String> out = new ArrayList<>();
        for (Path path : paths) {
            Loaded loaded = load(path);
            if (loaded != null) {
                out.add(loaded.hash());
            }
        }
        return out;
    }

    private Loaded load(Path path) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            long modified = attributes.lastModifiedTime().toMillis();
            Loaded cached = cache.get(path);
            if (cached != null && cached.size() == attributes.size() && cached.modified() == modified) {
                return cached;
            }
            String text = Files.readString(path, StandardCharsets.UTF_8) + "\n//# sourceURL=" + path.toUri();
            String hash = "'sha256-" + Base64.getEncoder().encodeToString(Hashes.sha256(text)) + "'";
            Loaded loaded = new Loaded(attributes.size(), modified, text, hash);
            cache.put(path, loaded);
            return loaded;
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot read preload script " + path + ": " + e);
            return null;
        }
    }
}
