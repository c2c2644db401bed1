package io.github.fxsession;

import io.github.fxsession.cookies.Cookies;
import io.github.fxsession.download.DownloadItem;
import io.github.fxsession.download.DownloadUrlOptions;
import io.github.fxsession.download.InterruptedDownloadOptions;
import io.github.fxsession.download.WillDownloadListener;
import io.github.fxsession.extension.Extension;
import io.github.fxsession.extension.ExtensionListener;
import io.github.fxsession.extension.ExtensionOptions;
import io.github.fxsession.internal.serviceworker.NoServiceWorkers;
import io.github.fxsession.internal.session.CoreOptions;
import io.github.fxsession.internal.session.EngineBinding;
import io.github.fxsession.internal.session.SessionCore;
import io.github.fxsession.internal.session.SessionRegistry;
import io.github.fxsession.internal.session.UserAgents;
import io.github.fxsession.internal.storage.PartitionDeleter;
import io.github.fxsession.net.CertificateVerifyProc;
import io.github.fxsession.net.ClearStorageDataOptions;
import io.github.fxsession.net.LoginHandler;
import io.github.fxsession.net.NetworkEmulationOptions;
import io.github.fxsession.net.PreconnectListener;
import io.github.fxsession.net.PreconnectOptions;
import io.github.fxsession.net.SSLConfig;
import io.github.fxsession.net.StorageType;
import io.github.fxsession.netlog.NetLog;
import io.github.fxsession.permission.ExternalUrlOpener;
import io.github.fxsession.permission.GeolocationProvider;
import io.github.fxsession.permission.PermissionCheckHandler;
import io.github.fxsession.permission.PermissionDecisions;
import io.github.fxsession.permission.PermissionPolicy;
import io.github.fxsession.permission.PermissionRequestHandler;
import io.github.fxsession.proxy.ProxyConfig;
import io.github.fxsession.proxy.ProxyLoginHandler;
import io.github.fxsession.serviceworker.ServiceWorkers;
import io.github.fxsession.spellcheck.SpellcheckDictionaryListener;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.scene.web.WebEngine;
import javafx.scene.web.WebView;
import javafx.util.Subscription;

/**
 * A browsing partition with its own storage, network client and identity: Electron's {@code Session}
 * for JavaFX WebView.
 *
 * <pre>{@code
 * Session work = Session.fromPartition("persist:work");
 * work.setUserAgent("MyApp/1.0", "en-US,fr");
 * WebView view = new WebView();
 * WebContents contents = work.attach(view);
 * contents.loadURL("https://example.com/");
 * }</pre>
 *
 * <h2>Partitions</h2>
 * A name that starts with {@code persist:} is stored on disk under
 * {@code <userData>/Partitions/<encoded name>}, any other name lives in memory (a private temporary
 * directory deleted when the JVM exits), and {@code ""} is the {@linkplain #defaultSession() default
 * session}, stored in {@code <userData>} itself. The same name always returns the same instance.
 *
 * <h2>Attaching WebViews</h2>
 * Everything a WebView does goes to the session it is {@linkplain #attach(WebView) attached} to: its
 * engine's user-data directory (localStorage) and every request it sends, which the session's own HTTP
 * client carries through the session's interceptor chain. Engines never attached belong to the default
 * session. fxsession must be used (any call here) before the JVM's first {@code WebEngine} is created;
 * {@link SessionWebView} does so by itself.
 *
 * <h2>Threading</h2>
 * Any thread, except {@link #attach(WebView)} / {@link #attach(WebEngine)}: FX Application Thread only.
 *
 * @since 0.1
 */
public final class Session {

    static {
        SessionRegistry.setFacadeFactory(Session::new);
    }

    private final SessionCore core;

    private Session(SessionCore core) {
        this.core = core;
    }

    /**
     * The session of {@code partition}, created with the default options on first use (Electron's
     * {@code session.fromPartition(partition)}).
     *
     * @return the session, created on first use
     * @param partition {@code ""} for the default session, {@code "persist:NAME"} for a persistent one,
     *     any other non-blank name for an in-memory one
     * @throws NullPointerException if {@code partition} is null
     * @throws IllegalArgumentException if {@code partition} is blank (but not empty) or contains NUL
     * @throws IllegalStateException if the partition's directory is used by another process
     */
    public static Session fromPartition(String partition) {
        return of(SessionRegistry.get(partition, null, Session::new));
    }

    /**
     * The session of {@code partition}, created with {@code options} (Electron's
     * {@code session.fromPartition(partition, options)}).
     *
     * @param partition as for {@link #fromPartition(String)}
     * @param options the partition's options
     * @return the new session
     * @throws IllegalStateException if the partition exists already (its options cannot change), or its
     *     directory is used by another process
     */
    public static Session fromPartition(String partition, PartitionOptions options) {
        Objects.requireNonNull(options, "options == null");
        return of(SessionRegistry.get(partition,
                new CoreOptions(options.cache(), options.persistSessionCookies()), Session::new));
    }

    /**
     * The default session (Electron's {@code session.defaultSession}); persistent.
     *
     * @return the default session
     */
    public static Session defaultSession() {
        return fromPartition("");
    }

    /**
     * Chooses the directory under which persistent partitions live (Electron's {@code userData}). The
     * default is the {@code fxsession.userDataPath} system property, else the platform's per-user
     * application-data folder ({@code ~/.config/fxsession}, {@code %APPDATA%\fxsession},
     * {@code ~/Library/Application Support/fxsession}).
     *
     * @param path an absolute directory
     * @throws IllegalStateException once any session was used
     */
    public static void setUserDataPath(Path path) {
        SessionRegistry.setUserDataPath(path);
    }

    /**
     * The directory under which persistent partitions live.
     *
     * @return the directory
     */
    public static Path getUserDataPath() {
        return SessionRegistry.userDataPath();
    }

    private static Session of(SessionCore core) {
        return (Session) core.facade();
    }

    /**
     * This session's partition name ({@code ""} for the default session).
     *
     * @return the partition name
     */
    public String getPartition() {
        return core.partition();
    }

    /**
     * Whether this session is stored on disk (Electron's {@code ses.isPersistent()}).
     *
     * @return whether the session is persistent
     */
    public boolean isPersistent() {
        return core.persistent();
    }

    /**
     * Where this session stores its data, or {@code null} for in-memory sessions (Electron's
     * {@code ses.getStoragePath()}).
     *
     * @return the directory, or {@code null}
     */
    public Path getStoragePath() {
        return core.storagePath();
    }

    /**
     * Electron's read-only {@code ses.storagePath} property; the same as {@link #getStoragePath()}.
     *
     * @return the directory, or {@code null}
     */
    public Path storagePath() {
        return getStoragePath();
    }

    /**
     * Whether this session was created with an HTTP cache ({@link PartitionOptions#cache()}).
     *
     * @return whether the partition has an HTTP cache
     */
    public boolean isCacheEnabled() {
        return core.cacheEnabled();
    }

    /**
     * Overrides the User-Agent of this session (Electron's {@code ses.setUserAgent(userAgent)}); applied
     * to every attached engine and every request.
     *
     * @param userAgent the User-Agent sent and shown to pages
     * @throws IllegalArgumentException if the value is blank or has control or non-ASCII characters
     */
    public void setUserAgent(String userAgent) {
        core.setIdentity(UserAgents.requireHeaderValue("userAgent", userAgent), null);
    }

    /**
     * Overrides the User-Agent and the accepted languages of this session (Electron's
     * {@code ses.setUserAgent(userAgent, acceptLanguages)}). {@code acceptLanguages} is an ordered,
     * comma-separated list such as {@code "en-US,fr,de"}; requests then carry
     * {@code Accept-Language: en-US,fr;q=0.9,de;q=0.8}, as Chromium sends it.
     *
     * @param userAgent the User-Agent sent and shown to pages
     * @param acceptLanguages languages in order of preference
     * @throws IllegalArgumentException if a value is blank, malformed, or has control characters
     */
    public void setUserAgent(String userAgent, String acceptLanguages) {
        String agent = UserAgents.requireHeaderValue("userAgent", userAgent);
        String header = UserAgents.acceptLanguageHeader(UserAgents.requireHeaderValue("acceptLanguages", acceptLanguages));
        core.setIdentity(agent, header);
    }

    /**
     * This session's User-Agent (Electron's {@code ses.getUserAgent()}): the one set, else WebView's
     * stock User-Agent (read once from a real engine; off the FX thread this waits for it).
     *
     * @return the User-Agent
     */
    public String getUserAgent() {
        return core.userAgent();
    }

    /**
     * Attaches {@code view}'s engine to this session. FX Application Thread only.
     *
     * @param view the view to attach
     * @return the view's {@code WebContents}
     * @throws IllegalStateException if the engine is attached already, or off the FX thread
     */
    public WebContents attach(WebView view) {
        Objects.requireNonNull(view, "view == null");
        return attach(view.getEngine());
    }

    /**
     * Attaches {@code engine} to this session: it gets the session's user-data directory, User-Agent,
     * page bridge, and all its requests run through this session. FX Application Thread only.
     *
     * @param engine the engine to attach
     * @return the engine's {@code WebContents}
     * @throws IllegalStateException if the engine is attached already, or off the FX thread
     */
    public WebContents attach(WebEngine engine) {
        Objects.requireNonNull(engine, "engine == null");
        EngineBinding binding = EngineBinding.attach(core, engine);
        WebContents contents = new WebContents(this, binding);
        binding.setFacade(contents);
        return contents;
    }

    /**
     * This session's cookie store (Electron's {@code ses.cookies}): used by every request of the
     * partition and by {@code document.cookie} in its pages.
     *
     * @return the cookie store
     * @since 0.2
     */
    public Cookies cookies() {
        return core.cookies();
    }

    /**
     * Sets this session's proxies (Electron's {@code ses.setProxy(config)}). Only this partition's
     * requests are affected; its idle pooled connections are closed. The future completes when the
     * configuration is in effect: with a PAC script, once it is fetched and compiled. A PAC script that
     * cannot be fetched or compiled does not fail the future (as in Electron): the session goes DIRECT
     * and {@link #getProxyError()} tells why.
     *
     * @param config the new configuration
     * @return a future completed once the configuration is in effect
     */
    public CompletableFuture<Void> setProxy(ProxyConfig config) {
        return core.proxy().setProxy(config);
    }

    /**
     * The proxies this session uses for {@code url}, in Chromium's PAC-string form such as
     * {@code "PROXY foopy:80;DIRECT"} (Electron's {@code ses.resolveProxy(url)}).
     *
     * @param url an absolute URL
     * @return a future completed with the PAC string
     * @throws IllegalArgumentException {@code "Invalid URL: '<url>'"} if {@code url} is not absolute with a host
     */
    public CompletableFuture<String> resolveProxy(String url) {
        return core.proxy().resolve(url);
    }

    /**
     * Applies the current proxy configuration again; a PAC script (or WPAD, or the system settings)
     * is read anew (Electron's {@code ses.forceReloadProxyConfig()}).
     *
     * @return a future completed once the configuration is in effect again
     */
    public CompletableFuture<Void> forceReloadProxyConfig() {
        return core.proxy().reload();
    }

    /**
     * Answers this session's proxies when they ask for credentials; {@code null} restores the default,
     * a JavaFX dialog naming the proxy.
     *
     * @param handler the handler, or {@code null} for the default dialog
     */
    public void setProxyLoginHandler(ProxyLoginHandler handler) {
        core.proxy().setLoginHandler(handler);
    }

    /**
     * The last PAC script or WPAD error of this session's proxy configuration.
     *
     * @return the error message, or empty when the configuration works
     */
    public Optional<String> getProxyError() {
        return core.proxy().lastError();
    }

    /**
     * Decides which server certificates this session trusts (Electron's
     * {@code ses.setCertificateVerifyProc(proc)}). The proc gets the host, the certificate chain and the
     * default verification's result under Chromium's names ({@code net::ERR_CERT_AUTHORITY_INVALID},
     * -202, ...) and answers {@link CertificateVerifyProc#ACCEPT 0} (trust),
     * {@link CertificateVerifyProc#REJECT -2} (refuse) or {@link CertificateVerifyProc#USE_DEFAULT -3}
     * (the JDK's verdict); its answer is cached per host and certificate until the proc changes. Other
     * sessions are not affected. Connections made under the previous setting are not reused.
     *
     * <pre>{@code
     * session.setCertificateVerifyProc((request, callback) ->
     *         callback.accept(request.hostname().equals("intranet.test") ? 0 : -3));
     * }</pre>
     *
     * @param proc the proc, or {@code null} to restore the default verification (the JDK's trust store
     *     and host name rules)
     * @since 0.2
     */
    public void setCertificateVerifyProc(CertificateVerifyProc proc) {
        core.tls().setCertificateVerifyProc(proc);
    }

    /**
     * Sets the TLS versions and disabled cipher suites of this session (Electron's
     * {@code ses.setSSLConfig(config)}); later connections use it, pooled connections made before are
     * not reused.
     *
     * <pre>{@code
     * session.setSSLConfig(SSLConfig.builder().minVersion("tls1.3").build());
     * }</pre>
     *
     * @param config the versions and disabled cipher suites ({@link SSLConfig#DEFAULT} for Electron's defaults)
     * @since 0.2
     */
    public void setSSLConfig(SSLConfig config) {
        Objects.requireNonNull(config, "config == null");
        core.tls().setSSLConfig(config);
    }

    /**
     * Forgets the host names this session resolved (Electron's {@code ses.clearHostResolverCache()}):
     * the next request to each host asks the system resolver again. Answers are otherwise kept 60 s; the
     * JDK's own JVM-wide cache below may still answer for {@code networkaddress.cache.ttl} seconds.
     *
     * @return a future completed once the cache is empty
     * @since 0.2
     */
    public CompletableFuture<Void> clearHostResolverCache() {
        core.hostResolver().clear();
        return CompletableFuture.completedFuture(null);
    }

    /**
     * Sets who answers servers asking for a user name and password (HTTP 401, Basic or Digest) on this
     * session; see {@link LoginHandler}.
     *
     * @param handler the handler, or {@code null} for the default dialog naming the host and realm
     * @since 0.2
     */
    public void setLoginHandler(LoginHandler handler) {
        core.auth().setLoginHandler(handler);
    }

    /**
     * Empties this session's HTTP auth cache (Electron's {@code ses.clearAuthCache()}): the next request
     * to a protected resource asks the login handler again.
     *
     * @return a future completed once the cache is empty
     * @since 0.2
     */
    public CompletableFuture<Void> clearAuthCache() {
        core.auth().clearAuthCache();
        return CompletableFuture.completedFuture(null);
    }

    /**
     * Sets the servers allowed to receive integrated (NTLM / Negotiate) credentials (Electron's
     * {@code ses.allowNTLMCredentialsForDomains(domains)}), as Chromium's comma-separated wildcard list:
     * {@code "*example.com, *foobar.com, *baz"}, {@code "*"} for all, {@code ""} for none.
     *
     * <p><b>Limit:</b> fxsession cannot perform integrated authentication: no maintained Java library
     * implements NTLM or Negotiate for OkHttp, and the JDK's implementation is internal to
     * {@code HttpURLConnection}. The list is validated and kept, and every NTLM/Negotiate challenge is
     * logged with the decision the list implies; no integrated credentials are ever sent, and a server
     * that also offers Basic or Digest is answered with those.
     *
     * @param domains the comma-separated host patterns
     * @throws IllegalArgumentException naming the bad entry when the list is malformed
     * @since 0.2
     */
    public void allowNTLMCredentialsForDomains(String domains) {
        Objects.requireNonNull(domains, "domains == null");
        core.auth().allowIntegratedAuthFor(domains);
    }

    /**
    // ---- HTTP cache and storage (#5) ------------------------------------------------------------------

    /**
     * The size of this session's HTTP cache in bytes (Electron's {@code ses.getCacheSize()}). Persistent
     * partitions keep it on disk under {@code <storagePath>/Cache} (at most 256 MiB), in-memory ones in
     * their private temporary directory (at most 10 MiB); partitions created with
     * {@code new PartitionOptions(false)} have none and report 0.
     *
     * <pre>{@code
     * session.getCacheSize().thenAccept(bytes -> System.out.println(bytes + " bytes cached"));
     * }</pre>
     *
     * @return a future completing on a background thread
     * @since 0.2
     */
    public CompletableFuture<Long> getCacheSize() {
        return core.storage().cacheSize();
    }

    /**
     * Empties this session's HTTP cache (Electron's {@code ses.clearCache()}). WebKit's own in-memory
     * resource cache has no public clear method: a page already open may still reuse what it loaded.
     *
     * @return a future completing on a background thread once the cache is empty
     * @since 0.2
     */
    public CompletableFuture<Void> clearCache() {
        return core.storage().clearCache();
    }

    /**
     * Clears every kind of storage of every origin (Electron's {@code ses.clearStorageData()}).
     *
     * @return a future completing once everything is cleared, or failing with the first failure
     * @see #clearStorageData(ClearStorageDataOptions)
     * @since 0.2
     */
    public CompletableFuture<Void> clearStorageData() {
        return clearStorageData(ClearStorageDataOptions.all());
    }

    /**
     * Clears this session's storage (Electron's {@code ses.clearStorageData(options)}): the cookies, the
     * localStorage (open pages see theirs empty at once), the HTTP cache ({@code cachestorage}) and what
     * later capabilities store, for one origin or all. Storage kinds WebView's engine does not have are
     * accepted and clear nothing (see {@link StorageType}).
     *
     * <pre>{@code
     * session.clearStorageData(ClearStorageDataOptions.builder()
     *         .origin("https://example.com").storages(StorageType.LOCALSTORAGE).build()).join();
     * }</pre>
     *
     * @param options what to clear ({@link ClearStorageDataOptions#all()} for everything)
     * @return a future completing once everything is cleared, or failing with the first failure
     * @since 0.2
     */
    public CompletableFuture<Void> clearStorageData(ClearStorageDataOptions options) {
        Objects.requireNonNull(options, "options == null");
        return core.storage().clear(options.origin(), options.storages());
    }

    /**
     * Writes pending DOM storage to disk (Electron's {@code ses.flushStorageData()}). WebKit writes
     * localStorage changes to its files on its own one-second timer and has no public way to write
     * sooner; the future completes once that write has surely happened (2 s after the call).
     *
     * @return a future completing on a background thread
     * @since 0.2
     */
    public CompletableFuture<Void> flushStorageData() {
        return core.storage().flush();
    }

    /**
     * Deletes the persistent partition {@code partition} from disk with everything it stores (not in
     * Electron). Only a process that has not used the partition can: WebKit keeps a partition's files
     * open from its first use until the JVM exits.
     *
     * <pre>{@code
     * Session.deletePersistentPartition("persist:user-42");   // at startup, before using it
     * }</pre>
     *
     * @param partition the partition's name, {@code "persist:NAME"}
     * @throws IllegalArgumentException when {@code partition} is not {@code "persist:NAME"}
     * @throws IllegalStateException when this process has used the partition, or another process uses it
     * @throws java.io.UncheckedIOException when a file cannot be deleted
     * @since 0.2
     */
    public static void deletePersistentPartition(String partition) {
        PartitionDeleter.delete(partition);
    }

    // ---- network emulation and connections (#5) --------------------------------------------------

    /**
     * Emulates a network for every request of this session (Electron's
     * {@code ses.enableNetworkEmulation(options)}): offline, added latency, download and upload rate
     * limits shared by all its requests. Responses the HTTP cache answers fresh are not slowed, as in
     * Chromium. WebSockets (raw sockets opened by WebKit) are not affected.
     *
     * <pre>{@code
     * session.enableNetworkEmulation(NetworkEmulationOptions.builder().latency(500).downloadThroughput(6400).build());
     * }</pre>
     *
     * @param options the emulated network; replaces the one in force
     * @since 0.2
     */
    public void enableNetworkEmulation(NetworkEmulationOptions options) {
        Objects.requireNonNull(options, "options == null");
        core.emulation().enable(options.offline(), options.latency(), options.downloadThroughput(),
                options.uploadThroughput());
    }

    /**
     * Ends the network emulation (Electron's {@code ses.disableNetworkEmulation()}); transfers running
     * now speed up at their next read.
     *
     * @since 0.2
     */
    public void disableNetworkEmulation() {
        core.emulation().disable();
    }

    /**
     * Opens connections to an origin before any request needs them (Electron's
     * {@code ses.preconnect(options)}); the session's next requests to that origin use them. Sockets
     * nobody uses are closed after 10 s.
     *
     * <pre>{@code
     * session.preconnect(new PreconnectOptions("https://example.com", 2));
     * }</pre>
     *
     * @param options the origin and the number of sockets
     * @return a future completing once the sockets are open, or failing with the connection's error
     * @since 0.2
     */
    public CompletableFuture<Void> preconnect(PreconnectOptions options) {
        Objects.requireNonNull(options, "options == null");
        return core.connections().preconnect(options.url(), options.numSockets());
    }

    /**
     * Calls {@code listener} for each preconnect hint of the pages of this session (Electron's
     * {@code 'preconnect'} event): {@code <link rel="preconnect">} elements and {@code Link} headers of
     * the HTML documents it loads. The session opens the connection as Chromium does.
     *
     * @param listener called for each hint
     * @return the subscription; {@link Subscription#unsubscribe()} stops the calls
     * @since 0.2
     */
    public Subscription onPreconnect(PreconnectListener listener) {
        return core.connections().onPreconnect(listener);
    }

    /**
     * Closes every connection of this session (Electron's {@code ses.closeAllConnections()}): requests
     * in flight fail, pooled and preconnected connections are closed. WebSockets (raw sockets opened by
     * WebKit) are not this session's connections.
     *
     * @return a future, already completed: closing sockets does not wait for the network
     * @since 0.2
     */
    public CompletableFuture<Void> closeAllConnections() {
        try {
            core.connections().closeAll();
            return CompletableFuture.completedFuture(null);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Closes this in-memory session and releases what it holds in the JVM (not in Electron, whose
     * in-memory partitions live until the app quits): its attached engines are detached (their requests
     * belong to the default session from then on), its requests in flight fail, its pooled connections
     * and HTTP cache are closed, its idle threads end, and its partition is forgotten: what it stored
     * (cookies, cache, localStorage) is gone, and a later {@link #fromPartition(String) fromPartition} of
     * the same name gives a new, empty session. Attaching an engine to a closed session throws
     * {@link IllegalStateException}; its other methods no longer affect any page. Closing twice does
     * nothing.
     *
     * <pre>{@code
     * Session scratch = Session.fromPartition("scratch-" + user);
     * scratch.attach(view);
     * // ... later, when the user's views are gone:
     * scratch.close().join();      // not on the FX Application Thread, where it completes
     * }</pre>
     *
     * <p>Threading: any thread; the engines are detached on the FX Application Thread, where the future
     * completes (already completed when called there).
     *
     * @return a future completing once the session is closed
     * @throws IllegalStateException for the {@linkplain #defaultSession() default session}, which engines
     *     never attached use
     * @throws UnsupportedOperationException for a persistent partition: WebKit keeps its files open from
     *     its first use until the JVM exits, so the partition stays open as long
     * @since 0.2
     */
    public CompletableFuture<Void> close() {
        SessionRegistry.requireClosable(core);
        if (Platform.isFxApplicationThread()) {
            SessionRegistry.close(core);
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> closed = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                SessionRegistry.close(core);
                closed.complete(null);
            } catch (RuntimeException e) {
                closed.completeExceptionally(e);
            }
        });
        return closed;
    }

    /**
     * {@return whether {@link #close()} closed this session}
     *
     * @since 0.2
     */
    public boolean isClosed() {
        return core.closed();
    }

    /**
     * Listens to Electron's {@code 'will-download'} event: an attached engine navigated to a response it
     * cannot show (an attachment, or a type such as {@code application/pdf}), or {@link #downloadURL} or
     * {@link #createInterruptedDownload} started a download. The listener may set the
     * {@linkplain DownloadItem#setSavePath save path}, subscribe to the item's events, or cancel with
     * {@code event.preventDefault()}.
     *
     * <pre>{@code
     * Subscription s = session.onWillDownload((event, item, webContents) ->
     *         item.onDone(state -> System.out.println(item.getSavePath() + " " + state.electronName())));
     * }</pre>
     *
     * <p>Listeners run on the FX Application Thread, in the order they were added; the transfer goes on
     * into a part file meanwhile. See {@link DownloadItem} for where files go.
     *
     * @param listener called for each new download
     * @return closing it removes the listener
     * @since 0.2
     */
    public Subscription onWillDownload(WillDownloadListener listener) {
        return core.downloads().onWillDownload(listener);
    }

    /**
     * The folder downloads are saved to when no {@code 'will-download'} listener sets a path (Electron's
     * {@code ses.setDownloadPath(path)}). Without one, a JavaFX save dialog asks. The folder is created
     * when the first download needs it.
     *
     * @param path an absolute folder
     * @throws IllegalArgumentException if {@code path} is relative or an existing file
     * @since 0.2
     */
    public void setDownloadPath(Path path) {
        core.downloads().setDownloadPath(path);
    }

    /**
     * Downloads {@code url} with this session's cookies, proxy, certificate rules and interceptors, as a
     * navigation would, without an engine (Electron's {@code ses.downloadURL(url)}). The item arrives
     * through {@link #onWillDownload}; an HTTP error or a network failure ends it
     * {@code INTERRUPTED} with the reason in {@link DownloadItem#getInterruptReason()}. The HTTP cache
     * neither serves nor stores the download (as in Chromium), so a large file is written once.
     *
     * @param url the absolute http or https URL
     * @throws IllegalArgumentException if {@code url} is not an absolute http or https URL
     * @since 0.2
     */
    public void downloadURL(String url) {
        core.downloads().downloadURL(url, DownloadUrlOptions.none());
    }

    /**
     * {@link #downloadURL(String)} with extra request headers (Electron's
     * {@code ses.downloadURL(url, options)}).
     *
     * @param url the absolute http or https URL
     * @param options extra request headers
     * @throws IllegalArgumentException if {@code url} is not an absolute http or https URL
     * @since 0.2
     */
    public void downloadURL(String url, DownloadUrlOptions options) {
        core.downloads().downloadURL(url, options);
    }

    /**
     * Recreates a download that was interrupted, for example by the end of the JVM, from what the
     * application saved of it (Electron's {@code ses.createInterruptedDownload(options)}). The item
     * arrives {@code INTERRUPTED} through {@link #onWillDownload}; {@link DownloadItem#resume()} continues
     * it with {@code Range}/{@code If-Range} from the bytes in {@code path + ".part"}.
     *
     * @param options what was saved of the download
     * @since 0.2
     */
    public void createInterruptedDownload(InterruptedDownloadOptions options) {
        core.downloads().createInterruptedDownload(options);
    }

    /**
     * Sets the handler that decides this partition's permission requests (Electron's
     * {@code ses.setPermissionRequestHandler(handler)}); {@code null} restores the default, the
     * {@linkplain #setPermissionPolicy(PermissionPolicy) policy} (by default: remembered decisions, else a
     * JavaFX prompt). Requests still waiting for the previous handler are denied.
     *
     * <pre>{@code
     * session.setPermissionRequestHandler((contents, permission, callback, details) ->
     *         callback.grant(permission == Permission.FULLSCREEN));
     * }</pre>
     *
     * <p>Pages ask through the web APIs the page bridge provides: {@code Notification.requestPermission},
     * {@code navigator.geolocation}, {@code navigator.clipboard.readText}, {@code requestFullscreen},
     * {@code requestPointerLock}, {@code navigator.mediaDevices.getUserMedia} / {@code getDisplayMedia},
     * and links to external schemes ({@code openExternal}).
     *
     * @param handler the handler, or {@code null} for the default
     * @since 0.2
     */
    public void setPermissionRequestHandler(PermissionRequestHandler handler) {
        core.permissions().setRequestHandler(handler);
    }

    /**
     * Sets the handler that answers this partition's permission checks (Electron's
     * {@code ses.setPermissionCheckHandler(handler)}): {@code Notification.permission},
     * {@code navigator.permissions.query(...)} and whether a notification may be shown. {@code null}
     * restores the default: remembered decisions and decisions of this run, else the policy.
     *
     * <pre>{@code
     * session.setPermissionCheckHandler((contents, permission, origin, details) -> origin.equals("https://app.example"));
     * }</pre>
     *
     * @param handler the handler, or {@code null} for the default
     * @since 0.2
     */
    public void setPermissionCheckHandler(PermissionCheckHandler handler) {
        core.permissions().setCheckHandler(handler);
    }

    /**
     * Sets how permissions are decided while no handler is set: {@link PermissionPolicy#ask()} (the
     * default), {@link PermissionPolicy#denyAll()}, or {@link PermissionPolicy#allowOnly} for kiosks.
     * {@code null} restores {@code ask()}. Beyond Electron.
     *
     * @param policy the policy, or {@code null} for {@code ask()}
     * @since 0.2
     */
    public void setPermissionPolicy(PermissionPolicy policy) {
        core.permissions().setPolicy(policy);
    }

    /**
     * The policy set with {@link #setPermissionPolicy(PermissionPolicy)}.
     *
     * @return the policy ({@link PermissionPolicy#ask()} by default)
     * @since 0.2
     */
    public PermissionPolicy getPermissionPolicy() {
        return core.permissions().policy();
    }

    /**
     * The permission decisions this partition remembers per site (on disk for {@code persist:}
     * partitions); list, add and reset them. Beyond Electron.
     *
     * @return this partition's remembered decisions
     * @since 0.2
     */
    public PermissionDecisions permissionDecisions() {
        return core.permissions().store();
    }

    /**
     * Sets where {@code navigator.geolocation} gets positions from once the page may have them;
     * {@code null} (the default) makes pages get {@code POSITION_UNAVAILABLE}.
     *
     * @param provider the provider, or {@code null}
     * @since 0.2
     */
    public void setGeolocationProvider(GeolocationProvider provider) {
        core.permissions().setGeolocationProvider(provider);
    }

    /**
     * Sets what opens links to external schemes ({@code mailto:}, {@code tel:}...) once the
     * {@code openExternal} permission is granted, typically {@code url -> hostServices.showDocument(url)}.
     * {@code null} (the default): such links do nothing and a warning is logged.
     *
     * @param opener the opener, or {@code null}
     * @since 0.2
     */
    public void setExternalUrlOpener(ExternalUrlOpener opener) {
        core.permissions().setExternalUrlOpener(opener);
    }

    /**
     * Sets scripts that run in every page and frame of this partition before the page's own scripts
     * (Electron's {@code ses.setPreloads(preloads)}). Files are read when a page starts, so edits apply to
     * the next page; unreadable files are skipped with a warning. They run in the page's own context
     * (WebView has no isolated worlds), also on pages whose Content-Security-Policy forbids inline
     * scripts (their hashes are added to the policy).
     *
     * @param preloads absolute paths of JavaScript files, run in this order
     * @throws IllegalArgumentException naming the first path that is not absolute
     * @since 0.2
     */
    public void setPreloads(List<Path> preloads) {
        core.preloads().set(preloads);
    }

    /**
     * The preload scripts' paths (Electron's {@code ses.getPreloads()}).
     *
     * @return the paths, empty by default
     * @since 0.2
     */
    public List<Path> getPreloads() {
        return core.preloads().get();
    }

    /**
     * This session's request interception (Electron's {@code ses.webRequest}): listeners that cancel,
     * redirect, rewrite and observe every request of the partition.
     *
     * @return the partition's {@code WebRequest}
     * @since 0.2
     */
    public io.github.fxsession.webrequest.WebRequest webRequest() {
        return core.webRequest();
    }

    /**
     * This session's custom and intercepted protocols (Electron's {@code ses.protocol}); a scheme
     * registered here is unknown to every other partition.
     *
     * @return the partition's {@code Protocol}
     * @since 0.2
     */
    public io.github.fxsession.protocol.Protocol protocol() {
        return core.protocol();
    }

    // ---- service workers, blob data, net log, extensions (#11) -----------------------------------

    private static final ServiceWorkers SERVICE_WORKERS = new NoServiceWorkers();

    /**
     * This session's service workers (Electron's {@code ses.serviceWorkers}). WebView's engine has no
     * service workers: the object reports none running and its events never fire (see
     * {@link ServiceWorkers}).
     *
     * <pre>{@code
     * session.serviceWorkers().getAllRunning();   // {}
     * }</pre>
     *
     * @return the service workers of this session
     * @since 0.2
     */
    public ServiceWorkers serviceWorkers() {
        return SERVICE_WORKERS;
    }

    /**
     * The bytes of a blob a page of this session made into a {@code blob:} URL (Electron's
     * {@code ses.getBlobData(identifier)}). The identifier is the UUID that ends the URL
     * {@code URL.createObjectURL(blob)} returned ({@code blob:https://site/<uuid>}); FormData and other
     * bodies become blobs with {@code new Response(formData).blob()}. Pages hand each blob over to the
     * session right after {@code createObjectURL} (read with {@code FileReader}), so its data stays
     * available until the page calls {@code URL.revokeObjectURL}; blobs above 64 MiB are not copied.
     *
     * <pre>{@code
     * byte[] data = session.getBlobData("0b6f4a2e-1c3d-4e5f-8a9b-0c1d2e3f4a5b").join();
     * }</pre>
     *
     * @param identifier the blob URL's UUID
     * @return a future completed (on the FX Application Thread, as the page hands the data over) with
     *     the bytes; failed with {@link IllegalStateException} when this session has no such blob, it
     *     was revoked, or it is larger than 64 MiB
     * @throws IllegalArgumentException if {@code identifier} is not a UUID
     * @since 0.2
     */
    public CompletableFuture<byte[]> getBlobData(String identifier) {
        return core.blobs().get(identifier);
    }

    /**
     * This session's net log (Electron's {@code ses.netLog}): records the partition's requests in
     * Chromium's NetLog JSON.
     *
     * <pre>{@code
     * session.netLog().startLogging(Path.of("/tmp/net-log.json")).join();
     * Path written = session.netLog().stopLogging().join();
     * }</pre>
     *
     * @return the net log of this session
     * @since 0.2
     */
    public NetLog netLog() {
        return core.netLog();
    }

    /**
     * Loads the unpacked Chrome extension in folder {@code path} with the default options (Electron's
     * {@code ses.loadExtension(path)}).
     *
     * @param path the extension's folder (with its {@code manifest.json})
     * @return completes with the loaded extension
     * @see #loadExtension(Path, ExtensionOptions)
     * @since 0.2
     */
    public CompletableFuture<Extension> loadExtension(Path path) {
        return loadExtension(path, ExtensionOptions.DEFAULT);
    }

    /**
     * Loads the unpacked Chrome extension (manifest v2 or v3) in folder {@code path} into this session
     * (Electron's {@code ses.loadExtension(path, options)}). Its id is the one Chrome computes: from the
     * manifest's {@code key}, else from the folder's absolute path. Extensions are not remembered: load
     * them at every start, as in Electron.
     *
     * <pre>{@code
     * Extension ext = session.loadExtension(Path.of("/opt/app/link-counter")).join();
     * }</pre>
     *
     * <p><b>Supported:</b> {@code content_scripts} ({@code matches}, {@code exclude_matches}, {@code js},
     * {@code css}, {@code run_at} document_start / document_end / document_idle, {@code all_frames}) in
     * the pages and frames of this session's engines, {@code file:} pages only with
     * {@code allowFileAccess}; in content scripts {@code chrome.runtime} ({@code id},
     * {@code getManifest()}, {@code getURL()}, {@code sendMessage}, {@code onMessage},
     * {@code lastError}: set while a callback runs, logged as {@code "Unchecked runtime.lastError: ..."}
     * when the callback did not read it), {@code chrome.i18n} ({@code getMessage} with placeholders and
     * {@code $1}..{@code $9} from {@code _locales/<locale>/messages.json} of {@code default_locale}, the
     * UI language and locale; {@code @@extension_id}, {@code @@ui_locale}, {@code @@bidi_*};
     * {@code getUILanguage}, {@code getAcceptLanguages}) and {@code chrome.storage.local}
     * ({@code get/set/remove/clear}, callbacks or promises; {@code chrome.storage.onChanged} and
     * {@code chrome.storage.local.onChanged} fire in every context of the extension in this session),
     * kept in the partition ({@code Local Extension Settings/<id>.json}). Content scripts run in the
     * page's own context (WebView has no isolated worlds). Messages carry Chrome's sender ({@code id},
     * {@code url}, {@code origin}, {@code tab}, {@code frameId}: 0 for a top frame, the frame's own id in
     * a subframe).
     *
     * <p><b>Background:</b> MV2 {@code background.scripts} and the MV3 {@code background.service_worker}
     * run in a hidden page of this session (a {@code WebEngine} without a view; the service worker runs
     * as a page script, not in a worker), with {@code window.chrome}: {@code chrome.runtime.onMessage}
     * receives the content scripts' {@code chrome.runtime.sendMessage} and answers with
     * {@code sendResponse}, at once or later after returning {@code true}; {@code chrome.storage.local}
     * is shared with the content scripts. An MV2 HTML {@code background.page} is loaded in that hidden
     * page from its {@code chrome-extension://} URL; its own scripts run with {@code window.chrome} and
     * {@code 'extension-ready'} fires after its {@code load} event.
     *
     * <p><b>Resources:</b> this session serves {@code chrome-extension://<id>/<path>} (the files of the
     * extension's folder only; a path escaping it, an unknown id or a missing file is a failed load;
     * Content-Type from the file name), unless the application handles that scheme itself with
     * {@code protocol().handle}. Images and scripts of {@code chrome.runtime.getURL(path)} load in
     * {@code http:} pages and in the extension's own pages (opened in a WebView of this session, with a
     * global {@code chrome}). WebKit gives the scheme an opaque origin and refuses {@code fetch}/XHR of
     * its URLs before any handler; the extension's own pages and background page get them anyway, read
     * through the page bridge ({@code fetch} GET/HEAD answers a {@code Response} whose {@code url} is
     * empty, XHR loads a {@code data:} URL of the file; at most 16 MiB); web pages and content scripts
     * do not, and {@code https:} pages block such URLs as mixed content.
     *
     * <p><b>Tabs</b> (the background page and the extension's pages; tab ids are
     * {@link WebContents#getId()}): {@code chrome.tabs.sendMessage(tabId, message[, {frameId}])} reaches
     * the extension's content scripts in every frame of the tab (cross-origin frames included) or in the
     * one frame named, and the sender gets the first response, else Chrome's {@code "The message port
     * closed before a response was received."} or {@code "Could not establish connection. Receiving end
     * does not exist."}; {@code chrome.tabs.query} ({@code url} patterns, {@code title} glob,
     * {@code status}), {@code get} and {@code update(tabId, {url})} over this session's
     * {@code WebContents}. A tab has {@code id}, {@code status}, {@code incognito} and, with the
     * {@code "tabs"} permission or a host permission for its URL, {@code url} and {@code title}. An
     * unknown tab fails with {@code "No tab with id: N."}.
     *
     * <p><b>Not supported</b> (each says {@code "<api> is not supported in WebView: <reason>"}):
     * {@code chrome.tabs.create}, {@code remove}, {@code connect}, {@code executeScript}, the query and
     * update keys about windows ({@code active}, {@code currentWindow}, {@code pinned}...; WebContents
     * belong to no browser window), {@code chrome.runtime.connect} (no long-lived ports; its
     * {@code onConnect} therefore never fires), {@code chrome.storage.sync}, {@code session} and
     * {@code managed}. Module service workers fail with {@link UnsupportedOperationException}. Other
     * {@code chrome.*} namespaces are absent.
     *
     * @param path the extension's folder, absolute
     * @param options {@code allowFileAccess}
     * @return a future completed with the extension once loaded, after {@link #onExtensionLoaded} and
     *     {@link #onExtensionReady} listeners ran; failed with {@link IllegalStateException}
     *     {@code "Extensions cannot be loaded in a temporary session"} on an in-memory session or before
     *     the JavaFX toolkit is started, {@link IllegalArgumentException} for a relative path or an
     *     invalid manifest (Chrome's message naming the field), {@link UnsupportedOperationException}
     *     for a module background service worker
     * @since 0.2
     */
    public CompletableFuture<Extension> loadExtension(Path path, ExtensionOptions options) {
        return core.extensions().load(path, options);
    }

    /**
     * Unloads extension {@code extensionId} (Electron's {@code ses.removeExtension(extensionId)}): pages
     * loaded afterwards no longer run its content scripts; fires {@link #onExtensionUnloaded}.
     *
     * @param extensionId the extension's id
     * @since 0.2
     */
    public void removeExtension(String extensionId) {
        core.extensions().remove(extensionId);
    }

    /**
     * The loaded extension with id {@code extensionId}, or {@code null} (Electron's
     * {@code ses.getExtension(extensionId)}).
     *
     * @param extensionId the extension's id
     * @return the extension, or {@code null}
     * @since 0.2
     */
    public Extension getExtension(String extensionId) {
        return core.extensions().get(extensionId);
    }

    /**
     * The loaded extensions (Electron's {@code ses.getAllExtensions()}).
     *
     * @return the loaded extensions
     * @since 0.2
     */
    public List<Extension> getAllExtensions() {
        return core.extensions().all();
    }

    /**
     * Listens to Electron's {@code 'extension-loaded'} event, fired by {@link #loadExtension} before
     * {@code 'extension-ready'}.
     *
     * @param listener called with each loaded extension
     * @return closing it removes the listener
     * @since 0.2
     */
    public Subscription onExtensionLoaded(ExtensionListener listener) {
        return core.extensions().onLoaded(listener);
    }

    /**
     * Listens to Electron's {@code 'extension-unloaded'} event, fired by {@link #removeExtension} (and
     * when an extension with the same id is loaded again).
     *
     * @param listener called with each unloaded extension
     * @return closing it removes the listener
     * @since 0.2
     */
    public Subscription onExtensionUnloaded(ExtensionListener listener) {
        return core.extensions().onUnloaded(listener);
    }

    /**
     * Listens to Electron's {@code 'extension-ready'} event: after {@code 'extension-loaded'}, once the
     * extension's background scripts have run in their hidden page (at once for extensions without a
     * background); it fires on the FX Application Thread for extensions with a background.
     *
     * @param listener called with each ready extension
     * @return closing it removes the listener
     * @since 0.2
     */
    public Subscription onExtensionReady(ExtensionListener listener) {
        return core.extensions().onReady(listener);
    }

    /**
    // ---- spellcheck ----

    /**
     * Turns the spellchecker on or off (Electron's {@code ses.setSpellCheckerEnabled(enable)}). On by
     * default. While off, no word is misspelled, pages show no underlines and no dictionary is downloaded.
     *
     * <pre>{@code
     * session.setSpellCheckerEnabled(false);
     * }</pre>
     *
     * @param enable whether to check spelling
     * @since 0.2
     */
    public void setSpellCheckerEnabled(boolean enable) {
        core.spellChecker().setEnabled(enable);
    }

    /**
     * Whether the spellchecker is on (Electron's {@code ses.isSpellCheckerEnabled()}).
     *
     * @return true unless turned off
     * @since 0.2
     */
    public boolean isSpellCheckerEnabled() {
        return core.spellChecker().isEnabled();
    }

    /**
     * Same as {@link #isSpellCheckerEnabled()} (Electron's {@code ses.spellCheckerEnabled} property).
     *
     * @return true unless turned off
     * @since 0.2
     */
    public boolean spellCheckerEnabled() {
        return isSpellCheckerEnabled();
    }

    /**
     * Same as {@link #setSpellCheckerEnabled(boolean)} (Electron's {@code ses.spellCheckerEnabled} property).
     *
     * @param enable whether to check spelling
     * @since 0.2
     */
    public void spellCheckerEnabled(boolean enable) {
        setSpellCheckerEnabled(enable);
    }

    /**
     * Sets the languages to check against (Electron's {@code ses.setSpellCheckerLanguages(languages)}); a
     * word is correct when any of them accepts it. en-US, en-GB, fr and es are bundled; the other codes of
     * {@link #availableSpellCheckerLanguages()} are downloaded from the URL given to
     * {@link #setSpellCheckerDictionaryDownloadURL(String)} (never while the spellchecker is off). The default
     * is the OS locale's language when available, else en-US. An empty list turns checking off in effect.
     *
     * <pre>{@code
     * session.setSpellCheckerLanguages(List.of("en-GB", "fr"));
     * }</pre>
     *
     * @param languages language codes, e.g. {@code "en-US"}
     * @throws IllegalArgumentException {@code Invalid language code provided: "xx"} for an unknown code
     * @since 0.2
     */
    public void setSpellCheckerLanguages(List<String> languages) {
        core.spellChecker().setLanguages(languages);
    }

    /**
     * The languages checked against (Electron's {@code ses.getSpellCheckerLanguages()}).
     *
     * @return the codes, in the order given
     * @since 0.2
     */
    public List<String> getSpellCheckerLanguages() {
        return core.spellChecker().languages();
    }

    /**
     * The codes {@link #setSpellCheckerLanguages(List)} accepts (Electron's
     * {@code ses.availableSpellCheckerLanguages}): the bundled ones and those that can be downloaded.
     *
     * @return the codes, sorted
     * @since 0.2
     */
    public List<String> availableSpellCheckerLanguages() {
        return core.spellChecker().availableLanguages();
    }

    /**
     * Sets where dictionaries that are not bundled come from (Electron's
     * {@code ses.setSpellCheckerDictionaryDownloadURL(url)}): language {@code xx} is fetched from
     * {@code url + "xx.aff"} and {@code url + "xx.dic"} (Hunspell files, where Electron fetches Chromium
     * {@code .bdic} files) through this session's network stack, so its proxy applies. Files are verified by
     * loading them before use and cached in the partition. There is no default URL: without one, a language
     * that is not bundled fires {@code download-begin} then {@code download-failure}.
     *
     * <pre>{@code
     * session.setSpellCheckerDictionaryDownloadURL("https://example.com/dictionaries/");
     * }</pre>
     *
     * @param url an http(s) URL, usually ending with {@code /}
     * @throws IllegalArgumentException when {@code url} is not a valid http(s) URL
     * @since 0.2
     */
    public void setSpellCheckerDictionaryDownloadURL(String url) {
        core.spellChecker().setDownloadUrl(url);
    }

    /**
     * The custom words (Electron's {@code ses.listWordsInSpellCheckerDictionary()}).
     *
     * @return a future of the words, sorted; always empty on in-memory partitions
     * @since 0.2
     */
    public CompletableFuture<List<String>> listWordsInSpellCheckerDictionary() {
        return CompletableFuture.supplyAsync(core.spellChecker()::listWords);
    }

    /**
     * Adds a custom word, correct in every language (Electron's {@code ses.addWordToSpellCheckerDictionary(word)}).
     * Kept on disk ({@code Custom Dictionary.txt}, written atomically) for {@code persist:} partitions. As in
     * Electron, this does nothing on in-memory partitions and returns false.
     *
     * <pre>{@code
     * session.addWordToSpellCheckerDictionary("fxsession");
     * }</pre>
     *
     * @param word the word
     * @return true if added; false for {@code ""}, a word with a line break, a word already there, or an
     *     in-memory partition
     * @since 0.2
     */
    public boolean addWordToSpellCheckerDictionary(String word) {
        return core.spellChecker().addWord(word);
    }

    /**
     * Removes a custom word (Electron's {@code ses.removeWordFromSpellCheckerDictionary(word)}).
     *
     * @param word the word
     * @return true if removed; false if it was not a custom word, or on an in-memory partition
     * @since 0.2
     */
    public boolean removeWordFromSpellCheckerDictionary(String word) {
        return core.spellChecker().removeWord(word);
    }

    /**
     * Whether {@code word} is misspelled: no enabled language accepts it and it is no custom word (Electron's
     * {@code webFrame.isWordMisspelled(word)}). False while the spellchecker is off or has no dictionary
     * loaded. The first call may wait for a bundled dictionary to load (about 0.1 to 0.5 s); later calls take
     * about a microsecond.
     *
     * @param word one word
     * @return true if misspelled
     * @since 0.2
     */
    public boolean isWordMisspelled(String word) {
        return core.spellChecker().isMisspelled(word);
    }

    /**
     * Spelling suggestions for {@code word} from every enabled language (Electron's
     * {@code webFrame.getWordSuggestions(word)}), computed off the calling thread: by Lucene's pure-Java
     * Hunspell (about 10 ms) with native Hunspell answering when it runs past 40 ms or is not built yet
     * (see the README's Spellcheck section). Answers are kept per word.
     *
     * @param word one word
     * @return a future of the suggestions, best first; empty while the spellchecker is off
     * @since 0.2
     */
    public CompletableFuture<List<String>> getWordSuggestions(String word) {
        return core.spellChecker().suggestions(word);
    }

    /**
     * Calls {@code listener} when a language's dictionary is loaded and ready (Electron's
     * {@code 'spellcheck-dictionary-initialized'}).
     *
     * @param listener called with the language code
     * @return the subscription; {@link Subscription#unsubscribe()} stops the calls
     * @since 0.2
     */
    public Subscription onSpellcheckDictionaryInitialized(SpellcheckDictionaryListener listener) {
        return core.spellChecker().onInitialized(listener);
    }

    /**
     * Calls {@code listener} when a dictionary download starts (Electron's
     * {@code 'spellcheck-dictionary-download-begin'}). Order: begin, then success and initialized, or failure.
     *
     * @param listener called with the language code
     * @return the subscription; {@link Subscription#unsubscribe()} stops the calls
     * @since 0.2
     */
    public Subscription onSpellcheckDictionaryDownloadBegin(SpellcheckDictionaryListener listener) {
        return core.spellChecker().onDownloadBegin(listener);
    }

    /**
     * Calls {@code listener} when a dictionary was downloaded and verified (Electron's
     * {@code 'spellcheck-dictionary-download-success'}).
     *
     * @param listener called with the language code
     * @return the subscription; {@link Subscription#unsubscribe()} stops the calls
     * @since 0.2
     */
    public Subscription onSpellcheckDictionaryDownloadSuccess(SpellcheckDictionaryListener listener) {
        return core.spellChecker().onDownloadSuccess(listener);
    }

    /**
     * Calls {@code listener} when a dictionary download failed (Electron's
     * {@code 'spellcheck-dictionary-download-failure'}): an HTTP error, a network error, files Hunspell
     * cannot load, or no download URL. The dictionaries already loaded stay in use; setting the languages
     * again retries.
     *
     * @param listener called with the language code
     * @return the subscription; {@link Subscription#unsubscribe()} stops the calls
     * @since 0.2
     */
    public Subscription onSpellcheckDictionaryDownloadFailure(SpellcheckDictionaryListener listener) {
        return core.spellChecker().onDownloadFailure(listener);
    }

    /**
     * Adds a {@code 'select-serial-port'} listener: a page called {@code navigator.serial.requestPort()}.
     * A listener that calls {@code event.preventDefault()} chooses through the callback (a port id, or
     * {@code ""} to cancel: the page's promise rejects with {@code NotFoundError}); without one, a JavaFX
     * chooser lists the matching ports, updated live.
     *
     * <pre>{@code
     * Subscription s = session.onSelectSerialPort((event, ports, webContents, callback) -> {
     *     event.preventDefault();
     *     callback.select(ports.isEmpty() ? "" : ports.get(0).portId());
     * });
     * }</pre>
     *
     * <p>Electron: {@code ses.on('select-serial-port', ...)}.
     *
     * @param listener called on the FX Application Thread
     * @return the subscription; {@link Subscription#unsubscribe()} removes the listener
     * @since 0.2
     */
    public Subscription onSelectSerialPort(io.github.fxsession.serial.SelectSerialPortListener listener) {
        return core.serial().onSelect(listener);
    }

    /**
     * Adds a {@code 'serial-port-added'} listener, called while a {@code requestPort()} is pending when a
     * matching port appears (the port list is polled, see {@link #setSerialPortPollInterval}).
     *
     * <p>Electron: {@code ses.on('serial-port-added', ...)}.
     *
     * @param listener called on the FX Application Thread
     * @return the subscription; {@link Subscription#unsubscribe()} removes the listener
     * @since 0.2
     */
    public Subscription onSerialPortAdded(io.github.fxsession.serial.SerialPortListener listener) {
        return core.serial().onAdded(listener);
    }

    /**
     * Adds a {@code 'serial-port-removed'} listener, called while a {@code requestPort()} is pending when
     * a matching port disappears.
     *
     * <p>Electron: {@code ses.on('serial-port-removed', ...)}.
     *
     * @param listener called on the FX Application Thread
     * @return the subscription; {@link Subscription#unsubscribe()} removes the listener
     * @since 0.2
     */
    public Subscription onSerialPortRemoved(io.github.fxsession.serial.SerialPortListener listener) {
        return core.serial().onRemoved(listener);
    }

    /**
     * Makes a serial port that jSerialComm cannot enumerate (a pseudo-terminal, a virtual port) known to
     * every session: it is listed while {@code path} exists. No Electron equivalent.
     *
     * <pre>{@code
     * SerialPortInfo port = Session.addSerialPort(Path.of("/dev/pts/5"), "Simulator");
     * }</pre>
     *
     * @param path the device's path
     * @param displayName the name choosers show, or {@code null} for the path
     * @return the port as listeners see it
     * @throws IllegalArgumentException if {@code path} does not exist
     * @since 0.2
     */
    public static io.github.fxsession.serial.SerialPortInfo addSerialPort(Path path, String displayName) {
        return io.github.fxsession.internal.serial.PortRegistry.get().add(path, displayName);
    }

    /**
     * Forgets a port added with {@link #addSerialPort}.
     *
     * @param path the path given to {@code addSerialPort}
     * @return whether it had been added
     * @since 0.2
     */
    public static boolean removeSerialPort(Path path) {
        return io.github.fxsession.internal.serial.PortRegistry.get().remove(path);
    }

    /**
     * Sets how often the port list is polled while a {@code requestPort()} is pending or a page listens for
     * {@code connect}/{@code disconnect} of its granted ports (jSerialComm has no hot-plug events); 1 second
     * by default. Applies to every session.
     *
     * @param interval at least 10 ms
     * @throws IllegalArgumentException if shorter than 10 ms
     * @since 0.2
     */
    public static void setSerialPortPollInterval(java.time.Duration interval) {
        io.github.fxsession.internal.serial.PortRegistry.get().setInterval(interval);
    }

    /**
     * The number of requests this session's network chain has carried so far.
     *
     * @return the number of requests
     */
    public long getRequestCount() {
        return core.requestCount();
    }

    @Override
    public String toString() {
        return core.toString();
    }
}
