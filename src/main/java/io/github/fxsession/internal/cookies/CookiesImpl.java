package io.github.fxsession.internal.cookies;

import io.github.fxsession.cookies.Cookie;
import io.github.fxsession.cookies.CookieChangeListener;
import io.github.fxsession.cookies.CookieChangedEvent;
import io.github.fxsession.cookies.CookieDetails;
import io.github.fxsession.cookies.CookieFilter;
import io.github.fxsession.cookies.Cookies;
import io.github.fxsession.cookies.SameSite;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.util.Subscription;
import okhttp3.HttpUrl;

/**
 * The public {@link Cookies} of one partition over its {@link CookieStore}: Electron's validation and
 * defaults, the conversion to Electron's {@link Cookie}, and the {@code 'changed'} events, delivered on
 * one daemon thread per partition ({@code fxsession-cookie-events-<partition>}, started with the first
 * listener and ended after 30 idle seconds).
 *
 * <p>Threading: any thread.
 */
public final class CookiesImpl implements Cookies {

    private static final System.Logger LOG = System.getLogger(CookiesImpl.class.getName());
    private static final Supplier<CompletableFuture<Void>> NO_FLUSH = () -> CompletableFuture.completedFuture(null);

    private final CookieStore store;
    private final List<ListenerHolder> listeners = new CopyOnWriteArrayList<>();
    private final ThreadPoolExecutor events;
    private volatile Supplier<CompletableFuture<Void>> flusher = NO_FLUSH;

    /** The cookies of partition {@code partition} ({@code ""} for the default session), kept in {@code store}. */
    public CookiesImpl(CookieStore store, String partition) {
        this.store = Objects.requireNonNull(store, "store == null");
        String threadName = "fxsession-cookie-events-" + (partition.isEmpty() ? "default" : partition);
        this.events = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread thread = new Thread(task, threadName);
            thread.setDaemon(true);
            return thread;
        });
        events.allowCoreThreadTimeOut(true);
        store.addChangeListener(change -> {
            if (!listeners.isEmpty()) {
                events.execute(() -> deliver(change));
            }
        });
    }

    public CookieStore store() {
        return store;
    }

    /**
     * Sets what {@link #flushStore()} does: the persistence of a {@code persist:} partition writes the
     * store and completes the future when it is on disk. The default completes at once (in memory).
     */
    public void setFlusher(Supplier<CompletableFuture<Void>> flusher) {
        this.flusher = flusher == null ? NO_FLUSH : flusher;
    }

    /** Stops the event thread once the pending events are delivered (a closed partition's); later changes are not reported. */
    public void close() {
        events.shutdown();
    }

    @Override
    public CompletableFuture<List<Cookie>> get(CookieFilter filter) {
        Objects.requireNonNull(filter, "filter == null");
        try {
            List<StoredCookie> candidates = filter.url() == null ? store.snapshot()
                    : store.cookiesFor(parseUrl(filter.url(), "url"));
            String domain = filter.domain() == null ? null : canonicalFilterDomain(filter.domain());
            List<Cookie> result = new ArrayList<>();
            for (StoredCookie cookie : candidates) {
                if (matches(filter, domain, cookie)) {
                    result.add(toCookie(cookie));
                }
            }
            return CompletableFuture.completedFuture(result);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static boolean matches(CookieFilter filter, String domain, StoredCookie cookie) {
        return (filter.name() == null || filter.name().equals(cookie.name()))
                && (domain == null || isDomainOrSubdomain(cookie.domain(), domain))
                && (filter.path() == null || filter.path().equals(cookie.path()))
                && (filter.secure() == null || filter.secure() == cookie.secure())
                && (filter.session() == null || filter.session() == !cookie.persistent())
                && (filter.httpOnly() == null || filter.httpOnly() == cookie.httpOnly());
    }

    /** Electron's domain filter: the cookie's domain equals {@code filter} or is a subdomain of it. */
    private static boolean isDomainOrSubdomain(String cookieDomain, String filter) {
        return cookieDomain.equals(filter) || cookieDomain.endsWith("." + filter);
    }

    private static String canonicalFilterDomain(String domain) {
        String canonical = Domains.canonical(domain);
        return canonical == null ? domain.toLowerCase(Locale.ROOT) : canonical;
    }

    @Override
    public CompletableFuture<Void> set(CookieDetails details) {
        Objects.requireNonNull(details, "details == null");
        try {
            HttpUrl url = parseUrl(details.url(), "url");
            String name = checkToken(details.name(), "name");
            String value = checkToken(details.value(), "value");
            if (name.indexOf('=') >= 0) {
                throw new IllegalArgumentException("Invalid name: '" + name + "' (no '=' allowed)");
            }
            if (name.isEmpty() && value.isEmpty()) {
                throw new IllegalArgumentException("Invalid cookie: name and value are both empty");
            }
            boolean hostOnly = details.domain() == null || details.domain().isEmpty();
            String domain = hostOnly ? url.host() : canonicalDomain(details.domain(), url);
            if (Domains.isIpAddress(domain)) {
                hostOnly = true;
            }
            String path = details.path() == null || details.path().isEmpty() ? defaultPath(url) : details.path();
            if (!path.startsWith("/")) {
                throw new IllegalArgumentException("Invalid path: '" + path + "' (must start with '/')");
            }
            checkToken(path, "path");
            Double expirationDate = details.expirationDate();
            if (expirationDate != null && expirationDate.isNaN()) {
                throw new IllegalArgumentException("Invalid expirationDate: '" + expirationDate + "'");
            }
            long expiresAt = expirationDate == null ? Long.MAX_VALUE : (long) (expirationDate * 1000);
            SameSite sameSite = details.sameSite() == null ? SameSite.LAX : details.sameSite();
            store.set(url, new StoredCookie(name, value, domain, hostOnly, path, Boolean.TRUE.equals(details.secure()),
                    Boolean.TRUE.equals(details.httpOnly()), sameSite, expirationDate != null, expiresAt, 0, 0));
            return CompletableFuture.completedFuture(null);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** The canonical form of {@code domain} (no leading dot, lower case, punycode), which must domain-match {@code url}. */
    private static String canonicalDomain(String domain, HttpUrl url) {
        String canonical = Domains.canonical(domain);
        if (canonical == null) {
            throw new IllegalArgumentException("Invalid domain: '" + domain + "'");
        }
        if (!Domains.domainMatches(url.host(), canonical)) {
            throw new IllegalArgumentException("Invalid domain: '" + domain + "' does not match url '" + url + "'");
        }
        return canonical;
    }

    /** RFC 6265's default-path of {@code url}: its path up to, not including, the last {@code /}; "/" at the root. */
    static String defaultPath(HttpUrl url) {
        String path = url.encodedPath();
        int lastSlash = path.lastIndexOf('/');
        return lastSlash <= 0 ? "/" : path.substring(0, lastSlash);
    }

    /**
     * {@code text} (empty when {@code null}) after checking it has no {@code ;}, no control characters and,
     * as Chromium's {@code CreateSanitizedCookie} requires, no leading or trailing space or tab.
     */
    private static String checkToken(String text, String field) {
        if (text == null) {
            return "";
        }
        if (!text.isEmpty() && (isBlankChar(text.charAt(0)) || isBlankChar(text.charAt(text.length() - 1)))) {
            throw new IllegalArgumentException("Invalid " + field + ": '" + text
                    + "' (no leading or trailing whitespace allowed)");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ';' || c < 0x20 || c == 0x7f) {
                throw new IllegalArgumentException("Invalid " + field + ": '" + text
                        + "' (no ';' or control characters allowed)");
            }
        }
        return text;
    }

    private static boolean isBlankChar(char c) {
        return c == ' ' || c == '\t';
    }

    @Override
    public CompletableFuture<Void> remove(String url, String name) {
        Objects.requireNonNull(url, "url == null");
        Objects.requireNonNull(name, "name == null");
        try {
            store.remove(parseUrl(url, "url"), name);
            return CompletableFuture.completedFuture(null);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletableFuture<Void> flushStore() {
        return flusher.get();
    }

    @Override
    public Subscription onChanged(CookieChangeListener listener) {
        ListenerHolder holder = new ListenerHolder(Objects.requireNonNull(listener, "listener == null"));
        listeners.add(holder);
        return () -> listeners.remove(holder);
    }

    private void deliver(CookieStore.Change change) {
        CookieChangedEvent event = new CookieChangedEvent(toCookie(change.cookie()), change.cause(), change.removed());
        for (ListenerHolder holder : listeners) {
            try {
                holder.listener.changed(event);
            } catch (VirtualMachineError fatal) {
                throw fatal;
            } catch (Throwable e) {
                LOG.log(System.Logger.Level.ERROR, "cookie change listener " + holder.listener + " failed", e);
            }
        }
    }

    /** Electron's form: a leading dot on domain cookies, seconds since the epoch, {@code null} for session cookies. */
    static Cookie toCookie(StoredCookie cookie) {
        return new Cookie(cookie.name(), cookie.value(), cookie.hostOnly() ? cookie.domain() : "." + cookie.domain(),
                cookie.hostOnly(), cookie.path(), cookie.secure(), cookie.httpOnly(), !cookie.persistent(),
                cookie.persistent() ? cookie.expiresAt() / 1000.0 : null, cookie.sameSite());
    }

    /** An http or https URL, else {@code IllegalArgumentException} quoting it. */
    private static HttpUrl parseUrl(String text, String field) {
        HttpUrl url = text == null ? null : HttpUrl.parse(text);
        if (url == null) {
            throw new IllegalArgumentException("Invalid " + field + ": '" + text + "' (an http or https URL is needed)");
        }
        return url;
    }

    /** One subscription: identity, so the same listener added twice is two subscriptions. */
    private static final class ListenerHolder {
        final CookieChangeListener listener;

        ListenerHolder(CookieChangeListener listener) {
            this.listener = listener;
        }
    }
}
