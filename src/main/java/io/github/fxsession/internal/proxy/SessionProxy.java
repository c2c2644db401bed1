package io.github.fxsession.internal.proxy;

import io.github.fxsession.proxy.ProxyAuthInfo;
import io.github.fxsession.proxy.ProxyConfig;
import io.github.fxsession.proxy.ProxyCredentials;
import io.github.fxsession.proxy.ProxyLoginHandler;
import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javafx.application.Platform;
import okhttp3.Authenticator;
import okhttp3.Challenge;
import okhttp3.Credentials;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.Route;

/**
 * The proxy side of one partition: its configuration, the {@link ProxySelector}, proxy authenticator,
 * socket factory and event listener installed on the partition's own OkHttp client, and the answers to
 * {@code resolveProxy}. Nothing here is JVM-global, so partitions never see each other's proxies or
 * credentials.
 *
 * <p>Threading: any thread. Configuration changes run on a shared daemon pool and are applied in the
 * order they were requested; PAC scripts run on their own threads, never on the FX thread.
 */
public final class SessionProxy implements ProxyCredentialSource {

    private static final System.Logger LOG = System.getLogger(SessionProxy.class.getName());
    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "fxsession-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private static final int MAX_ATTEMPTS = 3;
    static final String WPAD_URL = "http://wpad/wpad.dat";

    private final String owner;
    private final ThreadLocal<Proxy> connecting = new ThreadLocal<>();
    private final Map<ProxyServer, ProxyCredentials> remembered = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private volatile Active active = new Active(ProxyConfig.direct(), ProxyStrategy.DIRECT, BypassRules.parse(""));
    private volatile CompletableFuture<Void> pending = CompletableFuture.completedFuture(null);
    private volatile ProxyLoginHandler loginHandler;
    private volatile String lastError;
    private volatile OkHttpClient client;
    private volatile Map<String, String> environment = System.getenv();

    /** The configuration in effect and how it resolves. */
    private record Active(ProxyConfig config, ProxyStrategy strategy, BypassRules bypass) {
    }

    public SessionProxy(String owner) {
        this.owner = Objects.requireNonNull(owner, "owner == null");
    }

    /**
     * Installs this partition's proxy hooks on its client builder (once, before {@code build()}).
     *
     * @param direct the socket factory for direct routes (OkHttp has one socket factory per client: the
     *     proxy's wraps it)
     */
    public OkHttpClient.Builder configure(OkHttpClient.Builder builder, javax.net.SocketFactory direct) {
        return builder.proxySelector(new Selector())
                .proxyAuthenticator(new BasicAuthenticator())
                .socketFactory(new Routes.RouteSocketFactory(connecting, this, direct))
                .eventListener(new Routes.RouteListener(connecting));
    }

    /** The client built with {@link #configure}, whose idle connections are closed when the proxy changes. */
    public void bind(OkHttpClient client) {
        this.client = client;
    }

    /** Replaces the environment variables the {@code system} mode reads (tests). */
    void environment(Map<String, String> variables) {
        this.environment = Map.copyOf(variables);
    }

    public ProxyConfig config() {
        return active.config();
    }

    /** The last PAC or WPAD error of this partition, if any since the configuration was set. */
    public Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }

    public void setLoginHandler(ProxyLoginHandler handler) {
        this.loginHandler = handler;
    }

    /** Applies {@code config}; completes when it is in effect (a PAC script that fails gives DIRECT, and {@link #lastError()}). */
    public synchronized CompletableFuture<Void> setProxy(ProxyConfig config) {
        Objects.requireNonNull(config, "config == null");
        long ticket = generation.incrementAndGet();
        CompletableFuture<Void> applied = pending.handle((ignored, error) -> null)
                .thenApplyAsync(ignored -> activate(config), WORKERS)
                .thenAccept(next -> install(ticket, next));
        pending = applied;
        return applied;
    }

    /** Applies the current configuration again: the PAC script (or WPAD, or the system settings) is read anew. */
    public CompletableFuture<Void> reload() {
        return setProxy(active.config());
    }

    /**
     * The proxies for {@code url} in Chromium's PAC-string form, once pending configuration changes are in effect.
     *
     * @throws IllegalArgumentException {@code "Invalid URL: '<url>'"} if it is not an absolute URL with a host
     */
    public CompletableFuture<String> resolve(String url) {
        URI uri = parseUrl(url);
        CompletableFuture<Void> waiting = pending;
        if (waiting.isDone()) {
            // a known answer (cache hit, fixed rules) costs no thread hop; only PAC evaluation runs elsewhere
            Active current = active;
            List<ProxyServer> known = current.bypass().matches(uri) ? List.of(ProxyServer.DIRECT)
                    : current.strategy().knownProxiesFor(uri);
            if (known != null) {
                return CompletableFuture.completedFuture(pacString(known));
            }
        }
        return waiting.handle((ignored, error) -> null)
                .thenApplyAsync(ignored -> pacString(proxiesFor(uri)), WORKERS);
    }

    static URI parseUrl(String url) {
        Objects.requireNonNull(url, "url == null");
        try {
            URI uri = new URI(url);
            if (uri.isAbsolute() && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new IllegalArgumentException("Invalid URL: '" + url + "'");
    }

    /** Chromium's {@code ProxyList::ToPacString}. */
    public static String pacString(List<ProxyServer> proxies) {
        return proxies.stream().map(ProxyServer::pacString).collect(Collectors.joining(";"));
    }

    /** The proxies to try for {@code url}, in order, never empty. */
    public List<ProxyServer> proxiesFor(URI url) {
        Active current = active;
        if (current.bypass().matches(url)) {
            return List.of(ProxyServer.DIRECT);
        }
        return current.strategy().proxiesFor(url);
    }

    private Active activate(ProxyConfig config) {
        BypassRules bypass = BypassRules.parse(config.proxyBypassRules());
        lastError = null;
        ProxyStrategy strategy = switch (config.mode()) {
            case DIRECT -> ProxyStrategy.DIRECT;
            case FIXED_SERVERS -> ProxyStrategy.fixed(ProxyRules.parse(config.proxyRules()));
            case SYSTEM -> new SystemStrategy(environment, ProxySelector.getDefault());
            case PAC_SCRIPT -> pac(config.pacScript());
            case AUTO_DETECT -> pac(WPAD_URL);
        };
        return new Active(config, strategy, bypass);
    }

    private ProxyStrategy pac(String url) {
        Duration timeout = pacTimeout();
        String source;
        try {
            source = PacSources.fetch(url, Duration.ofSeconds(10));
        } catch (IOException e) {
            reportError("cannot fetch PAC script " + url + ": " + e.getMessage() + "; using DIRECT");
            return ProxyStrategy.DIRECT;
        }
        try {
            PacScript script = PacScript.compile(source, url.startsWith("data:") ? "data: URL" : url, timeout,
                    Clock.systemDefaultZone(), PacScript.Resolver.SYSTEM);
            return new PacStrategy(script, this::reportError);
        } catch (PacScript.PacException e) {
            reportError(e.getMessage() + "; using DIRECT");
            return ProxyStrategy.DIRECT;
        }
    }

    /** The PAC time limit: {@code fxsession.pacTimeoutMillis}, 5 seconds by default. */
    static Duration pacTimeout() {
        return Duration.ofMillis(Long.getLong("fxsession.pacTimeoutMillis", 5000));
    }

    private void reportError(String message) {
        if (!message.equals(lastError)) {
            LOG.log(System.Logger.Level.WARNING, owner + ": " + message);
        }
        lastError = message;
    }

    private void install(long ticket, Active next) {
        if (ticket != generation.get()) {
            next.strategy().close(); // a later setProxy replaced this one before it took effect
            return;
        }
        Active previous = active;
        active = next;
        remembered.clear();
        if (previous.strategy() != next.strategy()) {
            previous.strategy().close();
        }
        OkHttpClient bound = client;
        if (bound != null) {
            // pooled connections were opened through the previous proxies
            bound.connectionPool().evictAll();
        }
    }

    @Override
    public ProxyCredentials credentials(ProxyServer server, String scheme, String realm, int attempt, boolean prompt) {
        if (attempt == 1) {
            Optional<ProxyCredentials> configured = active.config().credentials();
            if (configured.isPresent() && !configured.get().equals(remembered.get(refusedKey(server)))) {
                return configured.get();
            }
            ProxyCredentials known = remembered.get(server);
            if (known != null) {
                return known;
            }
        }
        if (!prompt) {
            return null;
        }
        ProxyCredentials answer = ask(new ProxyAuthInfo(scheme, server.host(), server.port(), realm, attempt));
        if (answer != null) {
            remembered.put(server, answer);
        }
        return answer;
    }

    @Override
    public void refused(ProxyServer server, ProxyCredentials credentials) {
        remembered.remove(server, credentials);
        if (active.config().credentials().filter(credentials::equals).isPresent()) {
            remembered.put(refusedKey(server), credentials);
        }
    }

    /** Where refused configuration credentials are noted, so the login handler is asked instead. */
    private static ProxyServer refusedKey(ProxyServer server) {
        return new ProxyServer(ProxyServer.Kind.DIRECT, "refused:" + server.host(), server.port());
    }

    private ProxyCredentials ask(ProxyAuthInfo info) {
        ProxyLoginHandler handler = loginHandler;
        if (handler == null) {
            if (Platform.isFxApplicationThread()) {
                LOG.log(System.Logger.Level.WARNING, owner + ": proxy " + info.host() + ":" + info.port()
                        + " asks for credentials during a synchronous request on the FX thread; no dialog can be shown");
                return null;
            }
            handler = ProxyLoginDialog::show;
        }
        try {
            CompletionStage<ProxyCredentials> stage = handler.login(info);
            return stage == null ? null : stage.toCompletableFuture().get(5, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, owner + ": the proxy login handler failed for " + info.host() + ":"
                    + info.port() + ": " + e);
            return null;
        }
    }

    /** The partition's proxy selector: the current configuration, as OkHttp routes. */
    private final class Selector extends ProxySelector {
        @Override
        public List<Proxy> select(URI uri) {
            return Routes.toProxies(proxiesFor(uri));
        }

        @Override
        public void connectFailed(URI uri, SocketAddress address, IOException failure) {
            // OkHttp goes on with the next proxy of the list, as Chromium does.
        }
    }

    /** HTTP 407 (for requests and CONNECT tunnels alike): Basic credentials from the configuration, memory or the login handler. */
    private final class BasicAuthenticator implements Authenticator {
        @Override
        public Request authenticate(Route route, Response response) {
            if (route == null || response.code() != 407) {
                return null;
            }
            ProxyServer server = Routes.serverOf(route.proxy());
            Request request = response.request();
            boolean preemptive = "OkHttp-Preemptive".equals(response.header("Proxy-Authenticate"));
            if (preemptive) {
                ProxyCredentials offered = credentials(server, "basic", "", 1, false);
                return offered == null ? null : withCredentials(request, offered);
            }
            Challenge basic = response.challenges().stream()
                    .filter(challenge -> challenge.scheme().equalsIgnoreCase("Basic")).findFirst().orElse(null);
            if (basic == null) {
                return null;
            }
            int attempt = 1;
            for (Response prior = response; prior != null; prior = prior.priorResponse()) {
                if (prior.request().header("Proxy-Authorization") != null) {
                    attempt++;
                }
            }
            if (attempt > 1) {
                ProxyCredentials sent = remembered.get(server);
                active.config().credentials().ifPresent(configured -> refused(server, configured));
                if (sent != null) {
                    refused(server, sent);
                }
            }
            if (attempt > MAX_ATTEMPTS) {
                return null;
            }
            ProxyCredentials offered = credentials(server, "basic", basic.realm() == null ? "" : basic.realm(), attempt, true);
            return offered == null ? null : withCredentials(request, offered);
        }

        private Request withCredentials(Request request, ProxyCredentials offered) {
            return request.newBuilder()
                    .header("Proxy-Authorization", Credentials.basic(offered.username(), offered.password()))
                    .build();
        }
    }

    @Override
    public String toString() {
        return owner + " proxy " + active.config();
    }
}
