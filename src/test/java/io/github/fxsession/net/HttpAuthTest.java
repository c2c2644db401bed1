package io.github.fxsession.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.fxsession.Session;
import io.github.fxsession.internal.session.SessionRegistry;
import io.github.fxsession.testing.FxToolkit;
import io.github.fxsession.testing.Pages;
import io.github.fxsession.testing.TestServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.web.WebView;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Servers asking for credentials (401) get them from the session's login handler and auth cache. */
@ExtendWith(FxToolkit.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpAuthTest {

    private static final String BASIC = okhttp3.Credentials.basic("alice", "secret");
    private static final String NONCE = "dcd98b7102dd2f0e8b11d0f600bfb0c093";

    @RegisterExtension
    final TestServer server = TestServer.start();

    @BeforeAll
    void routes() {
        for (String path : List.of("/basic/page.html", "/basic/other.html")) {
            server.route(path, r -> BASIC.equals(r.getHeaders().get("Authorization"))
                    ? TestServer.ok("text/html", "<html><body>welcome</body></html>")
                    : denied().setHeader("WWW-Authenticate", "Basic realm=\"fx realm\"").build());
        }
        for (String path : List.of("/digest/page.html", "/digest/other.html")) {
            server.route(path, r -> digestValid(r)
                    ? TestServer.ok("text/html", "<html><body>digest welcome</body></html>")
                    : denied().addHeader("WWW-Authenticate", "Digest realm=\"digest realm\", qop=\"auth\", algorithm=MD5, nonce=\"" + NONCE + "\"")
                            .addHeader("WWW-Authenticate", "Digest realm=\"digest realm\", qop=\"auth\", algorithm=SHA-256, nonce=\"" + NONCE + "\"")
                            .build());
        }
        server.route("/ntlm/page.html", r -> denied().addHeader("WWW-Authenticate", "NTLM")
                .addHeader("WWW-Authenticate", "Negotiate").build());
    }

    private static MockResponse.Builder denied() {
        return TestServer.okBuilder("text/html", "<html><body>denied</body></html>").code(401);
    }

    /** The server's own check of an RFC 7616 SHA-256 response for alice / secret. */
    private static boolean digestValid(RecordedRequest request) {
        String header = request.getHeaders().get("Authorization");
        if (header == null || !header.startsWith("Digest ")) {
            return false;
        }
        Map<String, String> p = new HashMap<>();
        Matcher m = Pattern.compile("(\\w+)=(?:\"([^\"]*)\"|([^,\\s]*))").matcher(header.substring(7));
        while (m.find()) {
            p.put(m.group(1), m.group(2) != null ? m.group(2) : m.group(3));
        }
        String uri = request.getUrl().encodedPath();
        String ha1 = sha256("alice:digest realm:secret");
        String ha2 = sha256(request.getMethod() + ":" + uri);
        String expected = sha256(ha1 + ":" + NONCE + ":" + p.get("nc") + ":" + p.get("cnonce") + ":auth:" + ha2);
        return "SHA-256".equals(p.get("algorithm")) && uri.equals(p.get("uri")) && expected.equals(p.get("response"));
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static String body(WebView view) {
        return (String) Pages.eval(view, "document.body.textContent");
    }

    private static Session sessionAnswering(String partition, List<AuthInfo> asked, Credentials... answers) {
        Session session = Session.fromPartition(partition);
        session.setLoginHandler(info -> {
            asked.add(info);
            return CompletableFuture.supplyAsync(() -> answers[Math.min(asked.size(), answers.length) - 1]);
        });
        return session;
    }

    @Test
    void basicCredentialsAreCachedForTheRealmUntilClearAuthCache() throws Exception {
        List<AuthInfo> asked = new CopyOnWriteArrayList<>();
        Session session = sessionAnswering("auth-basic", asked, new Credentials("alice", "secret"));
        String page = server.url("/basic/page.html");

        assertThat(body(Pages.open(session, page))).isEqualTo("welcome");
        assertThat(asked).containsExactly(new AuthInfo(page, false, "basic", URI.create(page).getHost(), server.port(), "fx realm"));

        assertThat(body(Pages.open(session, server.url("/basic/other.html")))).isEqualTo("welcome");
        assertThat(asked).as("same protection space: not asked again").hasSize(1);
        assertThat(server.requests("/basic/other.html")).singleElement()
                .satisfies(r -> assertThat(r.getHeaders().get("Authorization")).as("sent preemptively").isEqualTo(BASIC));

        session.clearAuthCache().get(5, TimeUnit.SECONDS);
        assertThat(body(Pages.open(session, page))).isEqualTo("welcome");
        assertThat(asked).hasSize(2);
    }

    @Test
    void cancellingShowsTheServers401Page() {
        Session session = Session.fromPartition("auth-cancel");
        session.setLoginHandler(info -> CompletableFuture.completedFuture(null));
        int before = server.requests("/basic/page.html").size();
        assertThat(body(Pages.open(session, server.url("/basic/page.html")))).isEqualTo("denied");
        assertThat(server.requests("/basic/page.html")).hasSize(before + 1);
    }

    @Test
    void rejectedCredentialsAreForgottenAndTheHandlerIsAskedAgain() {
        List<AuthInfo> asked = new CopyOnWriteArrayList<>();
        Session session = sessionAnswering("auth-retry", asked, new Credentials("alice", "wrong"), new Credentials("alice", "secret"));
        assertThat(body(Pages.open(session, server.url("/basic/page.html")))).isEqualTo("welcome");
        assertThat(asked).hasSize(2);
    }

    @Test
    void digestChallengesAreAnsweredWithTheStrongestHashAndReusedPreemptively() {
        List<AuthInfo> asked = new CopyOnWriteArrayList<>();
        Session session = sessionAnswering("auth-digest", asked, new Credentials("alice", "secret"));

        assertThat(body(Pages.open(session, server.url("/digest/page.html")))).isEqualTo("digest welcome");
        assertThat(body(Pages.open(session, server.url("/digest/other.html")))).isEqualTo("digest welcome");

        assertThat(asked).singleElement().satisfies(info -> {
            assertThat(info.scheme()).isEqualTo("digest");
            assertThat(info.realm()).isEqualTo("digest realm");
        });
        assertThat(server.requests("/digest/other.html")).singleElement()
                .satisfies(r -> assertThat(r.getHeaders().get("Authorization")).contains("nc=00000002"));
    }

    @Test
    void integratedAuthenticationIsReportedAndNeverSent() {
        Session session = Session.fromPartition("auth-ntlm");
        List<AuthInfo> asked = new CopyOnWriteArrayList<>();
        session.setLoginHandler(info -> {
            asked.add(info);
            return CompletableFuture.completedFuture(null);
        });
        String page = server.url("/ntlm/page.html");
        String host = URI.create(page).getHost();
        session.allowNTLMCredentialsForDomains("*" + host + ", *example.com");

        assertThat(body(Pages.open(session, page))).isEqualTo("denied");

        assertThat(asked).isEmpty();
        assertThat(server.requests("/ntlm/page.html")).allSatisfy(r -> assertThat(r.getHeaders().get("Authorization")).isNull());
        assertThat(SessionRegistry.get("auth-ntlm", null, c -> null).auth().integratedAuthReports()).containsExactly(
                host + ":" + server.port() + " asked for NTLM, Negotiate; allowed by allowNTLMCredentialsForDomains,"
                        + " but fxsession has no NTLM/Negotiate implementation; no integrated credentials sent");
    }

    @Test
    void malformedDomainListIsRejectedQuotingIt() {
        assertThatThrownBy(() -> Session.fromPartition("auth-ntlm-bad").allowNTLMCredentialsForDomains("*example.com, bad/host"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("domains: invalid host pattern 'bad/host' in '*example.com, bad/host' (expected comma-separated"
                        + " host names where * matches anything, such as '*example.com, *baz')");
    }

    @Test
    void withoutAHandlerADialogNamingHostAndRealmAsksWithoutBlockingTheFxThread() {
        Session session = Session.fromPartition("auth-dialog");
        WebView view = Pages.attached(session);
        String page = server.url("/basic/page.html");
        FxToolkit.runFx(() -> view.getEngine().load(page));

        java.util.concurrent.atomic.AtomicReference<javafx.scene.control.DialogPane> pane = new java.util.concurrent.atomic.AtomicReference<>();
        FxToolkit.waitUntil("the login dialog shows", () -> FxToolkit.onFx(() -> {
            for (javafx.stage.Window window : javafx.stage.Window.getWindows()) {
                if (window.getScene() != null && window.getScene().getRoot() instanceof javafx.scene.control.DialogPane dialog) {
                    pane.set(dialog);
                }
            }
            return pane.get() != null;
        }));
        String header = FxToolkit.onFx(() -> pane.get().getHeaderText());
        assertThat(header).isEqualTo(URI.create(page).getHost() + ":" + server.port()
                + " asks for a user name and password.\nRealm: fx realm");

        FxToolkit.runFx(() -> {
            ((javafx.scene.control.TextField) pane.get().lookup(".text-field")).setText("alice");
            ((javafx.scene.control.PasswordField) pane.get().lookup(".password-field")).setText("secret");
            javafx.scene.control.ButtonType signIn = pane.get().getButtonTypes().get(0);
            ((javafx.scene.control.Button) pane.get().lookupButton(signIn)).fire();
        });
        FxToolkit.waitUntil("the protected page loads", () -> "welcome".equals(FxToolkit.onFx(
                () -> view.getEngine().getDocument() == null ? null : view.getEngine().executeScript("document.body.textContent"))));
    }

    @Test
    void usernameWithAColonIsRejectedQuotingIt() {
        assertThatThrownBy(() -> new Credentials("domain:alice", "pw"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("username must not contain ':' or control characters: 'domain:alice'");
    }
}
