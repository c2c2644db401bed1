package io.github.fxsession.bench;

import io.github.fxsession.internal.cookies.CookieContext;
import io.github.fxsession.internal.cookies.CookieFile;
import io.github.fxsession.internal.cookies.CookieStore;
import io.github.fxsession.internal.cookies.StoredCookie;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The cookie store's costs (issue #3, point 8), each next to a baseline measured in the same run: the
 * JDK's {@link CookieManager} with its in-memory store holding the same cookies. Not a test: run by
 * {@link CookieBenchmarkRunner} from {@code ./mvnw -Pbench}.
 *
 * <p>The data: 3300 cookies (Chromium's limit) on 500 registrable domains, 6 or 7 each, on three
 * paths, half of them domain cookies and half host-only for {@code www.}; requests go round the 500
 * domains.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CookieBenchmark {

    static final int DOMAINS = 500;
    static final int COOKIES = 3300;
    private static final String[] PATHS = {"/", "/app", "/app/api"};

    private final CookieStore store = new CookieStore();
    private final CookieManager jdk = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpUrl[] urls = new HttpUrl[DOMAINS];
    private final URI[] uris = new URI[DOMAINS];
    private Path flushDirectory;
    private CookieFile cookieFile;
    private int next;
    private long counter;

    @Setup(Level.Trial)
    public void fill() throws IOException {
        for (int i = 0; i < DOMAINS; i++) {
            urls[i] = HttpUrl.get("https://www.site" + i + ".com/app/api/items?page=2");
            uris[i] = urls[i].uri();
        }
        for (int c = 0; c < COOKIES; c++) {
            int domain = c % DOMAINS;
            int nth = c / DOMAINS;
            String line = "cookie" + nth + "=value" + c + "-abcdefghijklmnopqrstuvwxyz; Path=" + PATHS[nth % PATHS.length]
                    + (nth % 2 == 0 ? "; Domain=site" + domain + ".com" : "") + "; Max-Age=86400; Secure";
            store.receive(urls[domain], List.of(line), CookieContext.SAME_SITE);
            jdk.put(uris[domain], Map.of("Set-Cookie", List.of(line)));
        }
        if (store.size() != COOKIES || jdk.getCookieStore().getCookies().size() != COOKIES) {
            throw new IllegalStateException("expected " + COOKIES + " cookies: " + store.size() + ", JDK "
                    + jdk.getCookieStore().getCookies().size());
        }
        flushDirectory = Files.createTempDirectory("fxsession-cookie-bench");
        cookieFile = CookieFile.in(flushDirectory);
    }

    @TearDown(Level.Trial)
    public void deleteFile() throws IOException {
        Files.deleteIfExists(cookieFile.path());
        Files.deleteIfExists(flushDirectory);
    }

    /** (a) The {@code Cookie} header for a request, among 3300 cookies on 500 domains. */
    @Benchmark
    public String headerLookup() {
        return store.cookieHeader(urls[next++ % DOMAINS], CookieContext.SAME_SITE);
    }

    /** Baseline of (a): {@code java.net.CookieManager.get} on the same cookies. */
    @Benchmark
    public Map<String, List<String>> headerLookupJdkBaseline() throws IOException {
        return jdk.get(uris[next++ % DOMAINS], Map.of());
    }

    /** (b) Parsing and storing one {@code Set-Cookie}: a new value for an existing cookie, the common case. */
    @Benchmark
    public void storeSetCookie() {
        int domain = next++ % DOMAINS;
        store.receive(urls[domain], List.of(overwrite(domain)), CookieContext.SAME_SITE);
    }

    /** Baseline of (b): {@code java.net.CookieManager.put} of the same header. */
    @Benchmark
    public void storeSetCookieJdkBaseline() throws IOException {
        int domain = next++ % DOMAINS;
        jdk.put(uris[domain], Map.of("Set-Cookie", List.of(overwrite(domain))));
    }

    private String overwrite(int domain) {
        return "cookie0=value" + counter++ + "; Path=/; Domain=site" + domain + ".com; Max-Age=86400; Secure";
    }

    /**
     * (c) A flush of 3300 cookies as a persistent partition does it: snapshot, the documented JSON
     * format, temporary file, fsync, atomic rename, fsync of the folder ({@code CookieFile.write}).
     */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public int flush() throws IOException {
        List<StoredCookie> all = store.snapshot();
        cookieFile.write(all);
        return all.size();
    }
}
