package io.github.fxsession.internal.extension;

import io.github.fxsession.extension.Extension;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and validates an unpacked extension's {@code manifest.json} (manifest v2 or v3) with Chrome's
 * error messages, each naming the field, and reads its content scripts' files.
 */
final class ExtensionManifest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern VERSION = Pattern.compile("\\d{1,5}(\\.\\d{1,5}){0,3}");
    private static final List<String> RUN_AT = List.of("document_start", "document_end", "document_idle");

    /** One {@code content_scripts} entry, its files read. */
    record ContentScript(List<MatchPattern> matches, List<MatchPattern> excludeMatches, List<String> js,
            List<String> jsNames, List<String> css, String runAt, boolean allFrames) {
    }

    private ExtensionManifest() {
    }

    /**
     * Loads the extension in {@code folder} (absolute, real path).
     *
     * @throws IllegalArgumentException with Chrome's message naming the field at fault
     * @throws UnsupportedOperationException when the manifest needs what fxsession cannot run yet
     */
    static LoadedExtension load(Path folder, boolean allowFileAccess) {
        JsonNode manifest;
        try {
            manifest = JSON.readTree(Files.readString(folder.resolve("manifest.json"), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("Manifest file is missing or unreadable");
        } catch (JacksonException e) {
            throw new IllegalArgumentException("Manifest is not valid JSON. " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException("Manifest file is missing or unreadable");
        }
        if (manifest == null || !manifest.isObject()) {
            throw new IllegalArgumentException("Manifest is not valid JSON. It must be an object.");
        }
        JsonNode manifestVersion = manifest.path("manifest_version");
        if (!manifestVersion.isIntegralNumber() || (manifestVersion.asInt() != 2 && manifestVersion.asInt() != 3)) {
            throw new IllegalArgumentException("Invalid value for 'manifest_version'. Must be an integer 2 or 3.");
        }
        JsonNode name = manifest.path("name");
        if (!name.isString() || name.asString().isBlank()) {
            throw new IllegalArgumentException("Required value 'name' is missing or invalid.");
        }
        JsonNode version = manifest.path("version");
        if (!version.isString() || !validVersion(version.asString())) {
            throw new IllegalArgumentException("Required value 'version' is missing or invalid. It must be between 1-4 "
                    + "dot-separated integers each between 0 and 65536.");
        }
        String id = idOf(manifest, folder);
        JsonNode backgroundNode = manifest.path("background");
        String backgroundPage = backgroundPage(backgroundNode, manifestVersion.asInt(), folder, id);
        List<String> background = backgroundPage != null ? List.of() : background(backgroundNode, folder, id);
        List<ContentScript> scripts = contentScripts(manifest.path("content_scripts"), folder, id);
        @SuppressWarnings("unchecked")
        Map<String, Object> asMap = Collections.unmodifiableMap(JSON.convertValue(manifest, Map.class));
        Extension extension = new Extension(id, name.asString(), version.asString(), folder, asMap,
                "chrome-extension://" + id + "/");
        return new LoadedExtension(extension, manifest, allowFileAccess, scripts, background, backgroundPage,
                ExtensionMessages.load(folder, manifest));
    }

    private static boolean validVersion(String version) {
        if (!VERSION.matcher(version).matches()) {
            return false;
        }
        for (String part : version.split("\\.")) {
            if (Integer.parseInt(part) > 65535 || (part.length() > 1 && part.startsWith("0"))) {
                return false;
            }
        }
        return true;
    }

    private static String idOf(JsonNode manifest, Path folder) {
        JsonNode key = manifest.path("key");
        if (key.isMissingNode()) {
            return ExtensionIds.forPath(folder);
        }
        try {
            return ExtensionIds.fromBytes(Base64.getMimeDecoder().decode(key.asString("")));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid value for 'key'.");
        }
    }

    /**
     * The {@code chrome-extension://} URL of an MV2 HTML background page ({@code background.page}), or
     * {@code null} without one; the file must be in the extension's folder.
     */
    private static String backgroundPage(JsonNode background, int manifestVersion, Path folder, String id) {
        if (!background.isObject() || !background.has("page")) {
            return null;
        }
        if (manifestVersion != 2) {
            throw new IllegalArgumentException("The 'background.page' key requires manifest version of 2 or lower.");
        }
        JsonNode page = background.path("page");
        if (!page.isString() || page.asString().isBlank()) {
            throw new IllegalArgumentException("Invalid value for 'background.page'.");
        }
        String name = page.asString().startsWith("/") ? page.asString().substring(1) : page.asString();
        try {
            String url = new URI(ExtensionResources.SCHEME, id, "/" + name, null).toASCIIString();
            if (ExtensionResources.resolve(folder, url) != null) {
                return url;
            }
        } catch (URISyntaxException e) {
            // not a path: reported below
        }
        throw new IllegalArgumentException("Could not load background page '" + page.asString() + "'.");
    }

    /**
     * The background scripts (MV2 {@code background.scripts}, MV3 {@code background.service_worker}),
     * read; empty without a background.
     */
    private static List<String> background(JsonNode background, Path folder, String id) {
        if (background.isMissingNode()) {
            return List.of();
        }
        if (!background.isObject()) {
            throw new IllegalArgumentException("Invalid value for 'background'.");
        }
        if ("module".equals(background.path("type").asString(""))) {
            throw new UnsupportedOperationException("module background service workers ('background.type': 'module') "
                    + "are not supported yet");
        }
        List<String> names = new ArrayList<>();
        if (background.has("service_worker")) {
            if (!background.path("service_worker").isString()) {
                throw new IllegalArgumentException("Invalid value for 'background.service_worker'.");
            }
            names.add(background.path("service_worker").asString());
        } else {
            names.addAll(strings(background.path("scripts"), "background.scripts"));
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException("Invalid value for 'background'.");
        }
        List<String> out = new ArrayList<>();
        for (String name : names) {
            out.add(read(folder, name, "background script") + "\n//# sourceURL=chrome-extension://" + id + "/" + name);
        }
        return List.copyOf(out);
    }

    private static List<ContentScript> contentScripts(JsonNode list, Path folder, String id) {
        if (list.isMissingNode()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw new IllegalArgumentException("Invalid value for 'content_scripts'.");
        }
        List<ContentScript> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode entry = list.get(i);
            String field = "content_scripts[" + i + "]";
            if (!entry.isObject()) {
                throw new IllegalArgumentException("Invalid value for '" + field + "'.");
            }
            JsonNode matches = entry.path("matches");
            if (!matches.isArray() || matches.isEmpty()) {
                throw new IllegalArgumentException("Required value '" + field + ".matches' is missing or invalid.");
            }
            List<String> jsNames = strings(entry.path("js"), field + ".js");
            List<String> cssNames = strings(entry.path("css"), field + ".css");
            if (jsNames.isEmpty() && cssNames.isEmpty()) {
                throw new IllegalArgumentException("Required value '" + field + ".js' or '" + field + ".css' is missing.");
            }
            String runAt = entry.path("run_at").asString("document_idle");
            if (!RUN_AT.contains(runAt) || (entry.has("run_at") && !entry.path("run_at").isString())) {
                throw new IllegalArgumentException("Invalid value for '" + field + ".run_at'.");
            }
            JsonNode allFrames = entry.path("all_frames");
            if (!allFrames.isMissingNode() && !allFrames.isBoolean()) {
                throw new IllegalArgumentException("Invalid value for '" + field + ".all_frames'.");
            }
            List<String> js = new ArrayList<>();
            for (String file : jsNames) {
                js.add("(function (chrome, browser) {\n" + read(folder, file, "javascript")
                        + "\n}).call(window, window.__fxsession_chrome, window.__fxsession_chrome);\n"
                        + "//# sourceURL=chrome-extension://" + id + "/" + file);
            }
            List<String> css = new ArrayList<>();
            for (String file : cssNames) {
                css.add(read(folder, file, "css"));
            }
            out.add(new ContentScript(patterns(matches, field + ".matches"),
                    patterns(entry.path("exclude_matches"), field + ".exclude_matches"),
                    List.copyOf(js), jsNames, List.copyOf(css), runAt, allFrames.asBoolean(false)));
        }
        return List.copyOf(out);
    }

    private static List<String> strings(JsonNode node, String field) {
        if (node.isMissingNode()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new IllegalArgumentException("Invalid value for '" + field + "'.");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isString()) {
                throw new IllegalArgumentException("Invalid value for '" + field + "[" + i + "]'.");
            }
            out.add(node.get(i).asString());
        }
        return out;
    }

    private static List<MatchPattern> patterns(JsonNode node, String field) {
        List<MatchPattern> out = new ArrayList<>();
        List<String> texts = strings(node, field);
        for (int i = 0; i < texts.size(); i++) {
            out.add(MatchPattern.parse(texts.get(i), field + "[" + i + "]"));
        }
        return List.copyOf(out);
    }

    /** A file of the extension; never one outside its folder. */
    private static String read(Path folder, String file, String kind) {
        String message = kind.equals("background script") ? "Could not load background script '" + file + "'."
                : "Could not load " + kind + " '" + file + "' for content script.";
        Path resolved = folder.resolve(file.startsWith("/") ? file.substring(1) : file).normalize();
        if (!resolved.startsWith(folder)) {
            throw new IllegalArgumentException(message);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(resolved))).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("Could not load file '" + file + "' for content script. It isn't UTF-8 encoded.");
        } catch (IOException e) {
            throw new IllegalArgumentException(message);
        }
    }
}
