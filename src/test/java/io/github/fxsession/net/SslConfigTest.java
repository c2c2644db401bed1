package io.github.fxsession.net;

import static io.github.fxsession.testing.FxToolkit.loadAndWait;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.fxsession.Session;
import io.github.fxsession.internal.session.SessionRegistry;
import io.github.fxsession.testing.FxToolkit;
import io.github.fxsession.testing.Pages;
import io.github.fxsession.testing.TestServer;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.concurrent.Worker;
import javafx.scene.web.WebView;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import mockwebserver3.MockWebServer;
import okhttp3.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A partition's TLS versions and disabled cipher suites hold on real handshakes. */
@ExtendWith(FxToolkit.class)
class SslConfigTest {

    private static Worker.State load(Session session, String url) {
        WebView view = Pages.attached(session);
        return loadAndWait(view.getEngine(), () -> view.getEngine().load(url));
    }

    /** The server side of the test certificate, speaking only {@code protocols}. */
    private static SSLSocketFactory serverSpeaking(String... protocols) {
        SSLSocketFactory delegate = TestServer.tlsContext().getSocketFactory();
        return new javax.net.ssl.SSLSocketFactory() {
            @Override
            public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
                SSLSocket socket = (SSLSocket) delegate.createSocket(s, host, port, autoClose);
                socket.setEnabledProtocols(protocols);
                return socket;
            }

            @Override
            public String[] getDefaultCipherSuites() {
                return delegate.getDefaultCipherSuites();
            }

            @Override
            public String[] getSupportedCipherSuites() {
                return delegate.getSupportedCipherSuites();
            }

            @Override
            public Socket createSocket(String host, int port) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Socket createSocket(String host, int port, InetAddress localHost, int localPort) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Socket createSocket(InetAddress host, int port) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) {
                throw new UnsupportedOperationException();
            }
        };
    }

    @Test
    void serverOfferingOnlyTls12FailsWithMinVersionTls13() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.useHttps(serverSpeaking("TLSv1.2"));
            server.setDispatcher(new mockwebserver3.Dispatcher() {
                @Override
                public mockwebserver3.MockResponse dispatch(mockwebserver3.RecordedRequest request) {
                    return TestServer.ok("text/html", "<html><body>tls 1.2</body></html>");
                }
            });
            server.start(InetAddress.getByName("127.0.0.1"), 0);
            String url = server.url("/v12.html").toString();
            Session strict = Session.fromPartition("ssl-min13");
            strict.setSSLConfig(SSLConfig.builder().minVersion("tls1.3").build());

            assertThat(load(strict, url)).isEqualTo(Worker.State.FAILED);
            assertThat(load(Session.fromPartition("ssl-defaults"), url)).isEqualTo(Worker.State.SUCCEEDED);
        }
    }

    @Test
    void disabledCipherSuitesAreNeverOffered() throws Exception {
        Session session = Session.fromPartition("ssl-disabled-suites");
        session.setSSLConfig(SSLConfig.builder().disabledCipherSuites(0xC02B, 0x1301).build());

        List<Integer> offered = offeredSuites("ssl-disabled-suites");
        List<Integer> offeredByDefault = offeredSuites("ssl-default-suites");

        assertThat(offeredByDefault).contains(0xC02B, 0x1301);
        assertThat(offered).doesNotContain(0xC02B, 0x1301).contains(0xC02F, 0x1302);
    }

    /** The cipher suites in the ClientHello a partition's client sends, read by a raw server socket. */
    private static List<Integer> offeredSuites(String partition) throws Exception {
        Session.fromPartition(partition);
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            CompletableFuture<List<Integer>> suites = CompletableFuture.supplyAsync(() -> {
                try (Socket socket = listener.accept()) {
                    return cipherSuitesOf(new DataInputStream(socket.getInputStream()));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            Request request = new Request.Builder().url("https://127.0.0.1:" + listener.getLocalPort() + "/").build();
            try {
                SessionRegistry.get(partition, null, c -> null).client().newCall(request).execute().close();
            } catch (IOException expected) {
                // the raw server never answers the handshake
            }
            return suites.get(10, TimeUnit.SECONDS);
        }
    }

    private static List<Integer> cipherSuitesOf(DataInputStream in) throws IOException {
        assertThat(in.readUnsignedByte()).as("TLS handshake record").isEqualTo(0x16);
        in.skipNBytes(2 + 2); // record version, record length
        assertThat(in.readUnsignedByte()).as("ClientHello").isEqualTo(1);
        in.skipNBytes(3 + 2 + 32); // handshake length, client version, random
        in.skipNBytes(in.readUnsignedByte()); // session id
        int length = in.readUnsignedShort();
        List<Integer> suites = new ArrayList<>();
        for (int i = 0; i < length / 2; i++) {
            suites.add(in.readUnsignedShort());
        }
        return suites;
    }

    @Test
    void unknownTlsVersionIsRejectedQuotingIt() {
        assertThatThrownBy(() -> SSLConfig.builder().minVersion("tls1.4"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("minVersion: unknown TLS version 'tls1.4' (expected tls1, tls1.1, tls1.2 or tls1.3)");
    }

    @Test
    void maxVersionBelowTls12IsRejected() {
        assertThatThrownBy(() -> SSLConfig.builder().minVersion("tls1").maxVersion("tls1.1").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxVersion must be tls1.2 or tls1.3: 'tls1.1'");
    }

    @Test
    void minVersionAboveMaxVersionIsRejected() {
        assertThatThrownBy(() -> SSLConfig.builder().minVersion("tls1.3").maxVersion("tls1.2").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("minVersion 'tls1.3' is above maxVersion 'tls1.2'");
    }

    @Test
    void cipherSuiteNumberOutsideUint16IsRejected() {
        assertThatThrownBy(() -> SSLConfig.builder().disabledCipherSuites(0x1C02F).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("disabledCipherSuites: not a cipher suite number (0x0000 to 0xFFFF): 114735 (0x1C02F)");
    }

    @Test
    void nullConfigIsRejected() {
        assertThatThrownBy(() -> Session.fromPartition("ssl-null").setSSLConfig(null))
                .isInstanceOf(NullPointerException.class).hasMessage("config == null");
    }
}
