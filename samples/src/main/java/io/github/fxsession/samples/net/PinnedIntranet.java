package io.github.fxsession.samples.net;

import io.github.fxsession.Session;
import io.github.fxsession.net.CertificateVerifyProc;
import io.github.fxsession.net.SSLConfig;
import java.net.URI;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.web.WebView;
import javafx.stage.Stage;

/**
 * A partition for an intranet server with a self-signed certificate: the certificate is trusted by its
 * fingerprint for that host only (every other host gets the JDK's verification), TLS 1.2 is the lowest
 * version, and a server asking for a password gets the default login dialog.
 *
 * <pre>{@code
 * // java ... io.github.fxsession.samples.net.PinnedIntranet https://intranet.test/ sha256/AbC...=
 * Session intranet = PinnedIntranet.configure("persist:intranet", "intranet.test", "sha256/AbC...=");
 * }</pre>
 *
 * <p>Threading: {@link #configure} any thread; {@link #main} starts the FX toolkit.
 *
 * @since 0.2
 */
public final class PinnedIntranet {

    private PinnedIntranet() {
    }

    /**
     * Configures {@code partition} to trust the certificate with {@code fingerprint} (Electron's
     * {@code sha256/...} form) on {@code host}.
     *
     * @return the configured session
     */
    public static Session configure(String partition, String host, String fingerprint) {
        Session session = Session.fromPartition(partition);
        session.setSSLConfig(SSLConfig.builder().minVersion("tls1.2").build());
        session.setCertificateVerifyProc((request, callback) -> callback.accept(
                request.hostname().equals(host) && request.certificate().fingerprint().equals(fingerprint)
                        ? CertificateVerifyProc.ACCEPT
                        : CertificateVerifyProc.USE_DEFAULT));
        session.setLoginHandler(null); // the default dialog naming host and realm
        return session;
    }

    /**
     * Opens {@code args[0]} in a window, trusting the certificate whose fingerprint is {@code args[1]}.
     *
     * @param args the URL and the {@code sha256/...} fingerprint
     */
    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: PinnedIntranet <https-url> <sha256/fingerprint>");
            System.exit(2);
        }
        String host = URI.create(args[0]).getHost();
        Platform.startup(() -> {
            Session session = configure("persist:intranet", host, args[1]);
            WebView view = new WebView();
            session.attach(view);
            view.getEngine().load(args[0]);
            Stage stage = new Stage();
            stage.setTitle("Intranet: " + host);
            stage.setScene(new Scene(view, 1024, 768));
            stage.show();
        });
    }
}
