package io.github.fxsession.netlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.fxsession.Session;
import io.github.fxsession.testing.FxToolkit;
import io.github.fxsession.testing.Pages;
import io.github.fxsession.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** ses.netLog writes the partition's requests as Chromium NetLog JSON. */
@ExtendWith(FxToolkit.class)
class NetLogTest {

    private static final String PAGE = "<!doctype html><html><body>logged<img src='/pixel.txt'></body></html>";

    @RegisterExtension
    final TestServer server = TestServer.start();
    @TempDir
    Path folder;

    @BeforeEach
    void routes() {
        server.route("/logged.html", r -> TestServer.okBuilder("text/html", PAGE)
                        .setHeader("Set-Cookie", "secret=s3cr3t-value; Path=/").build())
                .route("/pixel.txt", "text/plain", "pixel-bytes");
    }

    /** Loads the page (which sets a cookie) twice with logging on, returns the parsed log. */
    private JsonNode logOf(String partition, NetLogOptions options) {
        Session session = Session.fromPartition(partition);
        Path path = folder.resolve("logs/" + partition + ".json");
        session.netLog().startLogging(path, options).join();
        assertThat(session.netLog().currentlyLogging()).isTrue();
        Pages.open(session, server.url("/logged.html"));
        Pages.open(session, server.url("/logged.html"));
        Path written = session.netLog().stopLogging().join();
        assertThat(written).isEqualTo(path);
        assertThat(session.netLog().currentlyLogging()).isFalse();
        try {
            return JsonMapper.builder().build().readTree(Files.readString(path));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The params of every event of type {@code type} (by the constants' number). */
    private static List<JsonNode> params(JsonNode log, String type) {
        int number = log.path("constants").path("logEventTypes").path(type).asInt(-1);
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode event : log.path("events")) {
            if (event.path("type").asInt() == number) {
                found.add(event.path("params"));
            }
        }
        return found;
    }

    private static List<String> headerLines(JsonNode log, String type) {
        List<String> lines = new ArrayList<>();
        for (JsonNode params : params(log, type)) {
            for (JsonNode line : params.path("headers")) {
                lines.add(line.asString());
            }
        }
        return lines;
    }

    @Test
    void logRecordsEachRequestWithItsHeadersInChromiumsFormat() {
        JsonNode log = logOf("netlog-default", NetLogOptions.DEFAULT);

        assertThat(log.path("constants").path("logEventPhase").path("PHASE_BEGIN").asInt()).isEqualTo(1);
        assertThat(log.path("constants").path("timeTickOffset").isString()).isTrue();
        assertThat(params(log, "URL_REQUEST_START_JOB")).extracting(p -> p.path("url").asString())
                .contains(server.url("/logged.html"), server.url("/pixel.txt"));
        assertThat(params(log, "TCP_CONNECT")).isNotEmpty();
        assertThat(headerLines(log, "HTTP_TRANSACTION_READ_RESPONSE_HEADERS")).contains("HTTP/1.1 200 OK",
                "Set-Cookie: [27 bytes were stripped]");
        assertThat(headerLines(log, "HTTP_TRANSACTION_SEND_REQUEST_HEADERS"))
                .contains("Cookie: [19 bytes were stripped]")
                .noneMatch(line -> line.contains("s3cr3t"));
        assertThat(params(log, "URL_REQUEST_JOB_FILTERED_BYTES_READ")).isNotEmpty().allMatch(p -> !p.has("bytes"));
    }

    @Test
    void includeSensitiveRecordsCookieValues() {
        JsonNode log = logOf("netlog-sensitive", new NetLogOptions(CaptureMode.INCLUDE_SENSITIVE, NetLogOptions.UNLIMITED));

        assertThat(headerLines(log, "HTTP_TRANSACTION_READ_RESPONSE_HEADERS")).contains("Set-Cookie: secret=s3cr3t-value; Path=/");
        assertThat(headerLines(log, "HTTP_TRANSACTION_SEND_REQUEST_HEADERS")).contains("Cookie: secret=s3cr3t-value");
    }

    @Test
    void everythingRecordsTheBytesReadInBase64() {
        JsonNode log = logOf("netlog-everything", new NetLogOptions(CaptureMode.EVERYTHING, NetLogOptions.UNLIMITED));

        assertThat(params(log, "URL_REQUEST_JOB_FILTERED_BYTES_READ"))
                .extracting(p -> new String(Base64.getDecoder().decode(p.path("bytes").asString("")), StandardCharsets.UTF_8))
                .contains("pixel-bytes");
    }

    @Test
    void httpsRequestsRecordDnsAndTheTlsHandshake() throws Exception {
        try (TestServer https = TestServer.startHttps()) {
            https.route("/tls.html", "text/html", "<!doctype html><html><body>tls</body></html>");
            Session session = Session.fromPartition("netlog-tls");
            Path path = folder.resolve("tls.json");
            session.netLog().startLogging(path).join();
            Pages.open(session, "https://localhost:" + https.port() + "/tls.html");
            JsonNode log = JsonMapper.builder().build().readTree(Files.readString(session.netLog().stopLogging().join()));

            assertThat(params(log, "HOST_RESOLVER_MANAGER_REQUEST")).extracting(p -> p.path("host").asString()).contains("localhost");
            assertThat(params(log, "SSL_CONNECT")).extracting(p -> p.path("version").asString()).contains("TLSv1.3");
        }
    }

    @Test
    void chromiumsNetlogViewerLoadsTheLogWithEveryEventAndEveryBeginEnded() throws Exception {
        logOf("netlog-viewer", new NetLogOptions(CaptureMode.EVERYTHING, Long.MAX_VALUE));
        String text = Files.readString(folder.resolve("logs/netlog-viewer.json"));

        NetLogViewerLoader.Loaded loaded = NetLogViewerLoader.load(text);

        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.truncated()).isFalse();
        assertThat(loaded.events()).isGreaterThan(10);
        assertThat(loaded.openBegins()).isZero();
        JsonNode constants = loaded.dump().path("constants");
        assertThat(constants.path("clientInfo").path("name").asString()).isEqualTo("fxsession");
        assertThat(constants.path("activeFieldTrialGroups").isArray()).isTrue();
    }

    @Test
    void aLogCutByMaxFileSizeOrByAnAbruptEndStillLoadsInTheViewer() throws Exception {
        logOf("netlog-cut", new NetLogOptions(CaptureMode.EVERYTHING, 3000));
        String small = Files.readString(folder.resolve("logs/netlog-cut.json"));
        logOf("netlog-whole", new NetLogOptions(CaptureMode.DEFAULT, Long.MAX_VALUE));
        String whole = Files.readString(folder.resolve("logs/netlog-whole.json"));
        String abrupt = whole.substring(0, whole.indexOf("\n", whole.indexOf("\"events\":[") + 2000) + 5);

        NetLogViewerLoader.Loaded cut = NetLogViewerLoader.load(small);
        NetLogViewerLoader.Loaded crashed = NetLogViewerLoader.load(abrupt);

        assertThat(cut.problems()).isEmpty();
        assertThat(cut.truncated()).isFalse();
        assertThat(cut.events()).isPositive();
        assertThat(crashed.problems()).isEmpty();
        assertThat(crashed.truncated()).isTrue();
        assertThat(crashed.events()).isPositive();
    }

    @Test
    void maxFileSizeKeepsTheFileValidAndWithinTheLimit() throws Exception {
        JsonNode log = logOf("netlog-small", new NetLogOptions(CaptureMode.EVERYTHING, 2500));

        assertThat(Files.size(folder.resolve("logs/netlog-small.json"))).isLessThanOrEqualTo(2500);
        assertThat(log.path("events").isArray()).isTrue();
        assertThat(params(log, "URL_REQUEST_START_JOB")).hasSizeLessThan(4);
    }

    @Test
    void stopLoggingWithoutStartFailsWithElectronsMessage() {
        CompletionException e = assertThrows(CompletionException.class,
                () -> Session.fromPartition("netlog-nostart").netLog().stopLogging().join());
        assertThat(e.getCause()).isInstanceOf(IllegalStateException.class).hasMessage("No net log in progress");
    }

    @Test
    void startLoggingRejectsAnEmptyPath() {
        NetLog log = Session.fromPartition("netlog-empty").netLog();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> log.startLogging(Path.of("")));
        assertThat(e).hasMessage("The first parameter must be a valid string");
        assertThat(log.currentlyLogging()).isFalse();
    }

    @Test
    void startLoggingTwiceThrows() {
        NetLog log = Session.fromPartition("netlog-twice").netLog();
        log.startLogging(folder.resolve("a.json")).join();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> log.startLogging(folder.resolve("b.json")));
        assertThat(e).hasMessage("There is already a net log running");
        assertThat(log.stopLogging().join()).isEqualTo(folder.resolve("a.json"));
    }

    @Test
    void optionsRejectANonPositiveMaxFileSizeAndAnUnknownCaptureMode() {
        IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
                () -> new NetLogOptions(CaptureMode.DEFAULT, 0));
        assertThat(size).hasMessage("Invalid value for maxFileSize: 0");
        IllegalArgumentException mode = assertThrows(IllegalArgumentException.class, () -> CaptureMode.fromElectronName("all"));
        assertThat(mode).hasMessage("Invalid value for captureMode: 'all'");
        assertThat(CaptureMode.fromElectronName("includeSensitive")).isEqualTo(CaptureMode.INCLUDE_SENSITIVE);
    }

    @Test
    void otherSessionsRequestsAreNotLogged() throws Exception {
        Session logged = Session.fromPartition("netlog-mine");
        Path path = folder.resolve("mine.json");
        logged.netLog().startLogging(path).join();
        Pages.open(Session.fromPartition("netlog-theirs"), server.url("/logged.html"));
        JsonNode log = JsonMapper.builder().build().readTree(Files.readString(logged.netLog().stopLogging().join()));

        assertThat(params(log, "URL_REQUEST_START_JOB")).isEmpty();
    }
}
