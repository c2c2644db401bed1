package io.github.fxsession.internal.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * HTTP Digest authentication (RFC 7616) for one protection space: MD5, SHA-256 and SHA-512-256, their
 * {@code -sess} variants, {@code qop=auth} (and RFC 2069's no-qop form), {@code userhash}. The challenge's
 * nonce is kept and reused for preemptive requests with an increasing nonce count, as browsers do.
 *
 * <p>Written here rather than taken from {@code io.github.rburgst:okhttp-digest} (3.1.1): that library
 * builds on OkHttp 4, has no JPMS module name, supports no {@code -sess} variant but MD5-sess nor
 * {@code userhash}, and binds fixed credentials to an authenticator, where a partition asks its login
 * handler per protection space.
 *
 * <p>Threading: any thread; the nonce count is atomic.
 */
final class Digest {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Chromium's preference among the algorithms a server offers. */
    private static final List<String> ALGORITHMS = List.of("SHA-512-256", "SHA-256", "MD5");

    private final String algorithm;
    private final boolean session;
    private final String realm;
    private final String nonce;
    private final String opaque;
    private final boolean qopAuth;
    private final boolean userhash;
    private final AtomicInteger nonceCount = new AtomicInteger();

    private Digest(String algorithm, boolean session, String realm, String nonce, String opaque, boolean qopAuth, boolean userhash) {
        this.algorithm = algorithm;
        this.session = session;
        this.realm = realm;
        this.nonce = nonce;
        this.opaque = opaque;
        this.qopAuth = qopAuth;
        this.userhash = userhash;
    }

    /** The digest for a challenge's parameters, or {@code null} when it is unusable (unknown algorithm, no nonce, qop without auth). */
    static Digest of(Map<String, String> params) {
        String nonce = params.get("nonce");
        if (nonce == null) {
            return null;
        }
        String name = params.getOrDefault("algorithm", "MD5").toUpperCase(Locale.ROOT);
        boolean session = name.endsWith("-SESS");
        String base = session ? name.substring(0, name.length() - 5) : name;
        if (!ALGORITHMS.contains(base)) {
            return null;
        }
        String qop = params.get("qop");
        boolean qopAuth = false;
        if (qop != null) {
            for (String option : qop.split(",")) {
                qopAuth |= option.trim().equalsIgnoreCase("auth");
            }
            if (!qopAuth) {
                return null;
            }
        }
        return new Digest(base, session, params.getOrDefault("realm", ""), nonce, params.get("opaque"), qopAuth,
                "true".equalsIgnoreCase(params.get("userhash")));
    }

    /** How much a browser prefers this challenge: a stronger hash first. */
    int strength() {
        return ALGORITHMS.size() - ALGORITHMS.indexOf(algorithm);
    }

    /** The {@code Authorization} value for {@code method uri} with the next nonce count and a fresh cnonce. */
    String authorization(String username, String password, String method, String uri) {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        return authorization(username, password, method, uri, nonceCount.incrementAndGet(),
                Base64.getUrlEncoder().withoutPadding().encodeToString(random));
    }

    String authorization(String username, String password, String method, String uri, int count, String cnonce) {
        String nc = String.format(Locale.ROOT, "%08x", count);
        String user = userhash ? hash(username + ":" + realm) : username;
        StringBuilder header = new StringBuilder("Digest username=").append(quote(user))
                .append(", realm=").append(quote(realm))
                .append(", uri=").append(quote(uri))
                .append(", algorithm=").append(algorithmName())
                .append(", nonce=").append(quote(nonce));
        if (qopAuth) {
            header.append(", nc=").append(nc).append(", cnonce=").append(quote(cnonce)).append(", qop=auth");
        }
        header.append(", response=").append(quote(response(username, password, method, uri, nc, cnonce)));
        if (opaque != null) {
            header.append(", opaque=").append(quote(opaque));
        }
        if (userhash) {
            header.append(", userhash=true");
        }
        return header.toString();
    }

    /** RFC 7616 3.4.1's {@code response}. */
    String response(String username, String password, String method, String uri, String nc, String cnonce) {
        String a1 = hash(username + ":" + realm + ":" + password);
        if (session) {
            a1 = hash(a1 + ":" + nonce + ":" + cnonce);
        }
        String a2 = hash(method + ":" + uri);
        return qopAuth
                ? hash(a1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + a2)
                : hash(a1 + ":" + nonce + ":" + a2);
    }

    private String algorithmName() {
        return session ? algorithm + "-sess" : algorithm;
    }

    private String hash(String value) {
        try {
            String jdkName = algorithm.equals("SHA-512-256") ? "SHA-512/256" : algorithm;
            return HexFormat.of().formatHex(MessageDigest.getInstance(jdkName).digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no " + algorithm, e);
        }
    }

    private static String quote(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
