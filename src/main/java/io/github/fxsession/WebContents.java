package io.github.fxsession;

import io.github.fxsession.internal.bridge.HtmlInjection;
import io.github.fxsession.internal.session.EngineBinding;
import io.github.fxsession.internal.session.UserAgents;
import io.github.fxsession.internal.util.FxThread;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.web.WebEngine;

/**
 * A {@link WebEngine} attached to a {@link Session}: the counterpart of Electron's {@code webContents}.
 * Get one from {@link Session#attach(javafx.scene.web.WebView)} or {@link SessionWebView#getWebContents()}.
 *
 * <pre>{@code
 * WebContents contents = Session.fromPartition("persist:work").attach(webView);
 * contents.loadURL("https://example.com/");
 * }</pre>
 *
 * <p>Threading: FX Application Thread only, except {@link #getSession()} and {@link #getId()}.
 *
 * @since 0.1
 */
public final class WebContents {

    private static final AtomicInteger IDS = new AtomicInteger();

    private final Session session;
    private final EngineBinding binding;
    private final int id = IDS.incrementAndGet();

    WebContents(Session session, EngineBinding binding) {
        this.session = session;
        this.binding = binding;
    }

    /**
     * A number unique to this WebContents in this JVM (Electron's {@code webContents.id}).
     *
     * @return the id, never reused in this JVM
     */
    public int getId() {
        return id;
    }

    /**
     * The session this engine belongs to.
     *
     * @return the session the engine is attached to
     */
    public Session getSession() {
        return session;
    }

    /**
     * The engine, or {@code null} once it was garbage collected.
     *
     * @return the engine, or {@code null}
     */
    public WebEngine getEngine() {
        return binding.engine();
    }

    /**
     * The URL of the current page (Electron's {@code webContents.getURL()}), {@code ""} when none.
     *
     * @return the URL, or {@code ""}
     */
    public String getURL() {
        requireFx("getURL");
        WebEngine engine = requireEngine();
        String location = engine.getLocation();
        return location == null ? "" : location;
    }

    /**
     * Loads {@code url} (Electron's {@code webContents.loadURL(url)}).
     *
     * @param url an absolute URL
     */
    public void loadURL(String url) {
        Objects.requireNonNull(url, "url == null");
        if (url.isBlank()) {
            throw new IllegalArgumentException("url must not be blank: '" + url + "'");
        }
        requireFx("loadURL");
        requireEngine().load(url);
    }

    /**
     * Loads an HTML document from a string with the page bridge already in it, so that the page's own
     * scripts run after it (a plain {@code WebEngine.loadContent} gets the bridge only once the
     * document is parsed).
     *
     * @param content the HTML document
     */
    public void loadContent(String content) {
        loadContent(content, "text/html");
    }

    /**
     * Like {@link #loadContent(String)} with a content type; the bridge is inserted into HTML only.
     *
     * @param content the document
     * @param contentType its MIME type, such as {@code "text/html"}
     */
    public void loadContent(String content, String contentType) {
        Objects.requireNonNull(content, "content == null");
        Objects.requireNonNull(contentType, "contentType == null");
        requireFx("loadContent");
        String body = contentType.toLowerCase(java.util.Locale.ROOT).startsWith("text/html")
                ? HtmlInjection.inject(content) : content;
        requireEngine().loadContent(body, contentType);
    }

    /**
     * This engine's User-Agent: the one set with {@link #setUserAgent(String)} (or with
     * {@code WebEngine.setUserAgent}), else its session's.
     *
     * @return the User-Agent this engine sends
     */
    public String getUserAgent() {
        return binding.effectiveUserAgent();
    }

    /**
     * Overrides the User-Agent of this engine only (Electron's {@code webContents.setUserAgent}); the
     * session's applies again after {@code setUserAgent(null)}.
     *
     * @param userAgent the User-Agent, or {@code null} for the session's
     * @throws IllegalArgumentException if the value has control or non-ASCII characters
     */
    public void setUserAgent(String userAgent) {
        requireFx("setUserAgent");
        WebEngine engine = requireEngine();
        engine.setUserAgent(userAgent == null ? null : UserAgents.requireHeaderValue("userAgent", userAgent));
    }

    /**
     * Detaches the engine: from now on its requests belong to the default session, its pages get no
     * bridge, and it may be attached again.
     */
    public void detach() {
        requireFx("detach");
        binding.detach();
    }

    private WebEngine requireEngine() {
        WebEngine engine = binding.engine();
        if (engine == null) {
            throw new IllegalStateException("the engine of " + this + " was garbage collected");
        }
        return engine;
    }

    private static void requireFx(String method) {
        FxThread.require("WebContents." + method);
    }

    @Override
    public String toString() {
        return "WebContents[" + id + ", " + session + "]";
    }
}
