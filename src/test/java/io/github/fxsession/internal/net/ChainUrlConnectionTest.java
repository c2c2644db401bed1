package io.github.fxsession.internal.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.fxsession.Session;
import io.github.fxsession.testing.FxToolkit;
import io.github.fxsession.testing.TestServer;
import java.io.InputStream;
import java.net.URI;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The connection WebKit's URL loader gets behaves like the JDK's {@code HttpURLConnection}. */
@ExtendWith(FxToolkit.class)
class ChainUrlConnectionTest {

    @Test
    void responseHeadersAreFoundWhateverTheirCase() throws Exception {
        Session.defaultSession();
        try (TestServer server = new TestServer()) {
            server.route("/text", "text/plain; charset=utf-8", "h\u00e9llo");
            URLConnection connection = URI.create(server.url("/text")).toURL().openConnection();
            // What WebKit's URL loader sets on every request; an ordinary User-Agent means the default session.
            connection.addRequestProperty("User-Agent", "ChainUrlConnectionTest/1.0");
            connection.addRequestProperty("Accept-Charset", NetworkChain.WEBKIT_ACCEPT_CHARSET);

            // WebKit reads these three on every response, in lower case.
            assertThat(connection.getContentType()).isEqualTo("text/plain; charset=utf-8");
            assertThat(connection.getHeaderField("content-length")).isEqualTo("6");
            assertThat(connection.getContentLengthLong()).isEqualTo(6);
            assertThat(connection.getHeaderFields().get("content-type")).containsExactly("text/plain; charset=utf-8");
            assertThat(connection).isInstanceOf(ChainUrlConnection.class);
            try (InputStream body = connection.getInputStream()) {
                assertThat(new String(body.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("h\u00e9llo");
            }
        }
    }
}
