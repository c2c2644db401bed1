package io.github.fxsession.internal.auth;

import io.github.fxsession.net.AuthInfo;
import io.github.fxsession.net.Credentials;
import io.github.fxsession.net.LoginHandler;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import okhttp3.Authenticator;
import okhttp3.Challenge;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.Route;

/**
 * Server authentication (HTTP 401) of one partition, installed in its client: as OkHttp's
 * {@link Authenticator} it answers Basic and Digest challenges with cached credentials or the login
 * handler's, and as an application {@link Interceptor} it sends cached credentials preemptively to the
 * directories they were asked for. Concurrent challenges of one protection space share one question to
 * the handler. NTLM and Negotiate challenges are reported (see {@link #integratedAuthReports()}), never
 * answered: no maintained Java library implements them for OkHttp.
 *
 * <p>Threading: any thread; the authenticator runs on the thread that executes the request.
 */
public final class SessionAuth implements Authenticator, Interceptor {

    private static final System.Logger LOG = System.getLogger(SessionAuth.class.getName());
    /** How many times one load sends credentials the server keeps rejecting before it shows the 401. */
    static final int MAX_ATTEMPTS = 3;
    private static final int MAX_REPORTS = 100;

    private final AuthCache cache = new AuthCache();
    private final Map<AuthCache.Space, CompletableFuture<Credentials>> pending = new ConcurrentHashMap<>();
    private final Deque<String> reports = new ArrayDeque<>();
    private volatile LoginHandler handler;
    private volatile DomainList integratedDomains = DomainList.NONE;

    /** Installs this as the client's authenticator and first application interceptor. */
    public OkHttpClient.Builder install(OkHttpClient.Builder builder) {
        builder.interceptors().add(0, this);
        return builder.authenticator(this);
    }

    /** Sets the login handler; {@code null} restores the default dialog. */
    public void setLoginHandler(LoginHandler newHandler) {
        handler = newHandler;
    }

    /** Forgets every cached credential: the next challenge asks again. */
    public void clearAuthCache() {
        cache.clear();
    }

    /**
     * Sets Chromium's allow list for integrated authentication.
     *
     * @throws IllegalArgumentException naming the bad entry
     */
    public void allowIntegratedAuthFor(String domains) {
        integratedDomains = DomainList.parse(domains);
    }

    /** The allow list as given ({@code ""} when none). */
    public String integratedAuthDomains() {
        return integratedDomains.source();
    }

    /** The latest reports of NTLM/Negotiate challenges (what was asked, whether allowed, what was sent), oldest first. */
    public List<String> integratedAuthReports() {
        synchronized (reports) {
            return new ArrayList<>(reports);
        }
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (request.header("Authorization") == null) {
            AuthCache.Entry entry = cache.preemptive(request.url());
            if (entry != null) {
                request = request.newBuilder().header("Authorization", entry.authorization(request.method(), request.url())).build();
            }
        }
        return chain.proceed(request);
    }

    @Override
    public Request authenticate(Route route, Response response) {
        if (response.code() != 401) {
            return null;
        }
        Request request = response.request();
        HttpUrl url = request.url();
        List<Challenge> challenges = response.challenges();
        Chosen chosen = choose(challenges);
        reportIntegrated(url, challenges, chosen);
        if (chosen == null || attempts(response) > MAX_ATTEMPTS) {
            return null;
        }
        AuthCache.Space space = AuthCache.Space.of(url, chosen.realm);
        AuthCache.Entry cached = cache.get(space);
        Credentials credentials = null;
        if (cached != null) {
            boolean staleNonce = chosen.digest != null && "true".equalsIgnoreCase(chosen.challenge.authParams().get("stale"));
            if (request.header("Authorization") == null || staleNonce) {
                credentials = cached.credentials();
            } else {
                cache.remove(space, cached);
            }
        }
        if (credentials == null) {
            credentials = ask(space, new AuthInfo(url.toString(), false, chosen.scheme, url.host(), url.port(), chosen.realm));
            if (credentials == null) {
                return null;
            }
        }
        AuthCache.Entry entry = new AuthCache.Entry(chosen.scheme, credentials, chosen.digest, AuthCache.pathsOf(url));
        cache.put(space, entry);
        return request.newBuilder().header("Authorization", entry.authorization(request.method(), url)).build();
    }

    private record Chosen(String scheme, String realm, Digest digest, Challenge challenge) {
    }

    /** Chromium's preference: Digest (the strongest hash) before Basic; other schemes are not answered. */
    private static Chosen choose(List<Challenge> challenges) {
        Chosen best = null;
        for (Challenge challenge : challenges) {
            String scheme = challenge.scheme().toLowerCase(Locale.ROOT);
            String realm = challenge.realm() == null ? "" : challenge.realm();
            if (scheme.equals("digest")) {
                Digest digest = Digest.of(challenge.authParams());
                if (digest != null && (best == null || best.digest == null || digest.strength() > best.digest.strength())) {
                    best = new Chosen(scheme, realm, digest, challenge);
                }
            } else if (scheme.equals("basic") && best == null) {
                best = new Chosen(scheme, realm, null, challenge);
            }
        }
        return best;
    }

    private static int attempts(Response response) {
        int count = 0;
        for (Response r = response; r != null; r = r.priorResponse()) {
            if (r.code() == 401 && r.request().header("Authorization") != null) {
                count++;
            }
        }
        return count;
    }

    /** The handler's credentials, shared by concurrent challenges of one space; {@code null} to cancel. */
    private Credentials ask(AuthCache.Space space, AuthInfo info) {
        if (Platform.isFxApplicationThread()) {
            LOG.log(Level.INFO, "a synchronous request on the FX Application Thread got 401 from " + info.url()
                    + "; the login handler is not asked there");
            return null;
        }
        CompletableFuture<Credentials> mine = new CompletableFuture<>();
        CompletableFuture<Credentials> shared = pending.putIfAbsent(space, mine);
        if (shared == null) {
            shared = mine;
            LoginHandler current = handler;
            try {
                (current != null ? current.login(info) : LoginDialog.show(info)).whenComplete((credentials, failure) -> {
                    if (failure != null) {
                        LOG.log(Level.WARNING, "login handler failed for " + info.url(), failure);
                    }
                    mine.complete(failure == null ? credentials : null);
                });
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "login handler threw for " + info.url(), e);
                mine.complete(null);
            }
            mine.whenComplete((c, f) -> pending.remove(space, mine));
        }
        try {
            return shared.get(LoginHandler.TIMEOUT_MINUTES, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            LOG.log(Level.WARNING, "login handler gave no answer for " + info.url() + ": " + e);
            return null;
        }
    }

    private void reportIntegrated(HttpUrl url, List<Challenge> challenges, Chosen chosen) {
        List<String> integrated = new ArrayList<>();
        for (Challenge challenge : challenges) {
            String scheme = challenge.scheme();
            if (scheme.equalsIgnoreCase("NTLM") || scheme.equalsIgnoreCase("Negotiate")) {
                integrated.add(scheme);
            }
        }
        if (integrated.isEmpty()) {
            return;
        }
        boolean allowed = integratedDomains.matches(url.host());
        String report = url.host() + ":" + url.port() + " asked for " + String.join(", ", integrated) + "; "
                + (allowed ? "allowed by allowNTLMCredentialsForDomains, but fxsession has no NTLM/Negotiate implementation"
                        : "not allowed by allowNTLMCredentialsForDomains ('" + integratedDomains.source() + "')")
                + "; no integrated credentials sent"
                + (chosen == null ? "" : "; answered with " + chosen.scheme + " instead");
        LOG.log(allowed ? Level.WARNING : Level.INFO, report);
        synchronized (reports) {
            if (reports.size() == MAX_REPORTS) {
                reports.removeFirst();
            }
            reports.addLast(report);
        }
    }
}
