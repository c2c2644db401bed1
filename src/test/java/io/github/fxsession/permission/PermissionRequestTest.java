package io.github.fxsession.permission;

import static io.github.fxsession.testing.FxToolkit.onFx;
import static io.github.fxsession.testing.FxToolkit.runFx;
import static io.github.fxsession.testing.FxToolkit.waitUntil;
import static io.github.fxsession.testing.Pages.eval;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.fxsession.Session;
import io.github.fxsession.WebContents;
import io.github.fxsession.testing.FxToolkit;
import io.github.fxsession.testing.Pages;
import io.github.fxsession.testing.TestServer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.input.ClipboardContent;
import javafx.scene.web.WebView;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The permission-gated web APIs in pages of attached engines ask the session's handlers, with Electron's contract. */
@ExtendWith(FxToolkit.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PermissionRequestTest {

    private static final AtomicInteger PARTITIONS = new AtomicInteger();

    @RegisterExtension
    final TestServer server = TestServer.start();

    @BeforeAll
    void routes() {
        server.route("/page.html", "text/html", "<!doctype html><html><head><title>p</title></head><body><p>page</p>"
                        + "<a id=mail href='mailto:someone@example.com'>mail</a></body></html>")
                .route("/frame.html", "text/html", "<!doctype html><html><body><p>frame</p></body></html>");
    }

    private static Session newSession() {
        return Session.fromPartition("permission-request-" + PARTITIONS.incrementAndGet());
    }

    private WebView open(Session session) {
        return Pages.open(session, server.url("/page.html"));
    }

    /** Runs {@code script} (which sets {@code window.result}) and waits until the page has a result. */
    private static Object resultOf(WebView view, String script) {
        eval(view, "window.result = undefined; " + script);
        waitUntil("the page has a result for " + script, () -> eval(view, "window.result") != null
                && !"undefined".equals(eval(view, "typeof window.result")));
        return eval(view, "window.result");
    }

    private static final String REJECTION = ".then(function (v) { window.result = 'resolved:' + v; },"
            + " function (e) { window.result = e.name + ': ' + e.message; })";

    @Test
    void notificationPermissionResolvesGrantedWhenTheHandlerAllows() {
        Session session = newSession();
        session.setPermissionRequestHandler((contents, permission, callback, details) -> callback.grant(true));
        WebView view = open(session);

        assertThat(resultOf(view, "Notification.requestPermission().then(function (p) { window.result = p; })"))
                .isEqualTo("granted");
    }

    @Test
    void notificationPermissionResolvesDeniedWhenTheHandlerRefuses() {
        Session session = newSession();
        session.setPermissionRequestHandler((contents, permission, callback, details) -> callback.grant(false));
        WebView view = open(session);

        assertThat(resultOf(view, "Notification.requestPermission().then(function (p) { window.result = p; })"))
                .isEqualTo("denied");
    }

    @Test
    void requestHandlerGetsTheContentsThePermissionAndTheRequestingUrl() {
        Session session = newSession();
        AtomicReference<Object[]> seen = new AtomicReference<>();
        session.setPermissionRequestHandler((contents, permission, callback, details) -> {
            seen.set(new Object[] {contents, permission, details});
            callback.grant(false);
        });
        WebView view = onFx(WebView::new);
        WebContents expected = onFx(() -> session.attach(view));
        FxToolkit.loadAndWait(view.getEngine(), () -> expected.loadURL(server.url("/page.html")));

        resultOf(view, "navigator.mediaDevices.getUserMedia({ video: true, audio: true })" + REJECTION);

        assertThat(seen.get()[0]).isSameAs(expected);
        assertThat(seen.get()[1]).isEqualTo(Permission.MEDIA);
        assertThat(seen.get()[2]).isEqualTo(new PermissionRequestDetails(server.url("/page.html"), true,
                List.of(MediaType.VIDEO, MediaType.AUDIO), null));
    }

    @Test
    void clipboardReadTextResolvesTheJavaFxClipboardWhenAllowed() {
        Session session = newSession();
        session.setPermissionRequestHandler((contents, permission, callback, details) ->
                callback.grant(permission == Permission.CLIPBOARD_READ));
        WebView view = open(session);
        runFx(() -> {
            ClipboardContent content = new ClipboardContent();
            content.putString("copied in Java");
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
        });

        assertThat(resultOf(view, "navigator.clipboard.readText()" + REJECTION)).isEqualTo("resolved:copied in Java");
    }

    @Test
    void clipboardReadTextRejectsWithNotAllowedErrorWhenDenied() {
        Session session = newSession();
        session.setPermissionRequestHandler((contents, permission, callback, details) -> callback.grant(false));
        WebView view = open(session);

        assertThat(resultOf(view, "navigator.clipboard.readText()" + REJECTION))
                .isEqualTo("NotAllowedError: Read permission denied.");
    }

    @Test
    void getUserMediaFailsWithNotFoundErrorAfterTheGrantBecauseWebViewCannotCapture() {
        Session session = newSession();
        session.setPermissionRequestHandler((contents, permission, callback, details) -> callback.grant(true));
        WebView view = open(session);

        assertThat(resultOf(view, "navigator.mediaDevices.getUserMedia({ audio: true })" + REJECTION))
                .isEqualTo("NotFoundError: Requested device not found: WebView cannot capture audio or video");
    }

    @Test
    void getUserMediaFailsWithNotAllowedErrorWhenDenied() {
        Session session = newSession();
        session.setPermissionRequestHandler((contents, permission, callback, details) -> callback.grant(false));
        WebView view = open(session);

        assertThat(resultOf(view, "navigator.mediaDevices.getUserMedia({ video: true })" + REJECTION))
                .isEqualTo("NotAllowedError: Permission denied");
    }

    @Test
    void pointerLockIsAskedThenRefusedAsUnsupported() {
        Session session = newSession();
        List<Permission> asked = new CopyOnWriteArrayList<>();
        session.setPermissionRequestHandler((contents, permission, callback, details) -> {
            asked.add(permission);
            callback.grant(true);
        });
        WebView view = open(session);

        assertThat(resultOf(view, "document.body.requestPointerLock()" + REJECTION))
                .isEqualTo("NotSupportedError: WebView cannot lock the mouse pointer");
        assertThat(asked).containsExactly(Permission.POINTER_LOCK);
    }

    @Test
    void geolocationGetsThePositionFromTheProviderAfterPermission() {
        Session session = newSession();
        session.setPermissionRequestHandler((contents, permission, callback, details) ->
                callback.grant(permission == Permission.GEOLOCATION));
        session.setGeolocationProvider(high -> CompletableFuture.completedFuture(new GeolocationPosition(48.8584, 2.2945, 25)));
        WebView view = open(session);

        assertThat(resultOf(view, "navigator.geolocation.getCurrentPosition(function (p) {"
                + " window.result = p.coords.latitude + ',' + p.coords.longitude + ',' + p.coords.accuracy; },"
                + " function (e) { window.result = 'error ' + e.code; })")).isEqualTo("48.8584,2.2945,25");
    }

    @Test
    void geolocationFailsWithPermissionDeniedWhenDenied() {
        Session session = newSession();
        session.setPermissionRequestHandler((contents, permission, callback, details) -> callback.grant(false));
        session.setGeolocationProvider(high -> CompletableFuture.completedFuture(new GeolocationPosition(1, 2, 3)));
        WebView view = open(session);

        assertThat(resultOf(view, "navigator.geolocation.getCurrentPosition(function (p) { window.result = 'position'; },"
                + " function (e) { window.result = 'error ' + e.code + ' ' + (e.code === e.PERMISSION_DENIED); })"))
                .isEqualTo("error 1 true");
    }

    @Test
    void watchPositionReportsChangedPositions() {
        Session session = newSession();
        session.setPermissionRequestHandler((contents, permission, callback, details) -> callback.grant(true));
        AtomicInteger calls = new AtomicInteger();
        session.setGeolocationProvider(high -> CompletableFuture.completedFuture(
                new GeolocationPosition(Math.min(calls.incrementAndGet(), 3), 0, 1)));
        WebView view = open(session);

        eval(view, "window.seen = []; window.watch = navigator.geolocation.watchPosition(function (p) {"
                + " window.seen.push(p.coords.latitude); })");
        waitUntil("three positions seen", () -> "1,2,3".equals(eval(view, "window.seen.join(',')")));
        eval(view, "navigator.geolocation.clearWatch(window.watch)");
    }

    @Test
    void clearingTheRequestHandlerWhileARequestWaitsDeniesIt() {
        Session session = newSession();
        CompletableFuture<PermissionCallback> waiting = new CompletableFuture<>();
        session.setPermissionRequestHandler((contents, permission, callback, details) -> waiting.complete(callback));
        WebView view = open(session);
        eval(view, "window.result = undefined; Notification.requestPermission().then(function (p) { window.result = p; })");
        PermissionCallback callback = waiting.join();

        session.setPermissionRequestHandler(null);
        callback.grant(true);

        waitUntil("the page has a result", () -> "string".equals(eval(view, "typeof window.result")));
        assertThat(eval(view, "window.result")).isEqualTo("denied");
    }

    @Test
    void aHandlerAnsweringLaterFromAnotherThreadIsHeard() {
        Session session = newSession();
        session.setPermissionRequestHandler((contents, permission, callback, details) ->
                CompletableFuture.runAsync(() -> callback.grant(true),
                        CompletableFuture.delayedExecutor(300, java.util.concurrent.TimeUnit.MILLISECONDS)));
        WebView view = open(session);

        assertThat(resultOf(view, "Notification.requestPermission().then(function (p) { window.result = p; })"))
                .isEqualTo("granted");
    }

    @Test
    void linksToAProtocolThePartitionServesNavigateInsteadOfOpeningExternally() {
        Session session = newSession();
        List<Permission> asked = new CopyOnWriteArrayList<>();
        session.setPermissionRequestHandler((contents, permission, callback, d) -> {
            asked.add(permission);
            callback.grant(true);
        });
        List<String> opened = new CopyOnWriteArrayList<>();
        session.setExternalUrlOpener(opened::add);
        session.protocol().handle("fxapp", request -> java.util.concurrent.CompletableFuture.completedFuture(
                io.github.fxsession.protocol.ProtocolResponse.ofString("<p id=t>served</p>", "text/html")));
        WebView view = open(session);

        FxToolkit.loadAndWait(view.getEngine(), () -> view.getEngine().executeScript(
                "var a = document.createElement('a'); a.href = 'fxapp://host/next'; document.body.appendChild(a); a.click()"));

        assertThat(eval(view, "location.href")).isEqualTo("fxapp://host/next");
        assertThat(opened).isEmpty();
        assertThat(asked).doesNotContain(Permission.OPEN_EXTERNAL);
    }

    @Test
    void externalLinkOpensThroughTheOpenerAfterPermission() {
        Session session = newSession();
        AtomicReference<PermissionRequestDetails> details = new AtomicReference<>();
        session.setPermissionRequestHandler((contents, permission, callback, d) -> {
            details.set(d);
            callback.grant(permission == Permission.OPEN_EXTERNAL);
        });
        List<String> opened = new CopyOnWriteArrayList<>();
        session.setExternalUrlOpener(opened::add);
        WebView view = open(session);

        eval(view, "document.getElementById('mail').click()");

        waitUntil("the opener got the link", () -> !opened.isEmpty());
        assertThat(opened).containsExactly("mailto:someone@example.com");
        assertThat(details.get().externalURL()).isEqualTo("mailto:someone@example.com");
        assertThat(eval(view, "location.href")).isEqualTo(server.url("/page.html"));
    }

    @Test
    void externalLinkIsNotOpenedWhenDenied() throws Exception {
        Session session = newSession();
        CompletableFuture<Permission> asked = new CompletableFuture<>();
        session.setPermissionRequestHandler((contents, permission, callback, d) -> {
            asked.complete(permission);
            callback.grant(false);
        });
        List<String> opened = new CopyOnWriteArrayList<>();
        session.setExternalUrlOpener(opened::add);
        WebView view = open(session);

        eval(view, "document.getElementById('mail').click()");

        assertThat(asked.get(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(Permission.OPEN_EXTERNAL);
        Thread.sleep(300);
        assertThat(opened).isEmpty();
    }

    /** Messages the library queued for a raw bridge request, once there are some (JSON). */
    private static String rawRequest(WebView view, String args) {
        eval(view, "window.raw = __fxsession.call('permission.request', " + args + ").id");
        String[] messages = new String[1];
        waitUntil("the raw request is answered", () -> {
            messages[0] = (String) eval(view, "JSON.stringify(__fxsession.call('permission.poll', { ids: [window.raw] }))");
            return !messages[0].equals("[]");
        });
        return messages[0];
    }

    @Test
    void aGrantOfOnePermissionDoesNotUnlockAnotherApi() {
        Session session = newSession();
        session.setPermissionRequestHandler((contents, permission, callback, details) ->
                callback.grant(permission == Permission.NOTIFICATIONS));
        WebView view = open(session);
        runFx(() -> {
            ClipboardContent content = new ClipboardContent();
            content.putString("secret");
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
        });

        String messages = rawRequest(view, "{ url: location.href, top: true, permission: 'notifications', then: 'clipboard-read' }");

        assertThat(messages).contains("\"value\":\"granted\"").doesNotContain("secret");
    }

    @Test
    void openExternalNeverHandsUrlsTheEngineLoadsToTheHost() {
        Session session = newSession();
        List<PermissionRequestDetails> asked = new CopyOnWriteArrayList<>();
        session.setPermissionRequestHandler((contents, permission, callback, details) -> {
            asked.add(details);
            callback.grant(true);
        });
        List<String> opened = new CopyOnWriteArrayList<>();
        session.setExternalUrlOpener(opened::add);
        WebView view = open(session);

        String messages = rawRequest(view, "{ url: location.href, top: true, permission: 'openExternal', externalURL: 'file:///etc/passwd' }");

        assertThat(messages).contains("not an external URL: file:///etc/passwd");
        assertThat(opened).isEmpty();
        assertThat(asked).isEmpty();
    }

    @Test
    void denyAllPolicyDeniesWithoutAsking() {
        Session session = newSession();
        session.setPermissionPolicy(PermissionPolicy.denyAll());
        WebView view = open(session);

        assertThat(resultOf(view, "Notification.requestPermission().then(function (p) { window.result = p; })"))
                .isEqualTo("denied");
        assertThat(eval(view, "Notification.permission")).isEqualTo("denied");
    }

    @Test
    void allowOnlyPolicyAllowsTheListedPermissionsAndDeniesTheRest() {
        Session session = newSession();
        session.setPermissionPolicy(PermissionPolicy.allowOnly(Permission.NOTIFICATIONS));
        WebView view = open(session);

        assertThat(resultOf(view, "Notification.requestPermission().then(function (p) { window.result = p; })"))
                .isEqualTo("granted");
        assertThat(resultOf(view, "navigator.clipboard.readText()" + REJECTION))
                .isEqualTo("NotAllowedError: Read permission denied.");
    }
}
