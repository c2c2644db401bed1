package io.github.fxsession.extension;

import static io.github.fxsession.testing.FxToolkit.waitUntil;
import static io.github.fxsession.testing.Pages.eval;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.fxsession.Session;
import io.github.fxsession.samples.extension.LinkCounterSample;
import io.github.fxsession.testing.FxToolkit;
import io.github.fxsession.testing.Pages;
import io.github.fxsession.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import javafx.scene.web.WebView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Unpacked extensions: loading, validation, events, content scripts, chrome.runtime and chrome.storage.local. */
@ExtendWith(FxToolkit.class)
class ExtensionTest {

    private static final AtomicLong SEQ = new AtomicLong(System.nanoTime());

    @RegisterExtension
    final TestServer server = TestServer.start();
    @TempDir
    Path folder;

    @BeforeEach
    void routes() {
        server.route("/links.html", "text/html", "<!doctype html><html><body><a href='/a'>a</a> <a href='/b'>b</a>"
                        + " <a href='/c'>c</a></body></html>")
                .route("/two.html", "text/html", "<!doctype html><html><body><a href='/a'>a</a><a href='/b'>b</a></body></html>")
                .route("/framed.html", "text/html", "<!doctype html><html><body><iframe id=f src='/inner.html'></iframe></body></html>")
                .route("/inner.html", "text/html", "<!doctype html><html><body>inner</body></html>")
                .route("/skip.html", "text/html", "<!doctype html><html><body>skip</body></html>")
                .route("/csp.html", r -> TestServer.okBuilder("text/html", "<!doctype html><html><body>csp"
                        + "<script>window.inlineRan = true;</script></body></html>")
                        .setHeader("Content-Security-Policy", "script-src 'self'").build());
    }

    private static Session persistent(String name) {
        return Session.fromPartition("persist:" + name + "-" + SEQ.incrementAndGet());
    }

    private Path extension(String name, String manifest, String... files) throws Exception {
        Path dir = folder.resolve(name);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("manifest.json"), manifest);
        for (int i = 0; i < files.length; i += 2) {
            Files.writeString(dir.resolve(files[i]), files[i + 1]);
        }
        return dir;
    }

    private static String mv3(String contentScripts) {
        return "{\"manifest_version\": 3, \"name\": \"t\", \"version\": \"1.2\", \"content_scripts\": " + contentScripts + "}";
    }

    private static Throwable failure(java.util.concurrent.CompletableFuture<?> future) {
        return assertThrows(CompletionException.class, future::join).getCause();
    }

    @Test
    void sampleExtensionHighlightsLinksAndCountsThemInStorage() throws Exception {
        Session session = persistent("ext-sample");
        Extension ext = LinkCounterSample.load(session);

        WebView first = Pages.open(session, server.url("/links.html"));
        waitUntil("the content script counted", () -> "3/3".equals(eval(first, "document.documentElement.dataset.linkCounter")));
        assertThat(eval(first, "getComputedStyle(document.querySelector('a')).outlineStyle")).isEqualTo("solid");
        WebView second = Pages.open(session, server.url("/two.html"));
        waitUntil("the second page added to the stored total", () -> "2/5".equals(eval(second, "document.documentElement.dataset.linkCounter")));

        Path stored = session.getStoragePath().resolve("Local Extension Settings").resolve(ext.id() + ".json");
        waitUntil("chrome.storage.local is written to the partition", () -> {
            try {
                return Files.exists(stored) && Files.readString(stored).contains("\"linksSeen\":5");
            } catch (java.io.IOException e) {
                return false;
            }
        });
    }

    @Test
    void loadExtensionDescribesTheExtensionWithChromesUnpackedId() throws Exception {
        Session session = persistent("ext-describe");
        Path dir = extension("describe", mv3("[]"));

        Extension ext = session.loadExtension(dir).join();

        String expected = io.github.fxsession.internal.extension.ExtensionIds.forPath(dir.toRealPath());
        assertThat(ext.id()).isEqualTo(expected).matches("[a-p]{32}");
        assertThat(ext.name()).isEqualTo("t");
        assertThat(ext.version()).isEqualTo("1.2");
        assertThat(ext.path()).isEqualTo(dir.toRealPath());
        assertThat(ext.url()).isEqualTo("chrome-extension://" + expected + "/");
        assertThat(ext.manifest()).containsEntry("manifest_version", 3);
        assertThat(session.getExtension(ext.id())).isEqualTo(ext);
        assertThat(session.getAllExtensions()).containsExactly(ext);
    }

    @Test
    void eventsFireLoadedThenReadyAndUnloadedOnRemove() throws Exception {
        Session session = persistent("ext-events");
        List<String> events = new ArrayList<>();
        session.onExtensionLoaded(e -> events.add("loaded " + e.name()));
        session.onExtensionReady(e -> events.add("ready " + e.name()));
        session.onExtensionUnloaded(e -> events.add("unloaded " + e.name()));

        Extension ext = session.loadExtension(extension("events", mv3("[]"))).join();
        session.removeExtension(ext.id());

        assertThat(events).containsExactly("loaded t", "ready t", "unloaded t");
        assertThat(session.getExtension(ext.id())).isNull();
        assertThat(session.getAllExtensions()).isEmpty();
    }

    @Test
    void loadingIntoAnInMemorySessionFailsAsElectronSays() throws Exception {
        Throwable e = failure(Session.fromPartition("ext-memory").loadExtension(extension("memory", mv3("[]"))));
        assertThat(e).isInstanceOf(IllegalStateException.class).hasMessage("Extensions cannot be loaded in a temporary session");
    }

    @Test
    void loadingBeforeTheToolkitStartsFails() throws Exception {
        Process child = io.github.fxsession.testing.ChildJvm.start(ExtensionEarlyChild.class,
                List.of("-Dfxsession.userDataPath=" + folder.resolve("early-user-data")));
        try {
            assertThat(io.github.fxsession.testing.ChildJvm.awaitLine(child, "RESULT ", 60))
                    .isEqualTo("RESULT IllegalStateException: loadExtension cannot be called before the JavaFX toolkit is started");
        } finally {
            io.github.fxsession.testing.ChildJvm.kill(child);
        }
    }

    @Test
    void anInvalidManifestFailsNamingTheField() throws Exception {
        Session session = persistent("ext-invalid");
        Throwable version = failure(session.loadExtension(extension("noversion",
                "{\"manifest_version\": 3, \"name\": \"x\", \"version\": \"1.x\"}")));
        assertThat(version).isInstanceOf(IllegalArgumentException.class).hasMessage("Required value 'version' is missing or "
                + "invalid. It must be between 1-4 dot-separated integers each between 0 and 65536.");
        Throwable runAt = failure(session.loadExtension(extension("runat",
                mv3("[{\"matches\": [\"<all_urls>\"], \"js\": [\"a.js\"], \"run_at\": \"later\"}]"), "a.js", "1;")));
        assertThat(runAt).hasMessage("Invalid value for 'content_scripts[0].run_at'.");
        Throwable missing = failure(session.loadExtension(folder.resolve("nothing-here")));
        assertThat(missing).hasMessage("Manifest file is missing or unreadable");
        Throwable escape = failure(session.loadExtension(extension("escape",
                mv3("[{\"matches\": [\"<all_urls>\"], \"js\": [\"../describe/manifest.json\"]}]"))));
        assertThat(escape).hasMessage("Could not load javascript '../describe/manifest.json' for content script.");
        assertThat(session.getAllExtensions()).isEmpty();
    }

    @Test
    void htmlBackgroundPageRunsItsScriptsWithChromeAndAnswersContentScripts() throws Exception {
        Session session = persistent("ext-bg-page");
        List<String> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        session.onExtensionLoaded(e -> events.add("loaded"));
        session.onExtensionReady(e -> events.add("ready"));
        Extension ext = session.loadExtension(extension("bgpage",
                "{\"manifest_version\": 2, \"name\": \"b\", \"version\": \"1\", \"background\": {\"page\": \"bg.html\"},"
                        + " \"content_scripts\": [{\"matches\": [\"http://*/*\"], \"js\": [\"c.js\"], \"run_at\": \"document_end\"}]}",
                "bg.html", "<!doctype html><html><head><script src='bg.js'></script></head><body></body></html>",
                "bg.js", "var seen = typeof chrome.runtime.onMessage;\n"
                        + "chrome.runtime.onMessage.addListener(function (message, sender, sendResponse) {\n"
                        + "  sendResponse(message + ' ' + seen + ' ' + location.href);\n});",
                "c.js", "chrome.runtime.sendMessage('hi').then(function (r) { window.reply = r; });")).join();
        waitUntil("'extension-ready' once the page's scripts ran", () -> events.equals(List.of("loaded", "ready")));

        WebView view = Pages.open(session, server.url("/links.html"));

        waitUntil("the background page answered", () -> ("hi object " + ext.url() + "bg.html").equals(eval(view, "window.reply")));
    }

    @Test
    void backgroundSendsMessagesToTheContentScriptsOfATab() throws Exception {
        Session session = persistent("ext-tabs");
        Extension ext = session.loadExtension(extension("tabs",
                "{\"manifest_version\": 2, \"name\": \"b\", \"version\": \"1\", \"background\": {\"page\": \"bg.html\"},"
                        + " \"content_scripts\": [{\"matches\": [\"http://*/*\"], \"js\": [\"c.js\"], \"run_at\": \"document_end\"}]}",
                "bg.html", "<!doctype html><script src='bg.js'></script>",
                "bg.js", "chrome.runtime.onMessage.addListener(function (message, sender, sendResponse) {\n"
                        + "  chrome.tabs.sendMessage(sender.tab.id, 'ping').then(function (r) {\n"
                        + "    chrome.tabs.sendMessage(123456789, 'x', function () { sendResponse(r + ' | ' + chrome.runtime.lastError.message); });\n"
                        + "  });\n  return true;\n});",
                "c.js", "chrome.runtime.onMessage.addListener(function (m, sender, sendResponse) { sendResponse('pong ' + m + ' from ' + sender.url); });"
                        + " chrome.runtime.sendMessage('hello').then(function (r) { window.reply = r; });")).join();

        WebView view = Pages.open(session, server.url("/links.html"));

        waitUntil("the tab answered the background", () -> ("pong ping from " + ext.url() + "bg.html | No tab with id: 123456789.")
                .equals(eval(view, "window.reply")));
    }

    @Test
    void framesOfATabTalkWithTheBackgroundWithChromesFrameIds() throws Exception {
        Session session = persistent("ext-frames");
        session.loadExtension(extension("frames",
                "{\"manifest_version\": 2, \"name\": \"f\", \"version\": \"1\", \"background\": {\"scripts\": [\"bg.js\"]},"
                        + " \"content_scripts\": [{\"matches\": [\"http://*/*\"], \"js\": [\"c.js\"], \"run_at\": \"document_end\", \"all_frames\": true}]}",
                "bg.js", "chrome.runtime.onMessage.addListener(function (m, sender, sendResponse) {\n"
                        + "  sendResponse(sender.frameId);\n"
                        + "  if (sender.frameId === 0) { return; }\n"
                        + "  var tab = sender.tab.id, out = [typeof sender.frameId, sender.url];\n"
                        + "  chrome.tabs.sendMessage(tab, 'who', {frameId: sender.frameId}).then(function (r) {\n"
                        + "    out.push(r);\n"
                        + "    return chrome.tabs.sendMessage(tab, 'who', {frameId: 0});\n"
                        + "  }).then(function (r) {\n"
                        + "    out.push(r);\n"
                        + "    chrome.tabs.sendMessage(tab, 'who', {frameId: 987654}, function () {\n"
                        + "      out.push(chrome.runtime.lastError.message);\n"
                        + "      chrome.tabs.sendMessage(tab, {report: out.join(' | ')}, {frameId: 0});\n"
                        + "    });\n"
                        + "  });\n});",
                "c.js", "chrome.runtime.onMessage.addListener(function (m, sender, sendResponse) {\n"
                        + "  if (m.report) { window.report = m.report; return; }\n"
                        + "  sendResponse((window === top ? 'top ' : 'frame ') + location.pathname);\n});\n"
                        + "chrome.runtime.sendMessage('hello').then(function (id) { window.frameIdSeen = id; });")).join();
        String inner = "http://localhost:" + server.port() + "/inner.html";
        server.route("/cross.html", "text/html", "<!doctype html><html><body><iframe src='" + inner + "'></iframe></body></html>");

        WebView view = Pages.open(session, server.url("/cross.html"));

        waitUntil("the top frame learnt its frame id", () -> Integer.valueOf(0).equals(eval(view, "window.frameIdSeen")));
        waitUntil("the background reported", () -> Boolean.TRUE.equals(eval(view, "typeof window.report === 'string'")));
        assertThat(eval(view, "window.report")).isEqualTo("number | " + inner + " | frame /inner.html | top /cross.html"
                + " | Could not establish connection. Receiving end does not exist.");
    }

    @Test
    void backgroundUsesTabsI18nAndStorageEventsAndHearsWhatWebViewCannotDo() throws Exception {
        Session session = persistent("ext-surface");
        Path dir = extension("surface", "{\"manifest_version\": 3, \"name\": \"s\", \"version\": \"1\", \"default_locale\": \"en\","
                        + " \"permissions\": [\"tabs\", \"storage\"], \"background\": {\"service_worker\": \"bg.js\"},"
                        + " \"content_scripts\": [{\"matches\": [\"http://*/*\"], \"js\": [\"c.js\"], \"run_at\": \"document_end\"}]}",
                "bg.js", "chrome.runtime.onMessage.addListener(function (m, sender) {\n"
                        + "  if (m.move) {\n"
                        + "    chrome.storage.local.set({heard: m.heard}).then(function () { return chrome.tabs.update(sender.tab.id, {url: m.move}); });\n"
                        + "    return;\n  }\n"
                        + "  var out = [];\n"
                        + "  var tried = function (f) { try { f(); } catch (e) { out.push(e.message); } };\n"
                        + "  chrome.tabs.get(sender.tab.id).then(function (tab) {\n"
                        + "    out.push(tab.id === sender.tab.id, tab.url, tab.title, ['loading', 'complete'].indexOf(tab.status) >= 0);\n"
                        + "    return chrome.tabs.query({url: ['http://localhost/*', 'https://*/*'], title: 'T*'});\n"
                        + "  }).then(function (tabs) {\n"
                        + "    out.push(tabs.length);\n"
                        + "    return chrome.tabs.query({active: true, currentWindow: true}).catch(function (e) { out.push(e.message); });\n"
                        + "  }).then(function () {\n"
                        + "    tried(function () { chrome.tabs.create({url: 'x'}); });\n"
                        + "    tried(function () { chrome.runtime.connect(); });\n"
                        + "    tried(function () { chrome.storage.sync.get('a'); });\n"
                        + "    chrome.tabs.get(424242, function () {\n"
                        + "      out.push(chrome.runtime.lastError.message);\n"
                        + "      out.push(chrome.i18n.getMessage('GREETING', 'Ada') + '/' + chrome.i18n.getMessage('@@extension_id').length"
                        + " + '/' + JSON.stringify(chrome.i18n.getMessage('missing')));\n"
                        + "      chrome.storage.local.set({report: out.join(' | ')});\n"
                        + "    });\n"
                        + "  });\n});",
                "c.js", "chrome.storage.onChanged.addListener(function (changes, area) {\n"
                        + "  if (changes.report && location.pathname === '/titled.html') {\n"
                        + "    chrome.runtime.sendMessage({move: location.origin + '/two.html', heard: area + ' ' + typeof changes.report.newValue});\n"
                        + "  }\n});\n"
                        + "if (location.pathname === '/titled.html') {\n"
                        + "  chrome.runtime.sendMessage({go: true});\n"
                        + "} else {\n"
                        + "  chrome.storage.local.get(['report', 'heard'], function (items) { window.report = items.report + ' | ' + items.heard; });\n"
                        + "}");
        Files.createDirectories(dir.resolve("_locales/en"));
        Files.writeString(dir.resolve("_locales/en/messages.json"),
                "{\"greeting\": {\"message\": \"Hello $Who$!\", \"placeholders\": {\"who\": {\"content\": \"$1\"}}}}");
        session.loadExtension(dir).join();
        server.route("/titled.html", "text/html", "<!doctype html><html><head><title>Titled</title></head><body>t</body></html>");

        WebView view = Pages.open(session, server.url("/titled.html"));

        waitUntil("the background moved the tab and the new page read the report",
                () -> Boolean.TRUE.equals(eval(view, "typeof window.report === 'string'")));
        String why = " is not supported in WebView: ";
        assertThat(eval(view, "window.report")).isEqualTo(String.join(" | ", "true", server.url("/titled.html"), "Titled", "true", "1",
                "chrome.tabs.query: 'active'" + why + "a partition's WebContents belong to no browser window, so none is active,"
                        + " highlighted, pinned or indexed",
                "chrome.tabs.create" + why + "a partition's WebContents belong to the application, which opens and shows them",
                "chrome.runtime.connect" + why + "long-lived ports are not implemented; use chrome.runtime.sendMessage",
                "chrome.storage.sync" + why + "only chrome.storage.local is kept (in the partition)",
                "No tab with id: 424242.", "Hello Ada!/32/\"\"", "local string"));
    }

    @Test
    void localesNeedADefaultLocaleAsInChrome() throws Exception {
        Session session = persistent("ext-locales");
        Path dir = extension("locales", mv3("[{\"matches\": [\"http://*/*\"], \"js\": [\"c.js\"]}]"), "c.js", "");
        Files.createDirectories(dir.resolve("_locales/en"));
        Files.writeString(dir.resolve("_locales/en/messages.json"), "{}");

        assertThat(failure(session.loadExtension(dir))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Localization used, but default_locale wasn't specified in the manifest.");
    }

    @Test
    void anHtmlBackgroundPageNeedsManifestV2AndAFileOfTheExtension() throws Exception {
        Session session = persistent("ext-bg-page-bad");
        String page = "{\"manifest_version\": %d, \"name\": \"b\", \"version\": \"1\", \"background\": {\"page\": \"%s\"}}";

        Throwable v3 = failure(session.loadExtension(extension("bgv3", page.formatted(3, "bg.html"), "bg.html", "<p>")));
        Throwable missing = failure(session.loadExtension(extension("bgmissing", page.formatted(2, "bg.html"))));
        Throwable escape = failure(session.loadExtension(extension("bgescape", page.formatted(2, "../bgv3/bg.html"))));

        assertThat(v3).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The 'background.page' key requires manifest version of 2 or lower.");
        assertThat(missing).isInstanceOf(IllegalArgumentException.class).hasMessage("Could not load background page 'bg.html'.");
        assertThat(escape).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Could not load background page '../bgv3/bg.html'.");
        assertThat(session.getAllExtensions()).isEmpty();
    }

    /** A 1x1 PNG. */
    private static final byte[] ICON = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private Path resources(String name, String... files) throws Exception {
        Path dir = extension(name, mv3("[{\"matches\": [\"http://*/*\"], \"js\": [\"c.js\"], \"run_at\": \"document_end\"}]"),
                files);
        Files.write(dir.resolve("icon.png"), ICON);
        return dir;
    }

    @Test
    void contentScriptsShowExtensionResourcesInPagesOfThePartition() throws Exception {
        Session session = persistent("ext-res-img");
        session.loadExtension(resources("resimg", "c.js", "var img = new Image();"
                + " img.onload = function () { window.icon = img.naturalWidth + 'x' + img.naturalHeight; };"
                + " img.src = chrome.runtime.getURL('icon.png'); document.body.appendChild(img);")).join();

        WebView view = Pages.open(session, server.url("/links.html"));

        waitUntil("the extension's image loaded", () -> "1x1".equals(eval(view, "window.icon")));
    }

    @Test
    void extensionPagesFetchAndXhrTheirOwnFiles() throws Exception {
        Session session = persistent("ext-fetch");
        Extension ext = session.loadExtension(resources("fetching", "c.js", "",
                "data.json", "{\"answer\": 42}",
                "page.html", "<!doctype html><html><body><script>\n"
                        + "var out = [];\n"
                        + "fetch('data.json').then(function (r) { out.push(r.status + ' ' + r.headers.get('Content-Type')); return r.json(); })\n"
                        + "  .then(function (j) { out.push(j.answer);\n"
                        + "    return fetch(chrome.runtime.getURL('missing.json')).catch(function (e) { out.push(e.message); }); })\n"
                        + "  .then(function () {\n"
                        + "    var x = new XMLHttpRequest();\n"
                        + "    x.onload = function () { out.push(x.status + ' ' + x.responseText); window.done = out.join(' | '); };\n"
                        + "    x.onerror = function () { out.push('xhr error'); window.done = out.join(' | '); };\n"
                        + "    x.open('GET', chrome.runtime.getURL('data.json'));\n"
                        + "    x.send();\n"
                        + "  });\n"
                        + "</script></body></html>")).join();

        WebView view = Pages.open(session, ext.url() + "page.html");

        waitUntil("the page fetched its files", () -> Boolean.TRUE.equals(eval(view, "typeof window.done === 'string'")));
        assertThat(eval(view, "window.done")).isEqualTo("200 application/json | 42 | Failed to fetch | 200 {\"answer\": 42}");
    }

    @Test
    void anExtensionPageOpensInAWebViewOfThePartitionWithChrome() throws Exception {
        Session session = persistent("ext-res-page");
        Extension ext = session.loadExtension(resources("respage", "c.js", "",
                "page.html", "<!doctype html><html><head><title>options</title></head>"
                        + "<body><img id=icon src='icon.png'><img id=missing src='missing.png'></body></html>")).join();

        WebView view = Pages.open(session, ext.url() + "page.html");

        waitUntil("the page's images settled", () -> Boolean.TRUE.equals(eval(view, "document.readyState === 'complete'")));
        assertThat(eval(view, "document.title + ' ' + document.contentType + ' ' + chrome.runtime.id")).isEqualTo("options text/html " + ext.id());
        assertThat(eval(view, "document.getElementById('icon').naturalWidth + ' ' + document.getElementById('missing').naturalWidth"))
                .isEqualTo("1 0");
    }

    @Test
    void unknownExtensionsMissingFilesAndOtherPartitionsFailToLoad() throws Exception {
        Session session = persistent("ext-res-fail");
        Extension ext = session.loadExtension(resources("resfail", "c.js", "", "page.html", "<p>page")).join();

        assertThat(loadState(session, ext.url() + "missing.html")).isEqualTo(javafx.concurrent.Worker.State.FAILED);
        assertThat(loadState(session, "chrome-extension://" + "a".repeat(32) + "/page.html")).isEqualTo(javafx.concurrent.Worker.State.FAILED);
        assertThat(loadState(persistent("ext-res-other"), ext.url() + "page.html")).isEqualTo(javafx.concurrent.Worker.State.FAILED);
        assertThat(loadState(session, ext.url() + "page.html")).isEqualTo(javafx.concurrent.Worker.State.SUCCEEDED);
    }

    private static javafx.concurrent.Worker.State loadState(Session session, String url) {
        WebView view = Pages.attached(session);
        return FxToolkit.loadAndWait(view.getEngine(), () -> view.getEngine().load(url));
    }

    @Test
    void backgroundServiceWorkerAnswersContentScriptsAndReadyFiresOnceItRan() throws Exception {
        Session session = persistent("ext-bg-sw");
        List<String> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        session.onExtensionLoaded(e -> events.add("loaded"));
        session.onExtensionReady(e -> events.add("ready"));
        session.loadExtension(extension("bgsw",
                "{\"manifest_version\": 3, \"name\": \"b\", \"version\": \"1\", \"background\": {\"service_worker\": \"sw.js\"},"
                        + " \"content_scripts\": [{\"matches\": [\"http://*/*\"], \"js\": [\"c.js\"], \"run_at\": \"document_end\"}]}",
                "sw.js", "var calls = 0;\n"
                        + "chrome.runtime.onMessage.addListener(function (message, sender, sendResponse) {\n"
                        + "  calls++; sendResponse({doubled: message.n * 2, from: sender.url, calls: calls});\n});",
                "c.js", "chrome.runtime.sendMessage({n: 21}).then(function (r) {"
                        + " window.reply = r.doubled + ' ' + r.from + ' ' + r.calls; });")).join();
        waitUntil("'extension-ready' once the background ran", () -> events.equals(List.of("loaded", "ready")));

        WebView view = Pages.open(session, server.url("/links.html"));

        waitUntil("the background answered", () -> ("42 " + server.url("/links.html") + " 1").equals(eval(view, "window.reply")));
    }

    @Test
    void backgroundScriptsAnswerLaterWhenTheListenerReturnsTrue() throws Exception {
        Session session = persistent("ext-bg-async");
        session.loadExtension(extension("bgasync",
                "{\"manifest_version\": 2, \"name\": \"b\", \"version\": \"1\", \"background\": {\"scripts\": [\"a.js\", \"b.js\"]},"
                        + " \"content_scripts\": [{\"matches\": [\"http://*/*\"], \"js\": [\"c.js\"], \"run_at\": \"document_end\"}]}",
                "a.js", "function later(value, send) { setTimeout(function () { send('later ' + value); }, 30); }",
                "b.js", "chrome.runtime.onMessage.addListener(function (m, s, send) {"
                        + " if (m === 'ignored') { return false; } later(m, send); return true; });",
                "c.js", "chrome.runtime.sendMessage('hello', function (r) { window.reply = r; });"
                        + "chrome.runtime.sendMessage('ignored', function (r) { window.portClosed = chrome.runtime.lastError.message; });")).join();

        WebView view = Pages.open(session, server.url("/links.html"));

        waitUntil("the background answered later", () -> "later hello".equals(eval(view, "window.reply")));
        waitUntil("the ignored message closed its port", () -> "The message port closed before a response was received.".equals(eval(view, "window.portClosed")));
    }

    @Test
    void contentScriptsFollowRunAtAllFramesAndExcludeMatches() throws Exception {
        Session session = persistent("ext-scripts");
        session.loadExtension(extension("scripts", mv3("["
                        + "{\"matches\": [\"http://*/*\"], \"exclude_matches\": [\"*://*/skip.html\"], \"js\": [\"start.js\"],"
                        + " \"run_at\": \"document_start\", \"all_frames\": true},"
                        + "{\"matches\": [\"http://*/*\"], \"js\": [\"end.js\"], \"run_at\": \"document_end\"}]"),
                "start.js", "window.atStart = document.readyState + ' ' + chrome.runtime.id.length;",
                "end.js", "window.atEnd = document.readyState + ' ' + (document.body !== null);")).join();

        WebView view = Pages.open(session, server.url("/framed.html"));
        assertThat(eval(view, "window.atStart")).isEqualTo("loading 32");
        assertThat(eval(view, "window.atEnd")).isEqualTo("interactive true");
        assertThat(eval(view, "document.getElementById('f').contentWindow.atStart")).isEqualTo("loading 32");
        assertThat(eval(view, "String(document.getElementById('f').contentWindow.atEnd)")).isEqualTo("undefined");
        WebView skipped = Pages.open(session, server.url("/skip.html"));
        assertThat(eval(skipped, "String(window.atStart)")).isEqualTo("undefined");
    }

    @Test
    void contentScriptsRunOnPagesWhosePolicyForbidsInlineScripts() throws Exception {
        Session session = persistent("ext-csp");
        session.loadExtension(extension("csp", mv3("[{\"matches\": [\"http://*/*\"], \"js\": [\"c.js\"], \"run_at\": \"document_end\"}]"),
                "c.js", "window.contentRan = chrome.runtime.id.length;")).join();

        WebView view = Pages.open(session, server.url("/csp.html"));

        assertThat(eval(view, "window.contentRan")).isEqualTo(32);
        assertThat(eval(view, "String(window.inlineRan)")).isEqualTo("undefined");
    }

    @Test
    void fileScriptsRunOnlyWithAllowFileAccess() throws Exception {
        Path page = folder.resolve("page.html");
        Files.writeString(page, "<!doctype html><html><body>file</body></html>", StandardCharsets.UTF_8);
        String manifest = mv3("[{\"matches\": [\"file:///*\"], \"js\": [\"f.js\"], \"run_at\": \"document_end\"}]");
        Session denied = persistent("ext-file-denied");
        denied.loadExtension(extension("file-denied", manifest, "f.js", "window.fromExtension = 'yes';")).join();
        Session allowed = persistent("ext-file-allowed");
        allowed.loadExtension(extension("file-allowed", manifest, "f.js", "window.fromExtension = 'yes';"),
                new ExtensionOptions(true)).join();

        WebView withAccess = Pages.open(allowed, page.toUri().toString());
        waitUntil("the content script ran in the file: page", () -> "yes".equals(eval(withAccess, "window.fromExtension")));
        WebView without = Pages.open(denied, page.toUri().toString());
        assertThat(eval(without, "String(window.fromExtension)")).isEqualTo("undefined");
    }

    @Test
    void runtimeApiAnswersAndSendMessageReportsThatNobodyListens() throws Exception {
        Session session = persistent("ext-runtime");
        Extension ext = session.loadExtension(extension("runtime", mv3(
                        "[{\"matches\": [\"http://*/*\"], \"js\": [\"r.js\"], \"run_at\": \"document_end\"}]"),
                "r.js", "window.manifestName = chrome.runtime.getManifest().name;"
                        + "window.resource = chrome.runtime.getURL('/img/a.png');"
                        + "chrome.runtime.sendMessage({hi: 1}, function () { window.lastError = chrome.runtime.lastError.message; });")).join();

        WebView view = Pages.open(session, server.url("/links.html"));
        assertThat(eval(view, "window.manifestName")).isEqualTo("t");
        assertThat(eval(view, "window.resource")).isEqualTo("chrome-extension://" + ext.id() + "/img/a.png");
        waitUntil("sendMessage answered", () -> "Could not establish connection. Receiving end does not exist."
                .equals(eval(view, "window.lastError")));
    }

    @Test
    void removedExtensionsScriptsNoLongerRunInNewPages() throws Exception {
        Session session = persistent("ext-removed");
        Extension ext = session.loadExtension(extension("removed", mv3(
                "[{\"matches\": [\"http://*/*\"], \"js\": [\"x.js\"], \"run_at\": \"document_end\"}]"), "x.js", "window.ran = 1;")).join();
        assertThat(eval(Pages.open(session, server.url("/links.html")), "window.ran")).isEqualTo(1);

        session.removeExtension(ext.id());

        assertThat(eval(Pages.open(session, server.url("/links.html")), "String(window.ran)")).isEqualTo("undefined");
    }
}
