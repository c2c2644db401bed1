package io.github.fxsession.internal.extension;

import io.github.fxsession.extension.Extension;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * An extension loaded in a partition: its public description, manifest, content scripts, background and
 * {@code chrome.i18n} messages.
 *
 * <p>Threading: immutable, any thread.
 */
record LoadedExtension(Extension extension, JsonNode manifest, boolean allowFileAccess,
        List<ExtensionManifest.ContentScript> contentScripts, List<String> backgroundScripts, String backgroundPage,
        JsonNode messages) {

    /** Whether the extension has a background page (HTML, or scripts run in an empty page). */
    boolean hasBackground() {
        return backgroundPage != null || !backgroundScripts.isEmpty();
    }

    /**
     * The CSP hash sources ({@code 'sha256-...'}) of the content scripts a document at {@code url} may run
     * (frames included), so that a page policy forbidding inline scripts still lets them run.
     */
    List<String> cspHashes(URI url) {
        List<String> out = new ArrayList<>();
        for (ExtensionManifest.ContentScript script : contentScripts) {
            if (script.matches().stream().anyMatch(p -> p.matches(url))
                    && script.excludeMatches().stream().noneMatch(p -> p.matches(url))) {
                for (String js : script.js()) {
                    out.add("'sha256-" + java.util.Base64.getEncoder().encodeToString(
                            io.github.fxsession.internal.util.Hashes.sha256(js)) + "'");
                }
            }
        }
        return out;
    }

    /** What every context of the extension gets: id, manifest, i18n messages and UI locale. */
    private Map<String, Object> common() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", extension.id());
        out.put("manifest", manifest);
        out.put("messages", messages);
        out.put("uiLocale", ExtensionMessages.uiLocale());
        return out;
    }

    /** What the extension's background page runs, for the page side. */
    Map<String, Object> backgroundRun() {
        Map<String, Object> out = common();
        out.put("background", true);
        out.put("page", backgroundPage != null);
        out.put("scripts", List.of(Map.of("js", backgroundScripts, "css", List.of(), "runAt", "document_start")));
        return out;
    }

    /** What a page of the extension itself ({@code chrome-extension://<id>/...}) gets: a global {@code chrome}. */
    Map<String, Object> extensionPageRun() {
        Map<String, Object> out = common();
        out.put("extensionPage", true);
        out.put("scripts", List.of());
        return out;
    }

    /** What a document at {@code url} (top frame or not) must run, for the page side; null when nothing. */
    Map<String, Object> scriptsFor(URI url, boolean top) {
        if ("file".equalsIgnoreCase(url.getScheme()) && !allowFileAccess) {
            return null;
        }
        List<Map<String, Object>> runs = new ArrayList<>();
        for (ExtensionManifest.ContentScript script : contentScripts) {
            if ((!top && !script.allFrames()) || script.matches().stream().noneMatch(p -> p.matches(url))
                    || script.excludeMatches().stream().anyMatch(p -> p.matches(url))) {
                continue;
            }
            Map<String, Object> run = new LinkedHashMap<>();
            run.put("js", script.js());
            run.put("css", script.css());
            run.put("runAt", script.runAt());
            runs.add(run);
        }
        if (runs.isEmpty()) {
            return null;
        }
        Map<String, Object> out = common();
        out.put("scripts", runs);
        return out;
    }
}
