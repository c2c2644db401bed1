package io.github.fxsession;

import java.util.Objects;
import javafx.beans.NamedArg;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.web.WebEngine;
import javafx.scene.web.WebView;
import javafx.scene.layout.Region;

/**
 * A {@link WebView} that belongs to a partition: the control to drop into FXML and Scene Builder.
 *
 * <pre>{@code
 * SessionWebView view = new SessionWebView("persist:work");
 * view.setLocation("https://example.com/");
 * }</pre>
 * In FXML: {@code <SessionWebView partition="persist:work" location="https://example.com/"/>}.
 *
 * <p>Changing {@link #partitionProperty() partition} replaces the inner WebView by a new one attached
 * to the new partition (a WebView belongs to one session for life); the current location is loaded
 * again in it.
 *
 * <p>Threading: FX Application Thread only.
 *
 * @since 0.1
 */
public class SessionWebView extends Region {

    /** The style class of this control. */
    public static final String DEFAULT_STYLE_CLASS = "session-web-view";

    private final StringProperty partition = new SimpleStringProperty(this, "partition", "") {
        @Override
        protected void invalidated() {
            rebind();
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
    private WebView webView;
    private WebContents contents;

    /** A view on the default session. */
    public SessionWebView() {
        this("");
    }

    /** A view on {@code partition} (see {@link Session#fromPartition(String)}). */
    public SessionWebView(@NamedArg(value = "partition", defaultValue = "") String partition) {
        getStyleClass().add(DEFAULT_STYLE_CLASS);
        Objects.requireNonNull(partition, "partition == null");
        if (partition.equals(this.partition.get())) {
            rebind();
        } else {
            this.partition.set(partition);
        }
    }

    private void rebind() {
        String name = partition.get();
        Session session = Session.fromPartition(name == null ? "" : name);
        if (contents != null && contents.getSession() == session) {
            return;
        }
        if (contents != null) {
            contents.detach();
        }
        WebView view = new WebView();
        contents = session.attach(view);
        view.getEngine().locationProperty().addListener((obs, old, now) -> {
            if (now != null && !now.isEmpty()) {
                location.set(now);
            }
        });
        getChildren().setAll(view);
        webView = view;
        String url = location.get();
        if (url != null && !url.isBlank()) {
            view.getEngine().load(url);
        }
    }

    /**
     * The partition this view belongs to; {@code ""} (the default session) by default, and {@code null}
     * also means the default session (as in FXML, where an absent attribute is null).
     */
    public final StringProperty partitionProperty() {
        return partition;
    }

    public final String getPartition() {
        return partition.get();
    }

    public final void setPartition(String value) {
        partition.set(value);
    }

    /** The URL shown; setting it loads it. Follows navigation. {@code ""} by default. */
    public final StringProperty locationProperty() {
        return location;
    }

    public final String getLocation() {
        return location.get();
    }

    public final void setLocation(String value) {
        location.set(value);
    }

    /** The inner WebView (replaced when the partition changes). */
    public final WebView getWebView() {
        return webView;
    }

    /** The inner WebView's engine. */
    public final WebEngine getEngine() {
        return webView.getEngine();
    }

    /** The attached contents of the inner WebView. */
    public final WebContents getWebContents() {
        return contents;
    }

    /** The session of the current partition. */
    public final Session getSession() {
        return contents.getSession();
    }

    @Override
    protected void layoutChildren() {
        if (webView != null) {
            layoutInArea(webView, 0, 0, getWidth(), getHeight(), 0, javafx.geometry.HPos.CENTER, javafx.geometry.VPos.CENTER);
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
}
