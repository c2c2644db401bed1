package io.github.fxsession;

import io.github.fxsession.internal.session.UserAgents;
import java.util.Objects;
import javafx.beans.NamedArg;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.HPos;
import javafx.geometry.VPos;
import javafx.scene.layout.Region;
import javafx.scene.web.WebEngine;
import javafx.scene.web.WebView;

/**
 * A {@link WebView} that belongs to a partition: the control to drop into FXML and Scene Builder.
 *
 * <pre>{@code
 * SessionWebView view = new SessionWebView("persist:work");
 * view.setZoom(1.25);
 * view.setLocation("https://example.com/");
 * }</pre>
 * In FXML: {@code <SessionWebView partition="persist:work" location="https://example.com/" zoom="1.25"/>}.
 * It is the counterpart of Electron's {@code <webview partition="persist:work" src="...">} tag.
 *
 * <h2>Properties</h2>
 * <table class="striped">
 *   <caption>Properties and their defaults</caption>
 *   <thead><tr><th>Property</th><th>Default</th><th>Effect</th></tr></thead>
 *   <tbody>
 *   <tr><td>{@link #partitionProperty() partition}</td><td>{@code ""}</td><td>the partition (session)</td></tr>
 *   <tr><td>{@link #locationProperty() location}</td><td>{@code ""}</td><td>the URL shown; setting it loads it</td></tr>
 *   <tr><td>{@link #userAgentProperty() userAgent}</td><td>{@code null}</td><td>this view's User-Agent;
 *       null or blank: the session's</td></tr>
 *   <tr><td>{@link #zoomProperty() zoom}</td><td>{@code 1.0}</td><td>{@link WebView#zoomProperty()}</td></tr>
 *   <tr><td>{@link #fontScaleProperty() fontScale}</td><td>{@code 1.0}</td><td>{@link WebView#fontScaleProperty()}</td></tr>
 *   <tr><td>{@link #contextMenuEnabledProperty() contextMenuEnabled}</td><td>{@code true}</td>
 *       <td>{@link WebView#contextMenuEnabledProperty()}</td></tr>
 *   <tr><td>{@link #javaScriptEnabledProperty() javaScriptEnabled}</td><td>{@code true}</td>
 *       <td>{@link WebEngine#javaScriptEnabledProperty()}</td></tr>
 *   </tbody>
 * </table>
 *
 * <p>Changing {@link #partitionProperty() partition} replaces the inner WebView by a new one attached
 * to the new partition (a WebView belongs to one session for life): the old one stops loading and is
 * detached, the properties above apply to the new one and the current location is loaded again in it.
 * The {@linkplain #SessionWebView() no-arg constructor} (the one FXMLLoader and Scene Builder call) makes
 * the inner WebView only when the view joins a scene or is asked for it, so a view declared in FXML gets one
 * WebView, on its declared partition.
 *
 * <h2>Scene Builder</h2>
 * The class is public, has a no-arg constructor and only JavaFX properties with defaults, so Scene Builder
 * lists it once the library jar is imported ({@code Library > Import JAR/FXML File}, see README
 * "Scene Builder"); the jar also works on the class path, where its module descriptor is ignored.
 *
 * <h2>Threading</h2>
 * FX Application Thread only.
 *
 * @since 0.1
 */
public class SessionWebView extends Region {

    /** The style class of this control. */
    public static final String DEFAULT_STYLE_CLASS = "session-web-view";

    private final StringProperty partition = new SimpleStringProperty(this, "partition", "") {
        @Override
        protected void invalidated() {
            if (webView != null) {
                rebind();
            }
        }
    };
    private final StringProperty location = new SimpleStringProperty(this, "location", "") {
        @Override
        protected void invalidated() {
            String url = get();
            if (url != null && !url.isBlank() && webView != null && !url.equals(webView.getEngine().getLocation())) {
                webView.getEngine().load(url);
            }
        }
    };
    private final StringProperty userAgent = new SimpleStringProperty(this, "userAgent") {
        @Override
        public void set(String value) {
            if (value != null && !value.isBlank()) {
                // rejects control and non-ASCII characters before the value is stored
                UserAgents.requireHeaderValue("userAgent", value);
            }
            super.set(value);
        }

        @Override
        protected void invalidated() {
            applyUserAgent();
        }
    };
    private final DoubleProperty zoom = new PositiveDoubleProperty("zoom");
    private final DoubleProperty fontScale = new PositiveDoubleProperty("fontScale");
    private final BooleanProperty contextMenuEnabled = new SimpleBooleanProperty(this, "contextMenuEnabled", true);
    private final BooleanProperty javaScriptEnabled = new SimpleBooleanProperty(this, "javaScriptEnabled", true);
    private WebView webView;
    private WebContents contents;

    /**
     * A view on the default session, or on the partition set before it is used: the inner WebView is made
     * when the view joins a scene or one of its WebView, engine, contents or session getters is called,
     * so FXML (which calls this constructor, then the setters) makes one WebView, on the declared partition.
     */
    public SessionWebView() {
        getStyleClass().add(DEFAULT_STYLE_CLASS);
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                ensureView();
            }
        });
    }

    /**
     * A view on {@code partition} (see {@link Session#fromPartition(String)}), with its inner WebView made at once.
     *
     * @param partition the partition; {@code ""} for the default session
     */
    public SessionWebView(@NamedArg(value = "partition", defaultValue = "") String partition) {
        this();
        this.partition.set(Objects.requireNonNull(partition, "partition == null"));
        ensureView();
    }

    private void ensureView() {
        if (webView == null) {
            rebind();
        }
    }

    private void rebind() {
        String name = partition.get();
        Session session = Session.fromPartition(name == null ? "" : name);
        if (contents != null && contents.getSession() == session) {
            return;
        }
        if (webView != null) {
            webView.getEngine().load("about:blank"); // stops the old page's loads, scripts and timers
            webView.zoomProperty().unbind();
            webView.fontScaleProperty().unbind();
            webView.contextMenuEnabledProperty().unbind();
            webView.getEngine().javaScriptEnabledProperty().unbind();
            contents.detach();
        }
        WebView view = new WebView();
        view.zoomProperty().bind(zoom);
        view.fontScaleProperty().bind(fontScale);
        view.contextMenuEnabledProperty().bind(contextMenuEnabled);
        view.getEngine().javaScriptEnabledProperty().bind(javaScriptEnabled);
        contents = session.attach(view);
        view.getEngine().locationProperty().addListener((obs, old, now) -> {
            if (now != null && !now.isEmpty()) {
                location.set(now);
            }
        });
        getChildren().setAll(view);
        webView = view;
        applyUserAgent();
        String url = location.get();
        if (url != null && !url.isBlank()) {
            view.getEngine().load(url);
        }
    }

    private void applyUserAgent() {
        if (contents != null) {
            String value = userAgent.get();
            contents.setUserAgent(value == null || value.isBlank() ? null : value);
        }
    }

    /**
     * The partition this view belongs to; {@code ""} (the default session) by default, and {@code null}
     * also means the default session (as in FXML, where an absent attribute is null).
     *
     * @return the property
     */
    public final StringProperty partitionProperty() {
        return partition;
    }

    /**
     * The partition this view belongs to.
     *
     * @return the partition; {@code ""} for the default session
     */
    public final String getPartition() {
        return partition.get();
    }

    /**
     * Moves this view to another partition (a new inner WebView, see the class comment).
     *
     * @param value the partition; {@code ""} or null for the default session
     */
    public final void setPartition(String value) {
        partition.set(value);
    }

    /**
     * The URL shown; setting it loads it. Follows navigation. {@code ""} by default.
     *
     * @return the property
     */
    public final StringProperty locationProperty() {
        return location;
    }

    /**
     * The URL shown.
     *
     * @return the URL, {@code ""} before anything was loaded
     */
    public final String getLocation() {
        return location.get();
    }

    /**
     * Loads {@code value} (nothing happens for null, blank or the URL already shown); on a view made by the
     * no-arg constructor, once its inner WebView exists (see {@link #SessionWebView()}).
     *
     * @param value the URL
     */
    public final void setLocation(String value) {
        location.set(value);
    }

    /**
     * This view's User-Agent (Electron's {@code <webview useragent>}): null (the default) or blank means its
     * session's; it is kept when the partition changes.
     *
     * @return the property; setting a value with control or non-ASCII characters throws
     *     {@link IllegalArgumentException}
     */
    public final StringProperty userAgentProperty() {
        return userAgent;
    }

    /**
     * This view's User-Agent override.
     *
     * @return the value set, or null
     */
    public final String getUserAgent() {
        return userAgent.get();
    }

    /**
     * Overrides the User-Agent of this view's requests.
     *
     * @param value the User-Agent; null or blank for the session's
     * @throws IllegalArgumentException if the value has control or non-ASCII characters
     */
    public final void setUserAgent(String value) {
        userAgent.set(value);
    }

    /**
     * The page zoom ({@link WebView#zoomProperty()}); {@code 1.0} by default.
     *
     * @return the property; setting zero, a negative number, NaN or infinity throws {@link IllegalArgumentException}
     */
    public final DoubleProperty zoomProperty() {
        return zoom;
    }

    /**
     * The page zoom.
     *
     * @return the zoom factor
     */
    public final double getZoom() {
        return zoom.get();
    }

    /**
     * Sets the page zoom.
     *
     * @param value a positive factor
     * @throws IllegalArgumentException if {@code value} is not a positive finite number
     */
    public final void setZoom(double value) {
        zoom.set(value);
    }

    /**
     * The text scale ({@link WebView#fontScaleProperty()}); {@code 1.0} by default.
     *
     * @return the property; setting zero, a negative number, NaN or infinity throws {@link IllegalArgumentException}
     */
    public final DoubleProperty fontScaleProperty() {
        return fontScale;
    }

    /**
     * The text scale.
     *
     * @return the scale factor
     */
    public final double getFontScale() {
        return fontScale.get();
    }

    /**
     * Sets the text scale.
     *
     * @param value a positive factor
     * @throws IllegalArgumentException if {@code value} is not a positive finite number
     */
    public final void setFontScale(double value) {
        fontScale.set(value);
    }

    /**
     * Whether right-click shows WebView's context menu ({@link WebView#contextMenuEnabledProperty()});
     * {@code true} by default.
     *
     * @return the property
     */
    public final BooleanProperty contextMenuEnabledProperty() {
        return contextMenuEnabled;
    }

    /**
     * Whether the context menu is enabled.
     *
     * @return true if enabled
     */
    public final boolean isContextMenuEnabled() {
        return contextMenuEnabled.get();
    }

    /**
     * Enables or disables the context menu.
     *
     * @param value true to enable it
     */
    public final void setContextMenuEnabled(boolean value) {
        contextMenuEnabled.set(value);
    }

    /**
     * Whether pages run JavaScript ({@link WebEngine#javaScriptEnabledProperty()}); {@code true} by default.
     * With JavaScript off, the page bridge (and what needs it: spellcheck marks, permission requests,
     * serial) does not run either.
     *
     * @return the property
     */
    public final BooleanProperty javaScriptEnabledProperty() {
        return javaScriptEnabled;
    }

    /**
     * Whether pages run JavaScript.
     *
     * @return true if enabled
     */
    public final boolean isJavaScriptEnabled() {
        return javaScriptEnabled.get();
    }

    /**
     * Enables or disables JavaScript.
     *
     * @param value true to enable it
     */
    public final void setJavaScriptEnabled(boolean value) {
        javaScriptEnabled.set(value);
    }

    /**
     * The inner WebView (replaced when the partition changes).
     *
     * @return the current inner WebView
     */
    public final WebView getWebView() {
        ensureView();
        return webView;
    }

    /**
     * The inner WebView's engine.
     *
     * @return the engine of the current inner WebView
     */
    public final WebEngine getEngine() {
        return getWebView().getEngine();
    }

    /**
     * The attached contents of the inner WebView.
     *
     * @return the contents of the current inner WebView
     */
    public final WebContents getWebContents() {
        ensureView();
        return contents;
    }

    /**
     * The session of the current partition.
     *
     * @return the session
     */
    public final Session getSession() {
        return getWebContents().getSession();
    }

    @Override
    protected void layoutChildren() {
        if (webView != null) {
            layoutInArea(webView, 0, 0, getWidth(), getHeight(), 0, HPos.CENTER, VPos.CENTER);
        }
    }

    @Override
    protected double computePrefWidth(double height) {
        return webView == null ? 800 : webView.prefWidth(height);
    }

    @Override
    protected double computePrefHeight(double width) {
        return webView == null ? 600 : webView.prefHeight(width);
    }

    /** A factor property, 1.0 by default, that rejects values that are not positive finite numbers. */
    private final class PositiveDoubleProperty extends SimpleDoubleProperty {

        PositiveDoubleProperty(String name) {
            super(SessionWebView.this, name, 1.0);
        }

        @Override
        public void set(double value) {
            if (!(value > 0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException(getName() + " must be a positive number: " + value);
            }
            super.set(value);
        }
    }
}
