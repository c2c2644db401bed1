package io.github.fxsession.testing;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real HTTP server on 127.0.0.1 (MockWebServer) that answers by path and records every request.
 * Responses are {@code Cache-Control: no-store} so WebKit's memory cache never hides a request.
 *
 * <p>As a field, {@code @RegisterExtension final TestServer server = TestServer.start();} in a
 * {@code PER_CLASS} test, it is closed after the class's tests.
 */
public final class TestServer implements AutoCloseable, AfterAllCallback {

    private final MockWebServer server = new MockWebServer();
    private final Map<String, Function<RecordedRequest, MockResponse>> routes = new ConcurrentHashMap<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

    public TestServer() throws IOException {
        this(false);
    }

    private TestServer(boolean https) throws IOException {
        if (https) {
            server.useHttps(tlsContext().getSocketFactory());
        }
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                requests.add(request);
                String path = request.getUrl().encodedPath();
                Function<RecordedRequest, MockResponse> route = routes.get(path);
                if (route == null) {
                    return new MockResponse.Builder().code(404).setHeader("Cache-Control", "no-store").body("no route " + path).build();
                }
                return route.apply(request);
            }
        });
        server.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
    }

    /** A started server, for {@code @RegisterExtension} fields. */
    public static TestServer start() {
        try {
            return new TestServer();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot start the loopback test server", e);
        }
    }

    /**
     * A started HTTPS server with the test certificate for {@code localhost} / {@code 127.0.0.1}, which
     * the test JVM's trust store trusts.
     */
    public static TestServer startHttps() {
        try {
            return new TestServer(true);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot start the loopback HTTPS test server", e);
        }
    }

    /** The server side of the test certificate ({@link TestTls#serverContext()}). */
    public static javax.net.ssl.SSLContext tlsContext() {
        try {
            return TestTls.serverContext();
        } catch (Exception e) {
            throw new IllegalStateException("cannot load the test certificate", e);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    /** Answers {@code path} with {@code body} of {@code contentType}. */
    public TestServer route(String path, String contentType, String body) {
        return route(path, r -> ok(contentType, body));
    }

    public TestServer route(String path, Function<RecordedRequest, MockResponse> answer) {
        routes.put(path, answer);
        return this;
    }

    public static MockResponse ok(String contentType, String body) {
        return new MockResponse.Builder().setHeader("Content-Type", contentType)
                .setHeader("Cache-Control", "no-store").body(body).build();
    }

    public static MockResponse.Builder okBuilder(String contentType, String body) {
        return new MockResponse.Builder().setHeader("Content-Type", contentType)
                .setHeader("Cache-Control", "no-store").body(body);
    }

    public static MockResponse redirect(String location) {
        return new MockResponse.Builder().code(302).setHeader("Location", location)
                .setHeader("Cache-Control", "no-store").build();
    }

    public String url(String path) {
        return server.url(path).toString();
    }

    public int port() {
        return server.getPort();
    }

    /** Every request recorded so far, in arrival order. */
    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** The requests for {@code path}. */
    public List<RecordedRequest> requests(String path) {
        return requests.stream().filter(r -> r.getUrl().encodedPath().equals(path)).toList();
    }

    @Override
    public void close() {
        server.close();
    }
}
