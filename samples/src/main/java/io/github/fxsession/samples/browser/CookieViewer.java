package io.github.fxsession.samples.browser;

import io.github.fxsession.Session;
import io.github.fxsession.cookies.Cookie;
import io.github.fxsession.cookies.CookieChangedEvent;
import io.github.fxsession.cookies.CookieFilter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.util.Subscription;

/**
 * A live table of one partition's cookies, as Chromium's DevTools show them: name, value, domain, path,
 * Secure, HttpOnly, SameSite and expiry, with a button that deletes the selected ones.
 *
 * <pre>{@code
 * CookieViewer viewer = new CookieViewer();
 * viewer.setSession(Session.fromPartition("persist:work"));   // lists and follows its cookies
 * root.setRight(viewer);
 * ...
 * viewer.setSession(null);                                     // stops following them
 * }</pre>
 *
 * <h2>How it uses the API</h2>
 * It lists the cookies with {@code cookies().get(CookieFilter.all())}, follows them with
 * {@code cookies().onChanged(...)} (the listener runs on the partition's cookie event thread, so each
 * change is handed to the FX thread with {@link Platform#runLater}), and deletes with
 * {@code cookies().remove(url, name)}, built from the cookie's domain and path as Electron applications
 * do: that removes every cookie of that name the URL would receive, which is the selected one and
 * any of the same name on a shorter path. {@link #setSession(Session)} with another session, or with
 * {@code null}, unsubscribes from the previous one.
 *
 * <h2>Threading</h2>
 * FX Application Thread only.
 *
 * @since 0.2
 */
public final class CookieViewer extends BorderPane {

    private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final TableView<Cookie> table = new TableView<>();
    private final Label title = new Label();
    private Session session;
    private Subscription subscription = Subscription.EMPTY;

    /** An empty viewer; {@link #setSession(Session)} gives it a partition. */
    public CookieViewer() {
        table.getColumns().setAll(List.of(
                column("Name", Cookie::name, 110),
                column("Value", Cookie::value, 140),
                column("Domain", Cookie::domain, 130),
                column("Path", Cookie::path, 60),
                column("Secure", c -> c.secure() ? "\u2713" : "", 55),
                column("HttpOnly", c -> c.httpOnly() ? "\u2713" : "", 65),
                column("SameSite", c -> c.sameSite().electronName(), 95),
                column("Expires", CookieViewer::expiry, 150)));
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new Label("No cookies"));

        Button delete = new Button("Delete");
        delete.setId("delete-cookies");
        delete.disableProperty().bind(Bindings.isEmpty(table.getSelectionModel().getSelectedItems()));
        delete.setOnAction(event -> deleteSelected());
        HBox buttons = new HBox(6, delete);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        buttons.setPadding(new Insets(4));
        title.setPadding(new Insets(4));

        setTop(title);
        setCenter(table);
        setBottom(buttons);
        setPrefWidth(560);
        showTitle();
    }

    /**
     * Shows and follows the cookies of {@code newSession}, and stops following the previous session's.
     *
     * @param newSession the partition to show, or {@code null} for none
     */
    public void setSession(Session newSession) {
        if (newSession == session) {
            return;
        }
        subscription.unsubscribe();
        subscription = Subscription.EMPTY;
        session = newSession;
        table.getItems().clear();
        showTitle();
        if (newSession == null) {
            return;
        }
        // First subscribe, then list. get() completes on this (FX) thread, so the list is shown before any
        // change handed over by runLater: a change the list already holds is only applied again.
        subscription = newSession.cookies().onChanged(event -> Platform.runLater(() -> {
            if (session == newSession) {
                apply(event);
            }
        }));
        newSession.cookies().get(CookieFilter.all()).thenAccept(cookies -> {
            if (session == newSession) {
                table.getItems().setAll(cookies);
            }
        });
    }

    /** The session shown, or {@code null}. */
    public Session getSession() {
        return session;
    }

    /** The cookies shown, in table order (live). */
    public ObservableList<Cookie> getCookies() {
        return table.getItems();
    }

    /** The table, for selecting rows from code. */
    public TableView<Cookie> getTable() {
        return table;
    }

    /**
     * Deletes the selected cookies from the session's store; the table follows through the change events.
     *
     * @return a future that completes once the store removed them
     */
    public CompletableFuture<Void> deleteSelected() {
        if (session == null) {
            return CompletableFuture.completedFuture(null);
        }
        List<Cookie> selected = List.copyOf(table.getSelectionModel().getSelectedItems());
        return CompletableFuture.allOf(selected.stream()
                .map(cookie -> session.cookies().remove(urlOf(cookie), cookie.name()))
                .toArray(CompletableFuture[]::new));
    }

    /** The URL a cookie is sent to: its scheme, its domain without the leading dot, its path. */
    static String urlOf(Cookie cookie) {
        String host = cookie.domain().startsWith(".") ? cookie.domain().substring(1) : cookie.domain();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return (cookie.secure() ? "https://" : "http://") + host + cookie.path();
    }

    private void apply(CookieChangedEvent event) {
        Cookie changed = event.cookie();
        ObservableList<Cookie> items = table.getItems();
        items.removeIf(shown -> shown.name().equals(changed.name()) && shown.domain().equals(changed.domain())
                && shown.path().equals(changed.path()));
        if (!event.removed()) {
            items.add(changed);
        }
    }

    private void showTitle() {
        title.setText(session == null ? "Cookies" : "Cookies of partition "
                + (session.getPartition().isEmpty() ? "default" : session.getPartition()));
    }

    private static String expiry(Cookie cookie) {
        return cookie.session() ? "Session"
                : EXPIRY.format(Instant.ofEpochMilli((long) (cookie.expirationDate() * 1000)));
    }

    private static TableColumn<Cookie, String> column(String name, Function<Cookie, String> value, double width) {
        TableColumn<Cookie, String> column = new TableColumn<>(name);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        return column;
    }
}
