package io.github.fxsession.internal.extension;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One extension's {@code chrome.storage.local} in a persistent partition: a JSON object kept in memory
 * and written to {@code <partition>/Local Extension Settings/<id>.json} (temporary file, fsync, atomic
 * rename) on a background thread after each change.
 *
 * <p>Threading: any thread; operations are serialized.
 */
final class ExtensionStorage {

    private static final System.Logger LOG = System.getLogger(ExtensionStorage.class.getName());
    private static final ExecutorService WRITER = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "fxsession-extension-storage");
        thread.setDaemon(true);
        return thread;
    });

    private final Path file;
    private final ObjectNode items;

    ExtensionStorage(Path file) {
        this.file = file;
        ObjectNode read = JsonNodeFactory.instance.objectNode();
        try {
            if (Files.exists(file)) {
                JsonNode node = ExtensionManifest.JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
                if (node != null && node.isObject()) {
                    read = (ObjectNode) node;
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot read extension storage " + file + ": " + e);
        }
        this.items = read;
    }

    /** Runs one {@code chrome.storage.local} operation; answers the items ({@code get}) or the changes. */
    synchronized Object apply(JsonNode args) {
        String op = args.path("op").asString("");
        JsonNode keys = args.path("keys");
        ObjectNode changes = JsonNodeFactory.instance.objectNode();
        switch (op) {
            case "get" -> {
                ObjectNode out = JsonNodeFactory.instance.objectNode();
                if (keys.isNull() || keys.isMissingNode()) {
                    out.setAll(items);
                } else if (keys.isString()) {
                    copy(keys.asString(), null, out);
                } else if (keys.isArray()) {
                    keys.forEach(key -> copy(key.asString(), null, out));
                } else if (keys.isObject()) {
                    for (Map.Entry<String, JsonNode> entry : keys.properties()) {
                        copy(entry.getKey(), entry.getValue(), out);
                    }
                } else {
                    throw new IllegalArgumentException("Invalid value for 'keys'.");
                }
                return out;
            }
            case "set" -> {
                JsonNode given = args.path("items");
                if (!given.isObject()) {
                    throw new IllegalArgumentException("Invalid value for 'items'.");
                }
                for (Map.Entry<String, JsonNode> entry : given.properties()) {
                    change(changes, entry.getKey(), entry.getValue());
                }
            }
            case "remove" -> {
                if (keys.isString()) {
                    change(changes, keys.asString(), null);
                } else if (keys.isArray()) {
                    keys.forEach(key -> change(changes, key.asString(), null));
                } else {
                    throw new IllegalArgumentException("Invalid value for 'keys'.");
                }
            }
            case "clear" -> {
                for (String key : items.propertyNames()) {
                    changes.set(key, JsonNodeFactory.instance.objectNode().set("oldValue", items.get(key)));
                }
                items.removeAll();
            }
            default -> throw new IllegalArgumentException("unknown storage operation '" + op + "'");
        }
        if (!changes.isEmpty()) {
            String snapshot = ExtensionManifest.JSON.writeValueAsString(items);
            WRITER.execute(() -> write(snapshot));
        }
        return changes;
    }

    private void copy(String key, JsonNode fallback, ObjectNode out) {
        JsonNode value = items.get(key);
        if (value != null) {
            out.set(key, value);
        } else if (fallback != null) {
            out.set(key, fallback);
        }
    }

    private void change(ObjectNode changes, String key, JsonNode value) {
        JsonNode old = items.get(key);
        ObjectNode change = JsonNodeFactory.instance.objectNode();
        if (old != null) {
            change.set("oldValue", old);
        }
        if (value != null) {
            change.set("newValue", value);
            items.set(key, value);
        } else {
            if (old == null) {
                return;
            }
            items.remove(key);
        }
        changes.set(key, change);
    }

    private void write(String snapshot) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                channel.write(StandardCharsets.UTF_8.encode(snapshot));
                channel.force(true);
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot write extension storage " + file + ": " + e);
        }
    }
}
