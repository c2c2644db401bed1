package io.github.fxsession.internal.extension;

import io.github.fxsession.WebContents;
import io.github.fxsession.internal.session.EngineBinding;
import io.github.fxsession.internal.util.Globs;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.application.Platform;
import javafx.concurrent.Worker;
import javafx.scene.web.WebEngine;
import tools.jackson.databind.JsonNode;

/**
 * {@code chrome.tabs.query}, {@code get} and {@code update} over the {@code WebContents} attached to the
 * extension's partition (tab id = {@code WebContents} id). A tab carries {@code id}, {@code status},
 * {@code incognito} and, when the extension has the {@code "tabs"} permission or a host permission for
 * the tab's URL (as in Chrome), {@code url} and {@code title}. WebContents belong to no window, so the
 * query keys about windows, activity and pinning are not supported and say so.
 *
 * <p>Threading: FX Application Thread (bridge methods).
 */
final class ExtensionTabs {

    private static final Set<String> NO_WINDOWS = Set.of("active", "currentWindow", "lastFocusedWindow", "windowId",
            "windowType", "index", "highlighted", "pinned", "audible", "muted", "discarded", "autoDiscardable",
            "frozen", "groupId", "splitViewId");
    private static final String WHY = "a partition's WebContents belong to no browser window, so none is active,"
            + " highlighted, pinned or indexed";

    private ExtensionTabs() {
    }

    /** The tabs matching {@code info} ({@code url} patterns, {@code title} glob, {@code status}). */
    static List<Map<String, Object>> query(Iterable<EngineBinding> bindings, LoadedExtension extension, JsonNode info) {
        if (!info.isObject()) {
            throw new IllegalArgumentException("Error in invocation of tabs.query(object queryInfo): 'queryInfo' must be an object");
        }
        List<MatchPattern> urls = new ArrayList<>();
        String title = null;
        String status = null;
        for (Map.Entry<String, JsonNode> entry : info.properties()) {
            String key = entry.getKey();
            JsonNode value = entry.getValue();
            if (NO_WINDOWS.contains(key)) {
                throw new UnsupportedOperationException("chrome.tabs.query: '" + key + "' is not supported in WebView: " + WHY);
            }
            switch (key) {
                case "url" -> {
                    for (JsonNode pattern : value.isArray() ? value : List.of(value)) {
                        urls.add(MatchPattern.parse(pattern.asString(""), "url"));
                    }
                }
                case "title" -> title = value.asString("");
                case "status" -> status = value.asString("");
                default -> throw new IllegalArgumentException("Error in invocation of tabs.query(object queryInfo):"
                        + " Error at parameter 'queryInfo': Unexpected property: '" + key + "'.");
            }
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (EngineBinding binding : bindings) {
            if (!(binding.facade() instanceof WebContents) || binding.engine() == null) {
                continue;
            }
            Map<String, Object> tab = describe(binding, extension);
            String url = url(binding);
            boolean visible = tab.containsKey("url");
            if ((!urls.isEmpty() && (!visible || urls.stream().noneMatch(p -> matches(p, url))))
                    || (title != null && (!visible || !Globs.matches(title, String.valueOf(tab.get("title")))))
                    || (status != null && !status.equals(tab.get("status")))) {
                continue;
            }
            out.add(tab);
        }
        return out;
    }

    /** Chrome's {@code Tab} for an attached {@code WebContents}. */
    static Map<String, Object> describe(EngineBinding binding, LoadedExtension extension) {
        WebContents contents = (WebContents) binding.facade();
        WebEngine engine = binding.engine();
        Map<String, Object> tab = new LinkedHashMap<>();
        tab.put("id", contents.getId());
        tab.put("status", engine != null && engine.getLoadWorker().getState() == Worker.State.RUNNING ? "loading" : "complete");
        tab.put("incognito", false);
        String url = url(binding);
        if (url != null && mayRead(extension, url)) {
            tab.put("url", url);
            tab.put("title", title(engine));
        }
        return tab;
    }

    /** {@code chrome.tabs.update(tabId, {url})}: loads {@code url} in the tab; the other properties are not supported. */
    static Map<String, Object> update(EngineBinding binding, LoadedExtension extension, JsonNode info) {
        String url = null;
        for (Map.Entry<String, JsonNode> entry : info.properties()) {
            if (!entry.getKey().equals("url")) {
                throw new UnsupportedOperationException("chrome.tabs.update: '" + entry.getKey()
                        + "' is not supported in WebView: " + WHY);
            }
            url = entry.getValue().asString("");
        }
        if (url != null) {
            String target = url.contains(":") ? url : "chrome-extension://" + extension.extension().id() + "/"
                    + url.replaceFirst("^/+", "");
            if (target.regionMatches(true, 0, "javascript:", 0, 11)) {
                throw new IllegalArgumentException("Cannot access contents of url \"" + url + "\".");
            }
            WebContents contents = (WebContents) binding.facade();
            Platform.runLater(() -> contents.loadURL(target));
        }
        return describe(binding, extension);
    }

    /** The document's title now ({@code WebEngine.getTitle()} follows it only later). */
    private static String title(WebEngine engine) {
        if (engine == null) {
            return "";
        }
        try {
            return String.valueOf(engine.executeScript("document.title"));
        } catch (RuntimeException e) {
            return engine.getTitle() == null ? "" : engine.getTitle();
        }
    }

    private static String url(EngineBinding binding) {
        WebEngine engine = binding.engine();
        String location = engine == null ? null : engine.getLocation();
        return location == null || location.isEmpty() ? binding.topDocumentUrl() : location;
    }

    private static boolean matches(MatchPattern pattern, String url) {
        try {
            return pattern.matches(URI.create(url));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Chrome shows a tab's URL and title to extensions with "tabs" or a host permission for it. */
    private static boolean mayRead(LoadedExtension extension, String url) {
        JsonNode manifest = extension.manifest();
        for (String field : List.of("permissions", "host_permissions")) {
            for (JsonNode permission : manifest.path(field)) {
                String text = permission.asString("");
                if (text.equals("tabs") || (text.contains("://") || text.equals("<all_urls>")) && matchesPermission(text, url)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean matchesPermission(String pattern, String url) {
        try {
            return matches(MatchPattern.parse(pattern, "permissions"), url);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
