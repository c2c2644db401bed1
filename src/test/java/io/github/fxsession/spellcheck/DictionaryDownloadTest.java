package io.github.fxsession.spellcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fxsession.Session;
import io.github.fxsession.proxy.ProxyConfig;
import io.github.fxsession.testing.HttpProxy;
import io.github.fxsession.testing.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Dictionary downloads against a loopback server serving real Hunspell files (the bundled en-GB ones). */
class DictionaryDownloadTest {

    @RegisterExtension
    static final TestServer SERVER = TestServer.start();

    @BeforeAll
    static void serveDictionaries() throws IOException {
        String aff = resource("/fxsession-dictionaries/en-GB/en-GB.aff");
        String dic = resource("/fxsession-dictionaries/en-GB/en-GB.dic");
        for (String code : List.of("en-AU", "en-CA", "en-GB-oxendict")) {
            SERVER.route("/dicts/" + code + ".aff", "text/plain", aff);
            SERVER.route("/dicts/" + code + ".dic", "text/plain", dic);
        }
        SERVER.route("/broken/en-CA.aff", "text/plain", aff);
        SERVER.route("/broken/en-CA.dic", "text/plain", "this is not a dictionary\n");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = DictionaryDownloadTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Records the four events of a session as "kind:code". */
    private static BlockingQueue<String> events(Session session) {
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        session.onSpellcheckDictionaryDownloadBegin(code -> events.add("begin:" + code));
        session.onSpellcheckDictionaryDownloadSuccess(code -> events.add("success:" + code));
        session.onSpellcheckDictionaryDownloadFailure(code -> events.add("failure:" + code));
        session.onSpellcheckDictionaryInitialized(code -> events.add("initialized:" + code));
        return events;
    }

    private static List<String> take(BlockingQueue<String> events, int n) throws InterruptedException {
        List<String> taken = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String e = events.poll(20, TimeUnit.SECONDS);
            if (e == null) {
                throw new AssertionError("only " + taken + " arrived");
            }
            taken.add(e);
        }
        return taken;
    }

    @Test
    void downloadedDictionaryIsAnnouncedInOrderCachedAndUsed() throws Exception {
        Session session = Session.fromPartition("persist:spell-download");
        BlockingQueue<String> events = events(session);
        Files.deleteIfExists(session.getStoragePath().resolve("Dictionaries/en-AU.dic")); // an earlier run's cache
        session.setSpellCheckerDictionaryDownloadURL(SERVER.url("/dicts/"));
        session.setSpellCheckerLanguages(List.of("en-AU"));

        assertEquals(List.of("begin:en-AU", "success:en-AU", "initialized:en-AU"), take(events, 3));
        assertFalse(session.isWordMisspelled("colour"));
        assertTrue(session.isWordMisspelled("colourr"));
        assertTrue(Files.size(session.getStoragePath().resolve("Dictionaries/en-AU.dic")) > 1_000_000);
    }

    @Test
    void failedDownloadFiresFailureAndKeepsPreviousDictionaries() throws Exception {
        Session session = Session.fromPartition("spell-download-404");
        BlockingQueue<String> events = events(session);
        session.setSpellCheckerLanguages(List.of("en-US"));
        assertTrue(session.isWordMisspelled("helllo"));
        session.setSpellCheckerDictionaryDownloadURL(SERVER.url("/missing/"));
        session.setSpellCheckerLanguages(List.of("en-US", "en-CA"));

        assertEquals(List.of("initialized:en-US", "begin:en-CA", "failure:en-CA"), take(events, 3));
        assertTrue(session.isWordMisspelled("helllo"));
        assertFalse(session.isWordMisspelled("hello"));
    }

    @Test
    void filesHunspellCannotLoadAreRejected() throws Exception {
        Session session = Session.fromPartition("spell-download-broken");
        BlockingQueue<String> events = events(session);
        session.setSpellCheckerDictionaryDownloadURL(SERVER.url("/broken/"));
        session.setSpellCheckerLanguages(List.of("en-CA"));

        assertEquals(List.of("begin:en-CA", "failure:en-CA"), take(events, 2));
        assertFalse(session.isWordMisspelled("helllo"), "no dictionary loaded: nothing is marked");
    }

    @Test
    void downloadGoesThroughTheSessionsProxy() throws Exception {
        Session session = Session.fromPartition("spell-download-proxy");
        try (HttpProxy proxy = HttpProxy.start()) {
            session.setProxy(ProxyConfig.builder().proxyRules("http=127.0.0.1:" + proxy.port())
                    .proxyBypassRules("<-loopback>").build()).join();
            BlockingQueue<String> events = events(session);
            session.setSpellCheckerDictionaryDownloadURL(SERVER.url("/dicts/"));
            session.setSpellCheckerLanguages(List.of("en-CA"));

            assertEquals(List.of("begin:en-CA", "success:en-CA", "initialized:en-CA"), take(events, 3));
            assertEquals(List.of("GET " + SERVER.url("/dicts/en-CA.aff"), "GET " + SERVER.url("/dicts/en-CA.dic")),
                    proxy.served());
        }
    }

    @Test
    void bundledLanguageIsNeverDownloaded() throws Exception {
        Session session = Session.fromPartition("spell-download-bundled");
        BlockingQueue<String> events = events(session);
        session.setSpellCheckerDictionaryDownloadURL(SERVER.url("/dicts/"));
        session.setSpellCheckerLanguages(List.of("fr"));

        assertEquals(List.of("initialized:fr"), take(events, 1));
        assertEquals(List.of(), SERVER.requests("/dicts/fr.aff"));
        assertEquals(List.of(), SERVER.requests("/dicts/fr.dic"));
    }

    @Test
    void nothingIsDownloadedWhileSpellcheckIsDisabled() throws Exception {
        Session session = Session.fromPartition("spell-download-disabled");
        BlockingQueue<String> events = events(session);
        session.setSpellCheckerEnabled(false);
        session.setSpellCheckerDictionaryDownloadURL(SERVER.url("/dicts/"));
        session.setSpellCheckerLanguages(List.of("en-GB-oxendict"));

        assertNull(events.poll(500, TimeUnit.MILLISECONDS));
        assertEquals(List.of(), SERVER.requests("/dicts/en-GB-oxendict.aff"));
        session.setSpellCheckerEnabled(true);
        assertEquals(List.of("begin:en-GB-oxendict", "success:en-GB-oxendict", "initialized:en-GB-oxendict"), take(events, 3));
    }
}
