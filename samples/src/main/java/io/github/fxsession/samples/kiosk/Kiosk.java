package io.github.fxsession.samples.kiosk;

import io.github.fxsession.Session;
import io.github.fxsession.WebContents;
import io.github.fxsession.permission.PermissionPolicy;
import io.github.fxsession.protocol.CustomScheme;
import io.github.fxsession.protocol.Protocol;
import io.github.fxsession.protocol.ProtocolRequest;
import io.github.fxsession.protocol.ProtocolResponse;
import io.github.fxsession.protocol.SchemePrivileges;
import io.github.fxsession.webrequest.BeforeRequestResponse;
import io.github.fxsession.webrequest.ResourceType;
import io.github.fxsession.webrequest.WebRequestFilter;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.input.InputEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.web.WebView;
import javafx.util.Subscription;

/**
 * A WebView locked down for a public kiosk with fxsession alone: one partition (by default
 * {@value #PARTITION}) that loads only allow-listed origins, serves its own pages from the privileged
 * scheme {@value #SCHEME}, saves no downloads, denies every permission without asking, runs without
 * network emulation, and forgets everything after a while without user input.
 *
 * <pre>{@code
 * Kiosk kiosk = Kiosk.builder().allowOrigin("https://en.wikipedia.org").idleTimeout(Duration.ofMinutes(2))
 *         .onExit(Platform::exit).build();
 * stage.setScene(kiosk.createScene(1280, 800));
 * kiosk.start();
 * }</pre>
 *
 * <h2>The locks, and the library call behind each</h2>
 * <table>
 * <caption>Locks</caption>
 * <tr><th>Lock</th><th>fxsession call</th></tr>
 * <tr><td>only allow-listed origins, for navigations and subresources; a friendly page for blocked
 *     navigations</td><td>{@code webRequest().onBeforeRequest} with a filter that excludes the allowed
 *     origins: main-frame navigations are redirected to {@value #BLOCKED_URL}, anything else is cancelled
 *     before it is sent</td></tr>
 * <tr><td>the kiosk's own pages from {@value #START_URL}</td><td>{@code Protocol.registerSchemesAsPrivileged}
 *     (a secure web origin, so localStorage works) and {@code protocol().handle}, answering from this
 *     sample's resources</td></tr>
 * <tr><td>no downloads</td><td>{@code onWillDownload}: {@code event.preventDefault()}</td></tr>
 * <tr><td>every permission denied, no prompt</td><td>{@code setPermissionRequestHandler} (always
 *     {@code false}), {@code setPermissionCheckHandler} (always {@code false}), and
 *     {@code PermissionPolicy.denyAll()} behind them</td></tr>
 * <tr><td>network emulation off</td><td>{@code disableNetworkEmulation()}</td></tr>
 * <tr><td>forget after {@linkplain #setIdleTimeout idle time}</td><td>{@code clearStorageData()} (cookies,
 *     localStorage, HTTP cache), then the start page again</td></tr>
 * </table>
 * The web view also has its context menu turned off and opens popups in place. {@link #start()} clears the
 * partition too, so every run begins with nothing from the previous visitor.
 *
 * <h2>What the allow list cannot see</h2>
 * WebKit opens WebSockets itself and never shows {@code data:} or {@code blob:} URLs to the network, so
 * a script of an allowed page could still open a {@code ws:} connection elsewhere: allow only origins
 * you trust (see {@code WebRequest}).
 *
 * <h2>Idle timer</h2>
 * Every mouse, key, scroll and touch event that reaches the {@linkplain #createScene scene} restarts the
 * timer; when it runs out the kiosk {@linkplain #reset() resets}. After a reset the timer waits for the
 * next input: an untouched kiosk on its start page has nothing to forget.
 *
 * <h2>Staff exit</h2>
 * {@link #EXIT_SHORTCUT} (Ctrl+Shift+Q, Cmd+Shift+Q on macOS) runs the {@linkplain Builder#onExit exit
 * action}; visitors have no other way out (the application turns off the full-screen exit key).
 *
 * <h2>Threading</h2>
 * FX Application Thread only, except {@link #builder()} and the {@link Builder}, {@link #getSession()} and
 * {@link #lockDown}: any thread. Listeners run on the FX Application Thread.
 *
 * @since 0.2
 */
public final class Kiosk {

    /** The kiosk's partition unless the builder names another. */
    public static final String PARTITION = "persist:kiosk";
    /** The privileged scheme the kiosk's own pages are served from. */
    public static final String SCHEME = "kiosk";
    /** The start page. */
    public static final String START_URL = "kiosk://app/index.html";
    /** The page shown instead of a navigation the allow list blocks; {@code ?url=} names it. */
    public static final String BLOCKED_URL = "kiosk://app/blocked.html";
    /** The idle time after which the kiosk forgets everything, unless the builder sets another. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(2);
    /** The staff's way out: Ctrl+Shift+Q (Cmd+Shift+Q on macOS). */
    public static final KeyCombination EXIT_SHORTCUT = new KeyCodeCombination(KeyCode.Q,
            KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);

    private static final String HOST = "app";
    private static final String RESOURCES = "/io/github/fxsession/samples/kiosk/app/";
    private static final Map<String, String> TYPES = Map.of("html", "text/html", "css", "text/css",
            "js", "text/javascript", "svg", "image/svg+xml", "png", "image/png", "json", "application/json");
    private static final System.Logger LOG = System.getLogger(Kiosk.class.getName());

    static {
        Protocol.registerSchemesAsPrivileged(List.of(new CustomScheme(SCHEME, SchemePrivileges.webOrigin())));
    }

    private final Session session;
    private final WebView view;
    private final WebContents contents;
    private final Runnable onExit;
    private final PauseTransition idle = new PauseTransition();
    private final List<Runnable> resetListeners = new CopyOnWriteArrayList<>();
    private Duration idleTimeout;

    private Kiosk(Builder builder) {
        requireFx("new Kiosk");
        this.session = lockDown(Session.fromPartition(builder.partition), builder.allowedOrigins);
        this.onExit = builder.onExit;
        this.view = new WebView();
        view.setContextMenuEnabled(false);
        // window.open and target=_blank replace the page in this view: no second window, same allow list
        view.getEngine().setCreatePopupHandler(features -> view.getEngine());
        this.contents = session.attach(view);
        idle.setOnFinished(event -> reset());
        setIdleTimeout(builder.idleTimeout);
    }

    /**
     * A builder for a kiosk on {@value #PARTITION} with no allowed origin but its own pages, an idle time
     * of {@link #DEFAULT_IDLE_TIMEOUT} and no exit action.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Locks {@code session} down as the kiosk does (see the class description): its own pages on
     * {@value #SCHEME}, {@code allowedOrigins} and nothing else, no downloads, no permissions, no network
     * emulation. Calling it twice on one session is refused by the protocol registration.
     *
     * @param session the partition to lock
     * @param allowedOrigins origins such as {@code "https://example.com"} or {@code "http://127.0.0.1:8080"}
     * @return {@code session}
     * @throws IllegalArgumentException if an origin is not {@code http(s)://host[:port]}
     * @throws IllegalStateException if {@value #SCHEME} is handled in {@code session} already
     */
    public static Session lockDown(Session session, List<String> allowedOrigins) {
        Objects.requireNonNull(session, "session == null");
        List<String> allowed = new ArrayList<>();
        allowed.add(SCHEME + "://" + HOST + "/*");
        StringBuilder config = new StringBuilder("{\"origins\":[");
        for (String origin : Objects.requireNonNull(allowedOrigins, "allowedOrigins == null")) {
            String pattern = originPattern(origin);
            allowed.add(pattern);
            config.append(allowed.size() > 2 ? "," : "").append('"').append(pattern, 0, pattern.length() - 2).append('"');
        }
        byte[] configJson = config.append("]}").toString().getBytes(StandardCharsets.UTF_8);
        session.protocol().handle(SCHEME, request -> serve(request, configJson));
        // every URL but the allowed ones: navigations get the blocked page, anything else fails unsent
        session.webRequest().onBeforeRequest(new WebRequestFilter(List.of("<all_urls>"), allowed, java.util.Set.of()),
                (details, callback) -> callback.accept(details.resourceType() == ResourceType.MAIN_FRAME
                        ? BeforeRequestResponse.redirect(BLOCKED_URL + "?url="
                                + URLEncoder.encode(details.url(), StandardCharsets.UTF_8))
                        : BeforeRequestResponse.cancelled()));
        session.onWillDownload((event, item, webContents) -> event.preventDefault());
        session.setPermissionPolicy(PermissionPolicy.denyAll());
        session.setPermissionRequestHandler((webContents, permission, callback, details) -> callback.grant(false));
        session.setPermissionCheckHandler((webContents, permission, origin, details) -> false);
        session.disableNetworkEmulation();
        return session;
    }

    /** The match pattern of the URLs of {@code origin}, which must be {@code http(s)://host[:port]}. */
    static String originPattern(String origin) {
        Objects.requireNonNull(origin, "origin == null");
        URI uri;
        try {
            uri = new URI(origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin);
        } catch (URISyntaxException e) {
            throw notAnOrigin(origin);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null || uri.getRawPath() == null
                || !uri.getRawPath().isEmpty() || uri.getRawQuery() != null || uri.getRawFragment() != null
                || uri.getRawUserInfo() != null) {
            throw notAnOrigin(origin);
        }
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                + "/*";
    }

    private static IllegalArgumentException notAnOrigin(String origin) {
        return new IllegalArgumentException("allowed origin must be http(s)://host[:port]: '" + origin + "'");
    }

    /**
     * Answers {@code kiosk://app/config.json} with {@code configJson} (the allowed origins, for the start
     * page) and {@code kiosk://app/NAME} with the sample's resource {@code app/NAME}; anything else, and
     * any path with more than a file name, is a 404.
     */
    private static CompletionStage<ProtocolResponse> serve(ProtocolRequest request, byte[] configJson) throws IOException {
        URI uri = URI.create(request.url());
        String path = uri.getPath() == null || uri.getPath().equals("/") ? "/index.html" : uri.getPath();
        String name = path.substring(1);
        String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        boolean ours = HOST.equals(uri.getHost()) && name.matches("[a-z0-9-]+\\.[a-z]+") && TYPES.containsKey(extension);
        if (ours && name.equals("config.json")) {
            return CompletableFuture.completedFuture(file(configJson, extension));
        }
        InputStream in = ours ? Kiosk.class.getResourceAsStream(RESOURCES + name) : null;
        if (in == null) {
            return CompletableFuture.completedFuture(ProtocolResponse.builder().statusCode(404)
                    .mimeType("text/plain").data("not found: " + path).build());
        }
        try (in) {
            return CompletableFuture.completedFuture(file(in.readAllBytes(), extension));
        }
    }

    private static ProtocolResponse file(byte[] data, String extension) {
        return ProtocolResponse.builder().mimeType(TYPES.get(extension)).charset("utf-8")
                .header("Cache-Control", "no-store").data(data).build();
    }

    /**
     * A scene showing the kiosk's web view, whose input restarts the idle timer and whose
     * {@link #EXIT_SHORTCUT} runs the exit action.
     *
     * @param width the scene's width
     * @param height the scene's height
     * @return the scene
     */
    public Scene createScene(double width, double height) {
        requireFx("createScene");
        Scene scene = new Scene(view, width, height);
        scene.addEventFilter(InputEvent.ANY, event -> userInput());
        scene.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (EXIT_SHORTCUT.match(event)) {
                event.consume();
                onExit.run();
            }
        });
        return scene;
    }

    /**
     * Starts the kiosk: forgets what a previous run stored, then shows the start page and starts the idle
     * timer.
     *
     * @return a future completing on the FX Application Thread once the start page is loading
     */
    public CompletableFuture<Void> start() {
        CompletableFuture<Void> started = reset();
        return started.thenRun(idle::playFromStart);
    }

    /**
     * Forgets everything and goes back to the start page, as the idle timer does: leaves the page (so its
     * scripts store nothing more), clears the partition's storage, loads {@value #START_URL}, then tells
     * the {@linkplain #onReset reset listeners}. The idle timer then waits for the next input.
     *
     * @return a future completing on the FX Application Thread once the start page is loading, or failing
     *     with the storage's failure (the start page is loaded anyway)
     */
    public CompletableFuture<Void> reset() {
        requireFx("reset");
        idle.stop();
        view.getEngine().load("about:blank");
        CompletableFuture<Void> done = new CompletableFuture<>();
        session.clearStorageData().whenComplete((ignored, failure) -> Platform.runLater(() -> {
            if (failure != null) {
                LOG.log(System.Logger.Level.WARNING, "the kiosk could not clear its storage", failure);
            }
            contents.loadURL(START_URL);
            resetListeners.forEach(Runnable::run);
            if (failure != null) {
                done.completeExceptionally(failure);
            } else {
                done.complete(null);
            }
        }));
        return done;
    }

    /** Restarts the idle timer: the handler of every input event of the scene. */
    private void userInput() {
        idle.playFromStart();
    }

    /**
     * Adds a listener told after each {@linkplain #reset() reset}, once the start page is loading.
     *
     * @param listener called on the FX Application Thread
     * @return closing it removes the listener
     */
    public Subscription onReset(Runnable listener) {
        Objects.requireNonNull(listener, "listener == null");
        resetListeners.add(listener);
        return () -> resetListeners.remove(listener);
    }

    /** How long the kiosk waits without user input before it {@linkplain #reset() resets}. */
    public Duration getIdleTimeout() {
        return idleTimeout;
    }

    /**
     * Sets how long the kiosk waits without user input before it {@linkplain #reset() resets}; a running
     * countdown starts again with the new duration.
     *
     * @param timeout a positive duration
     * @throws IllegalArgumentException if it is zero or negative
     */
    public void setIdleTimeout(Duration timeout) {
        requireFx("setIdleTimeout");
        idleTimeout = requirePositive(timeout);
        idle.setDuration(javafx.util.Duration.millis(timeout.toMillis()));
        if (idle.getStatus() == javafx.animation.Animation.Status.RUNNING) {
            idle.playFromStart();
        }
    }

    private static Duration requirePositive(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout == null");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("idleTimeout must be positive: '" + timeout + "'");
        }
        return timeout;
    }

    /** The kiosk's locked-down partition. */
    public Session getSession() {
        return session;
    }

    /** The kiosk's web view. */
    public WebView getView() {
        return view;
    }

    /** The kiosk's web view as fxsession's {@link WebContents}. */
    public WebContents getWebContents() {
        return contents;
    }

    private static void requireFx(String what) {
        if (!Platform.isFxApplicationThread()) {
            throw new IllegalStateException(what + " must be called on the FX Application Thread, not "
                    + Thread.currentThread().getName());
        }
    }

    /**
     * Options of a {@link Kiosk}, checked as they are set.
     *
     * <p>Threading: any thread; {@link #build()} on the FX Application Thread.
     *
     * @since 0.2
     */
    public static final class Builder {

        private String partition = PARTITION;
        private final List<String> allowedOrigins = new ArrayList<>();
        private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
        private Runnable onExit = () -> { };

        private Builder() {
        }

        /**
         * The partition to lock down, {@value Kiosk#PARTITION} by default.
         *
         * @param name a partition name (see {@link Session#fromPartition(String)})
         * @return this builder
         */
        public Builder partition(String name) {
            this.partition = Objects.requireNonNull(name, "partition == null");
            return this;
        }

        /**
         * Allows {@code origins} besides the kiosk's own pages.
         *
         * @param origins such as {@code "https://example.com"} or {@code "http://127.0.0.1:8080"}
         * @return this builder
         * @throws IllegalArgumentException if one is not {@code http(s)://host[:port]}
         */
        public Builder allowOrigin(String... origins) {
            for (String origin : Objects.requireNonNull(origins, "origins == null")) {
                originPattern(origin);
                allowedOrigins.add(origin);
            }
            return this;
        }

        /**
         * The idle time after which the kiosk resets, {@link Kiosk#DEFAULT_IDLE_TIMEOUT} by default.
         *
         * @param timeout a positive duration
         * @return this builder
         * @throws IllegalArgumentException if it is zero or negative
         */
        public Builder idleTimeout(Duration timeout) {
            this.idleTimeout = requirePositive(timeout);
            return this;
        }

        /**
         * What {@link Kiosk#EXIT_SHORTCUT} does, such as {@code Platform::exit}; nothing by default.
         *
         * @param action run on the FX Application Thread
         * @return this builder
         */
        public Builder onExit(Runnable action) {
            this.onExit = Objects.requireNonNull(action, "action == null");
            return this;
        }

        /**
         * Locks the partition down and creates the kiosk's web view; {@link Kiosk#start()} shows it.
         *
         * @return the kiosk
         * @throws IllegalStateException off the FX Application Thread, or if the partition has a kiosk already
         */
        public Kiosk build() {
            return new Kiosk(this);
        }
    }
}
