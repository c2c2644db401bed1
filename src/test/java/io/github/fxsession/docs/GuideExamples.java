package io.github.fxsession.docs;

import io.github.fxsession.PartitionOptions;
import io.github.fxsession.Session;
import io.github.fxsession.WebContents;
import io.github.fxsession.cookies.Cookie;
import io.github.fxsession.cookies.CookieDetails;
import io.github.fxsession.cookies.CookieFilter;
import io.github.fxsession.cookies.Cookies;
import io.github.fxsession.download.DownloadUrlOptions;
import io.github.fxsession.extension.Extension;
import io.github.fxsession.extension.ExtensionOptions;
import io.github.fxsession.net.ClearStorageDataOptions;
import io.github.fxsession.net.Credentials;
import io.github.fxsession.net.NetworkEmulationOptions;
import io.github.fxsession.net.PreconnectOptions;
import io.github.fxsession.net.SSLConfig;
import io.github.fxsession.net.StorageType;
import io.github.fxsession.netlog.CaptureMode;
import io.github.fxsession.netlog.NetLogOptions;
import io.github.fxsession.permission.GeolocationPosition;
import io.github.fxsession.permission.Permission;
import io.github.fxsession.permission.PermissionPolicy;
import io.github.fxsession.protocol.CustomScheme;
import io.github.fxsession.protocol.Protocol;
import io.github.fxsession.protocol.ProtocolResponse;
import io.github.fxsession.protocol.SchemePrivileges;
import io.github.fxsession.proxy.ProxyConfig;
import io.github.fxsession.proxy.ProxyCredentials;
import io.github.fxsession.webrequest.BeforeRequestResponse;
import io.github.fxsession.webrequest.BeforeSendHeadersResponse;
import io.github.fxsession.webrequest.WebRequest;
import io.github.fxsession.webrequest.WebRequestFilter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.application.HostServices;
import javafx.scene.web.WebEngine;
import javafx.scene.web.WebView;
import javafx.util.Subscription;

/**
 * The examples of {@code docs/guide/*.md}, one method per guide, compiled with the tests so that a
 * renamed or changed public method breaks the build instead of the documentation. The methods are never
 * run (they would need real proxies, servers and ports); each capability's own tests run the same calls.
 * Keep each method and the snippet of its guide identical, apart from the parameters standing for the
 * application's own values.
 */
final class GuideExamples {

    private GuideExamples() {
    }

    /** docs/guide/partitions.md (FX Application Thread). */
    static void partitions(WebView view) {
        Session work = Session.fromPartition("persist:work");          // on disk, survives restarts
        Session temp = Session.fromPartition("scratch");               // in memory, gone at exit
        Session noCache = Session.fromPartition("nocache", new PartitionOptions(false));
        work.setUserAgent("MyApp/1.0", "en-US,fr");                    // Accept-Language: en-US,fr;q=0.9
        WebContents contents = work.attach(view);                      // FX Application Thread
        contents.loadURL("https://example.com/");
        Path where = work.getStoragePath();                            // null for temp and noCache
    }

    /** docs/guide/cookies.md. */
    static void cookies(Session session) {
        Cookies cookies = session.cookies();
        cookies.set(CookieDetails.builder("https://example.com/app").name("theme").value("dark")
                .expirationDate(Instant.now().plus(Duration.ofDays(30))).build()).join();
        List<Cookie> sent = cookies.get(CookieFilter.url("https://example.com/app/page")).join();
        List<Cookie> site = cookies.get(CookieFilter.builder().domain("example.com").httpOnly(false).build()).join();
        cookies.remove("https://example.com/app", "theme").join();
        Subscription watch = cookies.onChanged(e -> System.out.println(e.cause() + " " + e.cookie().name()));
        cookies.flushStore().join();
    }

    /** docs/guide/proxy.md. */
    static void proxy(Session work, Session pac) {
        work.setProxy(ProxyConfig.builder()
                .proxyRules("http=proxy.corp:3128,direct://;socks=socks5://gate.corp")
                .proxyBypassRules("*.corp,10.0.0.0/8,<local>")
                .credentials("alice", "secret")
                .build()).join();
        String rule = work.resolveProxy("http://example.com/").join();   // "PROXY proxy.corp:3128;DIRECT"
        pac.setProxy(ProxyConfig.builder().pacScript("https://wpad.corp/proxy.pac").build()).join();
        pac.setProxyLoginHandler(info -> CompletableFuture.completedFuture(
                info.host().equals("proxy.corp") ? new ProxyCredentials("alice", "secret") : null));
        pac.getProxyError().ifPresent(System.err::println);
    }

    /** docs/guide/tls-dns-auth.md. */
    static void tlsDnsAuth(Session work, String secret) {
        work.setCertificateVerifyProc((request, callback) ->
                callback.accept(request.hostname().equals("intranet.test") ? 0 : -3));   // 0 accept, -2 reject, -3 default
        work.setSSLConfig(SSLConfig.builder().minVersion("tls1.2").disabledCipherSuites(0xC013, 0xC014).build());
        work.clearHostResolverCache().join();
        work.setLoginHandler(info -> CompletableFuture.completedFuture(
                info.host().equals("intranet.test") ? new Credentials("alice", secret) : null));   // null = cancel
        work.clearAuthCache().join();
        work.allowNTLMCredentialsForDomains("*example.com, *baz");
    }

    /** docs/guide/cache-storage-emulation.md. */
    static void cacheStorageEmulation(Session work) {
        long bytes = work.getCacheSize().join();
        work.clearCache().join();
        work.clearStorageData(ClearStorageDataOptions.builder()
                .origin("https://example.com").storages(StorageType.COOKIES, StorageType.LOCALSTORAGE).build()).join();
        work.flushStorageData().join();
        Session.deletePersistentPartition("persist:user-42");          // at startup, before the partition is used
        work.enableNetworkEmulation(NetworkEmulationOptions.builder()
                .latency(500).downloadThroughput(6400).uploadThroughput(6400).build());
        work.enableNetworkEmulation(NetworkEmulationOptions.OFFLINE);
        work.disableNetworkEmulation();
        work.preconnect(new PreconnectOptions("https://example.com", 2));
        Subscription hints = work.onPreconnect(e -> System.out.println(e.preconnectUrl() + " " + e.allowCredentials()));
        work.closeAllConnections().join();
    }

    /** docs/guide/downloads.md. */
    static void downloads(Session session, String token) {
        session.setDownloadPath(Path.of(System.getProperty("user.home"), "Downloads"));
        Subscription s = session.onWillDownload((event, item, webContents) -> {
            if (item.getMimeType().equals("application/x-msdownload")) {
                event.preventDefault();                                // cancelled
                return;
            }
            item.onUpdated(state -> System.out.println(item.getPercentComplete() + "%"));
            item.onDone(state -> System.out.println(item.getSavePath() + ": " + state.electronName()));
        });
        session.downloadURL("https://example.com/report.pdf",
                new DownloadUrlOptions(Map.of("Authorization", "Bearer " + token)));
    }

    /** docs/guide/permissions-preloads.md. */
    static void permissionsPreloads(Session session, HostServices hostServices) {
        session.setPermissionRequestHandler((contents, permission, callback, details) ->
                callback.grant(permission == Permission.NOTIFICATIONS
                        && details.requestingUrl().startsWith("https://app.example/")));
        session.setPermissionCheckHandler((contents, permission, requestingOrigin, details) ->
                requestingOrigin.equals("https://app.example"));
        session.setGeolocationProvider(highAccuracy ->
                CompletableFuture.completedFuture(new GeolocationPosition(48.85, 2.29, 25)));
        session.setExternalUrlOpener(url -> hostServices.showDocument(url));
        session.setPermissionPolicy(PermissionPolicy.allowOnly(Permission.FULLSCREEN));   // kiosk: one call
        session.permissionDecisions().list();
        session.setPreloads(List.of(Path.of("/opt/app/preload.js")));
    }

    /** docs/guide/webrequest.md. */
    static void webRequest(Session session, Consumer<String> log) {
        WebRequest webRequest = session.webRequest();
        Subscription ads = webRequest.onBeforeRequest(WebRequestFilter.of("*://ads.example.com/*"),
                (details, callback) -> callback.accept(BeforeRequestResponse.cancelled()));
        webRequest.onBeforeSendHeaders((details, callback) -> {
            Map<String, String> headers = new LinkedHashMap<>(details.requestHeaders());
            headers.put("X-Client", "kiosk");
            callback.accept(BeforeSendHeadersResponse.headers(headers));
        });
        webRequest.onErrorOccurred(details -> log.accept(details.url() + " " + details.error()));
    }

    /** docs/guide/protocols.md. */
    static void protocols(Session session, WebContents contents, Path root) {
        Protocol.registerSchemesAsPrivileged(List.of(new CustomScheme("app", SchemePrivileges.webOrigin())));
        session.protocol().handle("app", request -> CompletableFuture.completedFuture(
                ProtocolResponse.ofPath(root.resolve(URI.create(request.url()).getPath().substring(1)))));
        contents.loadURL("app://bundle/index.html");
    }

    /** docs/guide/serial.md. */
    static void serial(Session session, Consumer<String> log) {
        Subscription s = session.onSelectSerialPort((event, ports, webContents, callback) -> {
            event.preventDefault();                                    // else the default JavaFX chooser asks
            callback.select(ports.isEmpty() ? "" : ports.get(0).portId());   // "" cancels: NotFoundError
        });
        session.onSerialPortAdded((port, webContents) -> log.accept(port.portName()));
        session.onSerialPortRemoved((port, webContents) -> log.accept(port.portName()));
        Session.setSerialPortPollInterval(Duration.ofMillis(500));
        Session.addSerialPort(Path.of("/dev/pts/7"), "Simulator");    // ports jSerialComm cannot list (ptys)
    }

    /** docs/guide/spellcheck.md. */
    static void spellcheck(Session session, Consumer<String> log) {
        session.setSpellCheckerLanguages(List.of("en-GB", "fr"));
        boolean wrong = session.isWordMisspelled("colour");            // false
        session.getWordSuggestions("recieve").thenAccept(System.out::println);
        session.addWordToSpellCheckerDictionary("fxsession");
        session.setSpellCheckerDictionaryDownloadURL("https://dictionaries.example/hunspell/");
        session.onSpellcheckDictionaryDownloadFailure(code -> log.accept("no " + code + " dictionary"));
    }

    /** docs/guide/extensions.md. */
    static void extensions(Session session) {
        session.onExtensionReady(ext -> System.out.println(ext.name() + " " + ext.id()));
        Extension ext = session.loadExtension(Path.of("/opt/app/link-counter"), new ExtensionOptions(false)).join();
        List<Extension> all = session.getAllExtensions();
        session.removeExtension(ext.id());
    }

    /** docs/guide/netlog.md. */
    static void netLog(Session session) {
        session.netLog().startLogging(Path.of("/tmp/net.json"),
                new NetLogOptions(CaptureMode.INCLUDE_SENSITIVE, 50_000_000)).join();
        Path written = session.netLog().stopLogging().join();
    }

    /** docs/guide/service-workers-blobs.md (FX Application Thread for the script). */
    static void serviceWorkersBlobs(Session session, WebEngine engine) {
        String url = (String) engine.executeScript("URL.createObjectURL(new Blob(['hello']))");
        byte[] data = session.getBlobData(url.substring(url.lastIndexOf('/') + 1)).join();
        Map<Long, ?> running = session.serviceWorkers().getAllRunning();   // always empty in WebView
    }
}
