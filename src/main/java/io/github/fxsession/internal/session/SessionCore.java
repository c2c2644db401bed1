package io.github.fxsession.internal.session;

import io.github.fxsession.internal.auth.SessionAuth;
import io.github.fxsession.internal.blob.BlobBridge;
import io.github.fxsession.internal.blob.BlobStore;
import io.github.fxsession.internal.bridge.DocumentInjector;
import io.github.fxsession.internal.connect.Connections;
import io.github.fxsession.internal.connect.PreconnectHints;
import io.github.fxsession.internal.cookies.CookieBridge;
import io.github.fxsession.internal.cookies.CookieInterceptor;
import io.github.fxsession.internal.cookies.CookiePersister;
import io.github.fxsession.internal.cookies.CookieStore;
import io.github.fxsession.internal.cookies.CookiesImpl;
import io.github.fxsession.internal.download.DownloadInterceptor;
import io.github.fxsession.internal.download.DownloadManager;
import io.github.fxsession.internal.emulation.NetworkEmulation;
import io.github.fxsession.internal.extension.ExtensionRegistry;
import io.github.fxsession.internal.net.HostResolver;
import io.github.fxsession.internal.net.IdentityInterceptor;
import io.github.fxsession.internal.net.Interceptor;
import io.github.fxsession.internal.net.InterceptorList;
import io.github.fxsession.internal.net.OkHttpTransport;
import io.github.fxsession.internal.netlog.SessionNetLog;
import io.github.fxsession.internal.permission.PermissionManager;
import io.github.fxsession.internal.preload.Preloads;
import io.github.fxsession.internal.proxy.SessionProxy;
import io.github.fxsession.internal.spellcheck.SpellChecker;
import io.github.fxsession.internal.storage.HttpCache;
import io.github.fxsession.internal.storage.StorageCleaner;
import io.github.fxsession.internal.tls.SessionTls;
import io.github.fxsession.net.StorageType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/**
 * Everything one partition owns behind its public {@code Session}: its directories, its own HTTP
 * client (its own connection pool) and its interceptor chain, its identity on the wire, and the
 * engines attached to it.
 *
 * <p>Threading: any thread; mutable state is volatile or concurrent.
 */
public final class SessionCore {

    private final String partition;
    private final boolean persistent;
    private final Path storagePath;
    private final Path webKitDirectory;
    private final CoreOptions options;
    private volatile OkHttpClient client;
    private final SessionProxy proxy;
    private final InterceptorList interceptors;
    private final OkHttpTransport transport;
    private final HttpCache httpCache;
    private final NetworkEmulation emulation = new NetworkEmulation();
    private final Connections connections;
    private final StorageCleaner storage;
    private final CookiesImpl cookies;
    private final DownloadManager downloads;
    private final PermissionManager permissions;
    private final Preloads preloads = new Preloads();
    private final io.github.fxsession.internal.webrequest.WebRequestImpl webRequest =
            new io.github.fxsession.internal.webrequest.WebRequestImpl();
    private final io.github.fxsession.internal.protocol.ProtocolImpl protocol =
            new io.github.fxsession.internal.protocol.ProtocolImpl();
    private final SpellChecker spellChecker;
    private final io.github.fxsession.internal.serial.SessionSerial serial;
    private final List<EngineBinding> bindings = new CopyOnWriteArrayList<>();
    private final AtomicLong requestCount = new AtomicLong();
    private volatile String userAgent;
    private volatile String acceptLanguageHeader;
    private volatile Object facade;
    private volatile boolean closed;
    private final SessionTls tls;
    private final HostResolver hostResolver = new HostResolver();
    private final SessionAuth auth = new SessionAuth();
    private final BlobStore blobs = new BlobStore();
    private final SessionNetLog netLog = new SessionNetLog();
    private final ExtensionRegistry extensions;

    public SessionCore(String partition, boolean persistent, Path storagePath, Path webKitDirectory, CoreOptions options) {
        this.partition = Objects.requireNonNull(partition, "partition == null");
        this.persistent = persistent;
        this.storagePath = storagePath;
        this.webKitDirectory = Objects.requireNonNull(webKitDirectory, "webKitDirectory == null");
        this.options = Objects.requireNonNull(options, "options == null");
        this.httpCache = HttpCache.create(options.cache(), persistent ? storagePath : null);
        this.transport = new OkHttpTransport(this::client);
        this.connections = new Connections(this::client, transport);
        this.proxy = new SessionProxy(toString());
        OkHttpClient.Builder builder = proxy.configure(new OkHttpClient.Builder(), connections.socketFactory())
                .connectionPool(new ConnectionPool(5, 5, java.util.concurrent.TimeUnit.MINUTES))
                .followRedirects(false)
                .followSslRedirects(false)
                .connectTimeout(Duration.ofSeconds(30))
                .readTimeout(Duration.ofMinutes(60))
                // WebKit's own loader has no write timeout; none here also spares okio's watchdog thread
                // a wake-up per request.
                .writeTimeout(Duration.ZERO)
                .cache(httpCache.okHttpCache());
        this.client = OkHttpTransport.recordPeerAddress(emulation.install(builder)).build();
        proxy.bind(client);
        this.interceptors = new InterceptorList(transport);
        this.acceptLanguageHeader = UserAgents.acceptLanguageHeader(UserAgents.defaultAcceptLanguages());
        interceptors.add(Interceptor.Stage.OBSERVE, netLog);
        // OkHttp has one event listener factory per client: the net log's wraps the proxy's.
        reconfigureClient(b -> b.eventListenerFactory(netLog.listenerFactory(client.eventListenerFactory())));
        interceptors.add(Interceptor.Stage.IDENTITY, new IdentityInterceptor());
        interceptors.add(Interceptor.Stage.DOCUMENT, new DocumentInjector());
        this.downloads = new DownloadManager(this);
        interceptors.add(Interceptor.Stage.DOCUMENT, new DownloadInterceptor(downloads));
        this.cookies = new CookiesImpl(new CookieStore(), partition);
        interceptors.add(Interceptor.Stage.STATE, new CookieInterceptor());
        CookieBridge.install();
        BlobBridge.install();
        ExtensionRegistry.install();
        this.extensions = new ExtensionRegistry(this);
        io.github.fxsession.internal.spellcheck.SpellcheckBridge.install();
        if (persistent) {
            CookiePersister.attach(partition, storagePath, cookies, options.persistSessionCookies());
        }
        this.tls = new SessionTls(this::reconfigureClient, client.hostnameVerifier());
        reconfigureClient(b -> auth.install(b.dns(hostResolver)));
        interceptors.add(Interceptor.Stage.DOCUMENT, new PreconnectHints(connections));
        this.storage = new StorageCleaner(this);
        this.permissions = new PermissionManager(storagePath, partition);
        this.spellChecker = new SpellChecker(partition, persistent ? storagePath : null, this::client);
        // Remembered permission decisions are no Electron storage kind: clearStorageData forgets them
        // when it clears every kind (no `storages` given), as Qt WebEngine and WebView2 do.
        storage.register((origin, storages) -> storages.containsAll(java.util.EnumSet.allOf(StorageType.class))
                ? CompletableFuture.runAsync(() -> permissions.store().clear(origin))
                : CompletableFuture.completedFuture(null));
        this.serial = new io.github.fxsession.internal.serial.SessionSerial(persistent ? storagePath : null);
        // Serial port grants, like permission decisions: forgotten when every kind is cleared.
        storage.register((origin, storages) -> storages.containsAll(java.util.EnumSet.allOf(StorageType.class))
                ? CompletableFuture.runAsync(() -> serial.clearGrants(origin)).thenCompose(v -> serial.flushGrants())
                : CompletableFuture.completedFuture(null));
        interceptors.add(Interceptor.Stage.WEB_REQUEST, webRequest.beforeRequest());
        interceptors.add(Interceptor.Stage.SEND_HEADERS, webRequest.sendHeaders());
        interceptors.add(Interceptor.Stage.PROTOCOL, protocol);
    }

    /** This partition's TLS policy (certificate verify proc, SSL config). */
    public SessionTls tls() {
        return tls;
    }

    /** The blobs this partition's pages turned into {@code blob:} URLs (getBlobData). */
    public BlobStore blobs() {
        return blobs;
    }

    /** The extensions loaded in this partition. */
    public ExtensionRegistry extensions() {
        return extensions;
    }

    /** This partition's net log. */
    public SessionNetLog netLog() {
        return netLog;
    }

    /** This partition's host resolver cache. */
    public HostResolver hostResolver() {
        return hostResolver;
    }

    /** This partition's server authentication (login handler, auth cache, integrated-auth allow list). */
    public SessionAuth auth() {
        return auth;
    }

    /** This partition's HTTP cache (none when created with {@code cache: false}). */
    public HttpCache httpCache() {
        return httpCache;
    }

    /** This partition's network emulation. */
    public NetworkEmulation emulation() {
        return emulation;
    }

    /** This partition's connections: preconnect, hints, closeAllConnections. */
    public Connections connections() {
        return connections;
    }

    /** Clearing and flushing what this partition stores. */
    public StorageCleaner storage() {
        return storage;
    }

    /** Web Serial: listeners, chooser, granted ports. */
    public io.github.fxsession.internal.serial.SessionSerial serial() {
        return serial;
    }

    /** This partition's permission handlers, policy and remembered decisions. */
    public PermissionManager permissions() {
        return permissions;
    }

    /** This partition's preload scripts. */
    /** This partition's spellchecker (languages, custom words, dictionary downloads). */
    public SpellChecker spellChecker() {
        return spellChecker;
    }

    public Preloads preloads() {
        return preloads;
    }

    /** This partition's protocol handlers. */
    public io.github.fxsession.internal.protocol.ProtocolImpl protocol() {
        return protocol;
    }

    /** This partition's webRequest listeners. */
    public io.github.fxsession.internal.webrequest.WebRequestImpl webRequest() {
        return webRequest;
    }

    /** This partition's cookies (the public object over its store). */
    public CookiesImpl cookies() {
        return cookies;
    }

    /** This partition's downloads: download folder, 'will-download' listeners, downloadURL. */
    public DownloadManager downloads() {
        return downloads;
    }

    public String partition() {
        return partition;
    }

    public boolean persistent() {
        return persistent;
    }

    /** The directory of a persistent partition, {@code null} for in-memory ones. */
    public Path storagePath() {
        return storagePath;
    }

    /** The user-data directory given to attached engines (a private temporary one for in-memory partitions). */
    public Path webKitDirectory() {
        return webKitDirectory;
    }

    public boolean cacheEnabled() {
        return options.cache();
    }

    public CoreOptions options() {
        return options;
    }

    /** The client requests of this partition use now (it changes when a capability reconfigures it). */
    public OkHttpClient client() {
        return client;
    }

    /**
     * Replaces this partition's client with one built from the current one by {@code change} (proxy,
     * TLS, cache, DNS and authentication settings live in the client). The new client keeps the
     * connection pool and dispatcher unless {@code change} replaces them; requests already running
     * finish with the old one. Capabilities must only touch their own settings. Any thread.
     */
    public synchronized void reconfigureClient(java.util.function.UnaryOperator<OkHttpClient.Builder> change) {
        client = change.apply(client.newBuilder()).build();
    }

    /** This partition's proxy configuration, selector and credentials. */
    public SessionProxy proxy() {
        return proxy;
    }

    public InterceptorList interceptors() {
        return interceptors;
    }

    /** The explicit User-Agent, or {@code null} while the session uses WebView's stock one. */
    public String explicitUserAgent() {
        return userAgent;
    }

    /** The User-Agent this session sends. */
    public String userAgent() {
        String explicit = userAgent;
        return explicit != null ? explicit : StockUserAgent.get();
    }

    public String acceptLanguageHeader() {
        return acceptLanguageHeader;
    }

    /** Changes identity and pushes it into every attached engine (call on the FX thread, or any thread: engines are updated on the FX thread). */
    public void setIdentity(String newUserAgent, String newAcceptLanguageHeader) {
        this.userAgent = newUserAgent;
        if (newAcceptLanguageHeader != null) {
            this.acceptLanguageHeader = newAcceptLanguageHeader;
        }
        for (EngineBinding binding : bindings) {
            binding.refreshUserAgent();
        }
    }

    public List<EngineBinding> bindings() {
        return bindings;
    }

    void addBinding(EngineBinding binding) {
        bindings.add(binding);
    }

    void removeBinding(EngineBinding binding) {
        bindings.remove(binding);
    }

    /** Counts a request this session's chain carried (for statistics and tests of isolation). */
    public long countRequest() {
        return requestCount.incrementAndGet();
    }

    public long requestCount() {
        return requestCount.get();
    }

    public Object facade() {
        return facade;
    }

    public void setFacade(Object facade) {
        this.facade = facade;
    }

    /** Whether {@link #close()} ran: no engine can be attached any more. Any thread. */
    public boolean closed() {
        return closed;
    }

    /**
     * Releases what this partition holds in the JVM: detaches its engines, fails its requests in
     * flight, closes its pooled connections and HTTP cache, and lets its idle threads end. The
     * registry forgets the partition first ({@link SessionRegistry#close}). FX Application Thread only.
     */
    void close() {
        EngineBinding.requireFxThread("close");
        closed = true;
        for (EngineBinding binding : List.copyOf(bindings)) {
            binding.detach();
        }
        connections.closeAll();
        client.dispatcher().executorService().shutdown();
        httpCache.close();
        cookies.close();
        spellChecker.close();
    }

    @Override
    public String toString() {
        return "Session[" + (partition.isEmpty() ? "default" : partition) + "]";
    }
}
