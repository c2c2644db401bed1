package io.github.fxsession.internal.session;

import io.github.fxsession.internal.bridge.PageBridge;
import java.lang.ref.WeakReference;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.scene.web.WebEngine;

/**
 * The tie between one {@link WebEngine} and its session.
 *
 * <p>WebView gives the URL handler no way to tell engines apart, except the User-Agent each engine sets
 * on its requests. Each attached engine therefore sends its own User-Agent followed by a random
 * 128-bit token; the network chain reads the token to find the engine, and removes it before the
 * request leaves the machine. The page bridge hides it from {@code navigator.userAgent}.
 *
 * <p>Threading: created and changed on the FX Application Thread; lookups by token from any thread.
 */
public final class EngineBinding {

    /** Separates the page-visible User-Agent from the routing token in an engine's User-Agent. */
    public static final String TOKEN_MARK = " FxSession/";
    static final int TOKEN_LENGTH = 32;

    private static final SecureRandom RANDOM = new SecureRandom();
    /** How many documents per engine keep their bridge capability (the oldest are forgotten first). */
    static final int DOCUMENT_TOKENS = 256;
    private static final Map<String, EngineBinding> BY_TOKEN = new ConcurrentHashMap<>();
    /** FX thread only. */
    private static final Map<WebEngine, EngineBinding> BY_ENGINE = new WeakHashMap<>();

    private final String token;
    private final SessionCore session;
    private final WeakReference<WebEngine> engine;
    private final ChangeListener<String> userAgentListener;
    private final PageBridge bridge;
    private volatile String userAgentOverride;
    private volatile String topDocumentUrl;
    private final Map<String, String> documentTokens = new java.util.LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > DOCUMENT_TOKENS;
        }
    };
    private volatile Object facade;
    private boolean applyingUserAgent;

    private EngineBinding(SessionCore session, WebEngine engine) {
        byte[] bytes = new byte[TOKEN_LENGTH / 2];
        RANDOM.nextBytes(bytes);
        this.token = HexFormat.of().formatHex(bytes);
        this.session = session;
        this.engine = new WeakReference<>(engine);
        this.userAgentListener = (obs, old, now) -> onEngineUserAgentChanged(now);
        this.bridge = new PageBridge(this);
    }

    /**
     * Attaches {@code engine} to {@code session}: user-data directory, User-Agent with token, page
     * bridge. FX Application Thread only.
     *
     * @throws IllegalStateException if the engine is already attached
     */
    public static EngineBinding attach(SessionCore session, WebEngine engine) {
        requireFxThread("attach");
        Objects.requireNonNull(engine, "engine == null");
        if (session.closed()) {
            throw new IllegalStateException(session + " is closed; Session.fromPartition gives a new session"
                    + " for its partition");
        }
        EngineBinding existing = BY_ENGINE.get(engine);
        if (existing != null) {
            throw new IllegalStateException("this WebEngine is already attached to " + existing.session
                    + "; a WebView belongs to one session");
        }
        String stock = StockUserAgent.get();
        EngineBinding binding = new EngineBinding(session, engine);
        String current = engine.getUserAgent();
        if (current != null && !current.isEmpty() && !current.equals(stock)) {
            binding.userAgentOverride = current;
        }
        engine.setUserDataDirectory(session.webKitDirectory().toFile());
        BY_ENGINE.put(engine, binding);
        BY_TOKEN.put(binding.token, binding);
        session.addBinding(binding);
        engine.userAgentProperty().addListener(binding.userAgentListener);
        binding.applyUserAgent(engine);
        binding.bridge.install(engine);
        session.webRequest().watchFileNavigations(binding, engine);
        engine.getLoadWorker().stateProperty().addListener((obs, old, now) -> {
            if (now == javafx.concurrent.Worker.State.SUCCEEDED) {
                io.github.fxsession.internal.net.NetworkChain.checkRouting(engine.getLocation());
            }
        });
        purgeCollected();
        return binding;
    }

    /** The binding of {@code engine}, or {@code null}. FX Application Thread only. */
    public static EngineBinding of(WebEngine engine) {
        return BY_ENGINE.get(engine);
    }

    /** Finds the binding whose token a request's User-Agent carries, or {@code null}. Any thread. */
    public static EngineBinding byUserAgent(String userAgent) {
        if (userAgent == null) {
            return null;
        }
        int mark = userAgent.lastIndexOf(TOKEN_MARK);
        if (mark < 0 || userAgent.length() < mark + TOKEN_MARK.length() + TOKEN_LENGTH) {
            return null;
        }
        int start = mark + TOKEN_MARK.length();
        return BY_TOKEN.get(userAgent.substring(start, start + TOKEN_LENGTH));
    }

    /** Whether any live engine is attached, in any session. Any thread. */
    public static boolean anyAttached() {
        return !BY_TOKEN.isEmpty();
    }

    /** The bindings whose engines are still alive. Any thread. */
    public static java.util.List<EngineBinding> live() {
        java.util.List<EngineBinding> out = new java.util.ArrayList<>();
        for (EngineBinding b : BY_TOKEN.values()) {
            if (b.engine.get() != null) {
                out.add(b);
            }
        }
        return out;
    }

    private static void purgeCollected() {
        BY_TOKEN.values().removeIf(b -> {
            if (b.engine.get() == null) {
                b.session.removeBinding(b);
                return true;
            }
            return false;
        });
    }

    /** Detaches: the engine keeps its state but its requests go to the default session from now on. */
    public void detach() {
        requireFxThread("detach");
        WebEngine e = engine.get();
        BY_TOKEN.remove(token);
        session.removeBinding(this);
        if (e != null) {
            BY_ENGINE.remove(e);
            e.userAgentProperty().removeListener(userAgentListener);
            bridge.uninstall(e);
            applyingUserAgent = true;
            try {
                e.setUserAgent(effectiveUserAgent());
            } finally {
                applyingUserAgent = false;
            }
        }
    }

    public SessionCore session() {
        return session;
    }

    public String token() {
        return token;
    }

    /** The engine, or {@code null} once it was garbage collected. */
    public WebEngine engine() {
        return engine.get();
    }

    public PageBridge bridge() {
        return bridge;
    }

    /** The User-Agent this engine's requests carry on the wire and its pages see. */
    public String effectiveUserAgent() {
        String override = userAgentOverride;
        return override != null ? override : session.userAgent();
    }

    public Object facade() {
        return facade;
    }

    public void setFacade(Object facade) {
        this.facade = facade;
    }

    /** Re-applies the User-Agent after the session's changed; safe from any thread. */
    void refreshUserAgent() {
        if (Platform.isFxApplicationThread()) {
            WebEngine e = engine.get();
            if (e != null) {
                applyUserAgent(e);
            }
        } else {
            Platform.runLater(this::refreshUserAgent);
        }
    }

    private void applyUserAgent(WebEngine e) {
        applyingUserAgent = true;
        try {
            e.setUserAgent(effectiveUserAgent() + TOKEN_MARK + token);
        } finally {
            applyingUserAgent = false;
        }
    }

    /** The application set the engine's User-Agent itself: keep it as this engine's override. */
    private void onEngineUserAgentChanged(String now) {
        if (applyingUserAgent) {
            return;
        }
        WebEngine e = engine.get();
        if (e == null) {
            return;
        }
        if (now == null || now.isEmpty() || now.equals(StockUserAgent.get())) {
            userAgentOverride = null;
        } else {
            String visible = now.contains(TOKEN_MARK) ? now.substring(0, now.indexOf(TOKEN_MARK)) : now;
            try {
                userAgentOverride = UserAgents.requireHeaderValue("userAgent", visible);
            } catch (IllegalArgumentException rejected) {
                System.getLogger(EngineBinding.class.getName()).log(System.Logger.Level.WARNING,
                        "ignoring an engine User-Agent that cannot be sent: " + rejected.getMessage());
            }
        }
        applyUserAgent(e);
    }

    static void requireFxThread(String what) {
        io.github.fxsession.internal.util.FxThread.require(what);
    }

    /**
     * Gives a document served to this engine its bridge capability: a random token the document's
     * bridge script carries in a closure, so a bridge call proves which document made it. Any thread.
     *
     * @return the token (32 hex digits)
     */
    public String registerDocument(String url) {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        String documentToken = java.util.HexFormat.of().formatHex(random);
        synchronized (documentTokens) {
            documentTokens.put(documentToken, url);
        }
        return documentToken;
    }

    /** The URL of the document {@code documentToken} was given to, or {@code null} if unknown. Any thread. */
    public String documentUrl(String documentToken) {
        if (documentToken == null) {
            return null;
        }
        synchronized (documentTokens) {
            return documentTokens.get(documentToken);
        }
    }

    /** Records the main-frame document this engine now shows (its site is the site for cookies). Any thread. */
    public void setTopDocumentUrl(String url) {
        topDocumentUrl = url;
    }

    /** The URL of the last main-frame document served to this engine, or {@code null}. Any thread. */
    public String topDocumentUrl() {
        return topDocumentUrl;
    }

    @Override
    public String toString() {
        return "WebContents[" + session + "]";
    }
}
