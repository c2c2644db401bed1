package io.github.fxsession;

import io.github.fxsession.cookies.Cookies;
import io.github.fxsession.internal.session.CoreOptions;
import io.github.fxsession.internal.session.EngineBinding;
import io.github.fxsession.internal.session.SessionCore;
import io.github.fxsession.internal.session.SessionRegistry;
import io.github.fxsession.internal.session.UserAgents;
import java.nio.file.Path;
import java.util.Objects;
import javafx.scene.web.WebEngine;
import javafx.scene.web.WebView;

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
     * @throws IllegalStateException if the partition exists already (its options cannot change), or its
     *     directory is used by another process
     */
    public static Session fromPartition(String partition, PartitionOptions options) {
        Objects.requireNonNull(options, "options == null");
        return of(SessionRegistry.get(partition,
                new CoreOptions(options.cache(), options.persistSessionCookies()), Session::new));
    }

    /** The default session (Electron's {@code session.defaultSession}); persistent. */
    public static Session defaultSession() {
        return fromPartition("");
    }

    /**
     * Chooses the directory under which persistent partitions live (Electron's {@code userData}). The
     * default is the {@code fxsession.userDataPath} system property, else the platform's per-user
     * application-data folder ({@code ~/.config/fxsession}, {@code %APPDATA%\fxsession},
     * {@code ~/Library/Application Support/fxsession}).
     *
     * @throws IllegalStateException once any session was used
     */
    public static void setUserDataPath(Path path) {
        SessionRegistry.setUserDataPath(path);
    }

    /** The directory under which persistent partitions live. */
    public static Path getUserDataPath() {
        return SessionRegistry.userDataPath();
    }

    private static Session of(SessionCore core) {
        return (Session) core.facade();
    }

    /** This session's partition name ({@code ""} for the default session). */
    public String getPartition() {
        return core.partition();
    }

    /** Whether this session is stored on disk (Electron's {@code ses.isPersistent()}). */
    public boolean isPersistent() {
        return core.persistent();
    }

    /**
     * Where this session stores its data, or {@code null} for in-memory sessions (Electron's
     * {@code ses.getStoragePath()}).
     */
    public Path getStoragePath() {
        return core.storagePath();
    }

    /** Electron's read-only {@code ses.storagePath} property; the same as {@link #getStoragePath()}. */
    public Path storagePath() {
        return getStoragePath();
    }

    /** Whether this session was created with an HTTP cache ({@link PartitionOptions#cache()}). */
    public boolean isCacheEnabled() {
        return core.cacheEnabled();
    }

    /**
     * Overrides the User-Agent of this session (Electron's {@code ses.setUserAgent(userAgent)}); applied
     * to every attached engine and every request.
     *
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
     */
    public String getUserAgent() {
        return core.userAgent();
    }

    /**
     * Attaches {@code view}'s engine to this session. FX Application Thread only.
     *
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
     * @since 0.2
     */
    public Cookies cookies() {
        return core.cookies();
    }

    /**
     * This session's request interception (Electron's {@code ses.webRequest}): listeners that cancel,
     * redirect, rewrite and observe every request of the partition.
     *
     * @since 0.2
     */
    public io.github.fxsession.webrequest.WebRequest webRequest() {
        return core.webRequest();
    }

    /**
     * This session's custom and intercepted protocols (Electron's {@code ses.protocol}); a scheme
     * registered here is unknown to every other partition.
     *
     * @since 0.2
     */
    public io.github.fxsession.protocol.Protocol protocol() {
        return core.protocol();
    }

    /** The number of requests this session's network chain has carried so far. */
    public long getRequestCount() {
        return core.requestCount();
    }

    @Override
    public String toString() {
        return core.toString();
    }
}
