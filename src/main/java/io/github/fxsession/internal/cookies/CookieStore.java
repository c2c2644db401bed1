package io.github.fxsession.internal.cookies;

import io.github.fxsession.cookies.CookieChangeCause;
import io.github.fxsession.cookies.SameSite;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import okhttp3.HttpUrl;

/**
 * The cookie store of one partition: RFC 6265bis as Chromium's {@code CookieMonster} applies it.
 *
 * <h2>Setting</h2>
 * {@code Set-Cookie} lines are parsed by OkHttp's {@link okhttp3.Cookie#parse} (syntax, {@code Expires}
 * dates, the default path). The {@code Domain} attribute is taken out before OkHttp sees the line and
 * checked here ({@link Domains}: canonical lower-case punycode, domain-match with the URL, public-suffix
 * rejection with the public suffix list), since OkHttp's own check cannot load its list on the module
 * path. This class adds what OkHttp leaves out, as Chromium does:
 * <ul>
 *   <li>{@code SameSite} ({@code None}, {@code Lax}, {@code Strict}, anything else unspecified);
 *       {@code SameSite=None} without {@code Secure} is refused;</li>
 *   <li>{@code Max-Age} measured on this store's clock (it wins over {@code Expires}); expiries are
 *       capped at 400 days;</li>
 *   <li>{@code Secure} cookies only from {@code https} URLs (Chromium also trusts
 *       {@code http://localhost}; this store does not);</li>
 *   <li>the {@code __Secure-} prefix (needs {@code Secure}) and {@code __Host-} (needs {@code Secure},
 *       no {@code Domain}, {@code Path=/}), compared case-insensitively as RFC 6265bis does;</li>
 *   <li>"leave secure cookies alone": an insecure URL cannot set a non-secure cookie that would shadow
 *       a {@code Secure} one of the same name (domains match either way, its path is under the secure
 *       one's);</li>
 *   <li>name plus value of at most 4096 bytes;</li>
 *   <li>IP hosts, and a {@code Domain} that is itself a public suffix equal to the host, give host-only
 *       cookies;</li>
 *   <li>from a cross-site subresource ({@code !sameSite && !topLevelNavigation}) only
 *       {@code SameSite=None} cookies are stored (Lax, Strict and unspecified, which Chromium treats as
 *       Lax, are refused);</li>
 *   <li>scripts cannot set {@code HttpOnly} cookies nor overwrite one.</li>
 * </ul>
 * OkHttp's parser also refuses what Chromium would accept in two rare cases: a cookie with an empty
 * name (a {@code Set-Cookie: value} without {@code =}) and non-ASCII characters in a name or value.
 *
 * <h2>Matching</h2>
 * A cookie applies to a URL when its domain matches (the exact host for host-only cookies, the domain
 * or any subdomain otherwise, never for IP hosts), its path path-matches, it has not expired, and it is
 * not {@code Secure} or the URL is {@code https}. SameSite: {@code STRICT} only in a same-site context,
 * {@code LAX} and unspecified also on a top-level navigation with a safe method, {@code NO_RESTRICTION}
 * always. The header lists the longest paths first, then the oldest cookies.
 *
 * <h2>Changes</h2>
 * Each change is reported to the change listeners as Chromium's {@code CookieChangeCause} (see
 * {@link #addChangeListener}): a new cookie is {@code INSERTED}; an overwrite reports the old cookie
 * removed with {@code OVERWRITE}, then the new one added with {@code INSERTED}, or with
 * {@code INSERTED_NO_CHANGE_OVERWRITE} when nothing but its times changed, or
 * {@code INSERTED_NO_VALUE_CHANGE_OVERWRITE} when its value stayed and another attribute changed (these
 * two are insertion causes in Chromium: {@code CookieChangeCauseIsDeletion} is false for them). A
 * cookie overwritten with an expiry in the past is removed with {@code EXPIRED_OVERWRITE} (nothing is
 * added). Expired cookies are dropped lazily, when their domain is looked at, with {@code EXPIRED}.
 * The limits are Chromium's: 180 cookies per registrable domain (eTLD+1; purged to 150) and 3300 in
 * all (purged to 3000), least recently accessed first, each reported {@code EVICTED}. An overwrite that
 * keeps the value keeps the creation time, as Chromium does.
 *
 * <h2>Performance</h2>
 * Cookies are grouped by registrable domain, each group kept in header order, so a lookup costs a hash
 * lookup plus the cookies of one site. One lock guards everything; every operation is short.
 *
 * <p>Threading: any thread; thread-safe.
 */
public final class CookieStore {

    static final int MAX_COOKIES_PER_DOMAIN = 180;
    static final int PURGE_COOKIES_PER_DOMAIN_TO = 150;
    static final int MAX_COOKIES = 3300;
    static final int PURGE_COOKIES_TO = 3000;
    static final int MAX_NAME_VALUE_BYTES = 4096;
    static final long MAX_EXPIRY_MILLIS = Duration.ofDays(400).toMillis();

    /** Header order: longest path first, then oldest first. */
    private static final Comparator<Entry> HEADER_ORDER = Comparator
            .comparingInt((Entry e) -> -e.cookie.path().length())
            .thenComparingLong(e -> e.cookie.createdAt())
            .thenComparingLong(e -> e.seq);
    private static final Comparator<Entry> LEAST_RECENTLY_ACCESSED =
            Comparator.comparingLong((Entry e) -> e.lastAccess).thenComparingLong(e -> e.seq);

    /**
     * One change of the store, as reported to {@link #addChangeListener} listeners.
     *
     * @param cookie the cookie added or removed
     * @param cause Chromium's cause
     * @param removed whether {@code cookie} left the store
     */
    public record Change(StoredCookie cookie, CookieChangeCause cause, boolean removed) {
    }

    /** Where a cookie comes from: the rules differ for scripts. */
    private enum Source { HTTP, SCRIPT, API }

    private final Clock clock;
    private final Object lock = new Object();
    /** Registrable domain (or host when it has none) -> its cookies in header order. Guarded by lock. */
    private final Map<String, List<Entry>> bySite = new HashMap<>();
    private final List<Consumer<Change>> changeListeners = new CopyOnWriteArrayList<>();
    private int count;
    private long nextSeq;

    /** A store on the system clock. */
    public CookieStore() {
        this(Clock.systemUTC());
    }

    /** A store whose times (expiry, creation, access) come from {@code clock}. */
    public CookieStore(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock == null");
    }

    /**
     * Calls {@code listener} for every change (not for {@link #restore}), in order, on the thread that
     * made the change and while the store's lock is held: it must be fast (hand the change over to
     * another thread), must not throw and must not call back into the store. This is the hook the
     * public change events and persistence ("the store is dirty") are built on.
     */
    public void addChangeListener(Consumer<Change> listener) {
        changeListeners.add(Objects.requireNonNull(listener, "listener == null"));
    }

    /** Stops calling {@code listener}. */
    public void removeChangeListener(Consumer<Change> listener) {
        changeListeners.remove(listener);
    }

    /**
     * The {@code Cookie} header value for a request to {@code url}, or {@code null} when no cookie applies.
     * A WebSocket handshake passes its URL in http form ({@code ws:} as {@code http:}, {@code wss:} as
     * {@code https:}), so Secure cookies go to {@code wss:} as browsers send them.
     */
    public String cookieHeader(HttpUrl url, CookieContext context) {
        Objects.requireNonNull(context, "context == null");
        String header = join(url, context, true);
        return header.isEmpty() ? null : header;
    }

    /** Stores the cookies of the {@code Set-Cookie} headers of a response from {@code url}. */
    public void receive(HttpUrl url, List<String> setCookieHeaders, CookieContext context) {
        Objects.requireNonNull(context, "context == null");
        for (String header : setCookieHeaders) {
            parseAndStore(url, header, Source.HTTP, context);
        }
    }

    /** {@code document.cookie} for a document at {@code documentUrl}: no HttpOnly cookies; "" when none. */
    public String scriptCookies(HttpUrl documentUrl) {
        return join(documentUrl, CookieContext.SAME_SITE, false);
    }

    /**
     * A {@code document.cookie = cookieString} write from a document at {@code documentUrl}: parsed as a
     * {@code Set-Cookie} line in a same-site context; ignored when it says {@code HttpOnly} or would
     * overwrite an HttpOnly cookie, as browsers do.
     */
    public void setFromScript(HttpUrl documentUrl, String cookieString) {
        parseAndStore(documentUrl, cookieString, Source.SCRIPT, CookieContext.SAME_SITE);
    }

    /**
     * Sets {@code cookie} through the API ({@code cookies.set}), for {@code url}: the domain, path and
     * flags are taken as given (the caller validated the URL, domain-match, name and value); the store's
     * times are its own.
     *
     * @throws IllegalArgumentException naming the rule when the store refuses the cookie
     */
    public void set(HttpUrl url, StoredCookie cookie) {
        StoredCookie candidate = cookie;
        if (!candidate.hostOnly() && Domains.registrableDomain(candidate.domain()) == null) {
            if (!candidate.domain().equals(url.host())) {
                throw new IllegalArgumentException("domain is a public suffix: '" + candidate.domain() + "'");
            }
            candidate = withHostOnly(candidate);
        }
        String refusal = store(url, candidate, Source.API, true, CookieContext.SAME_SITE);
        if (refusal != null) {
            throw new IllegalArgumentException(refusal);
        }
    }

    /** The cookies named {@code name} that apply to {@code url} (SameSite and HttpOnly aside) are removed ({@code EXPLICIT}). */
    public void remove(HttpUrl url, String name) {
        Objects.requireNonNull(name, "name == null");
        synchronized (lock) {
            List<Entry> site = bySite.get(siteOf(url.host()));
            if (site == null) {
                return;
            }
            long now = clock.millis();
            for (int i = 0; i < site.size(); i++) {
                Entry entry = site.get(i);
                if (entry.cookie.name().equals(name) && applies(entry, url, now, null, true)) {
                    removeAt(site, i--, CookieChangeCause.EXPLICIT);
                }
            }
            dropIfEmpty(siteOf(url.host()), site);
        }
    }

    /**
     * The cookies that apply to {@code url}, SameSite aside, HttpOnly ones included, in header order
     * (what {@code cookies.get({url})} reports); expired ones met on the way are dropped.
     */
    public List<StoredCookie> cookiesFor(HttpUrl url) {
        List<StoredCookie> result = new ArrayList<>();
        synchronized (lock) {
            long now = clock.millis();
            forEachApplying(url, now, null, true, entry -> result.add(entry.toStored()));
        }
        return result;
    }

    /** Every unexpired cookie in the store, in header order (for persistence, {@code cookies.get} and tests). */
    public List<StoredCookie> snapshot() {
        List<Entry> all = new ArrayList<>();
        synchronized (lock) {
            long now = clock.millis();
            for (List<Entry> site : bySite.values()) {
                for (Entry entry : site) {
                    if (!entry.expired(now)) {
                        all.add(entry.copy());
                    }
                }
            }
        }
        all.sort(HEADER_ORDER);
        List<StoredCookie> result = new ArrayList<>(all.size());
        for (Entry entry : all) {
            result.add(entry.toStored());
        }
        return result;
    }

    /**
     * Puts {@code cookies} back as they were saved (times included), replacing equivalent ones, without
     * reporting changes; expired ones are skipped. For persistence at startup. Limits are applied by the
     * next change.
     */
    public void restore(List<StoredCookie> cookies) {
        synchronized (lock) {
            long now = clock.millis();
            for (StoredCookie cookie : cookies) {
                if (cookie.persistent() && cookie.expiresAt() <= now) {
                    continue;
                }
                String key = siteOf(cookie.domain());
                List<Entry> site = bySite.computeIfAbsent(key, k -> new ArrayList<>());
                int old = indexOfEquivalent(site, cookie);
                if (old >= 0) {
                    site.remove(old);
                    count--;
                }
                insertSorted(site, new Entry(cookie, nextSeq++, cookie.lastAccessAt()));
                count++;
            }
        }
    }

    /** How many cookies the store holds, expired ones not yet dropped included. */
    public int size() {
        synchronized (lock) {
            return count;
        }
    }

    // ---------------------------------------------------------------- matching

    private String join(HttpUrl url, CookieContext context, boolean httpOnlyToo) {
        StringBuilder header = new StringBuilder();
        synchronized (lock) {
            long now = clock.millis();
            forEachApplying(url, now, context, httpOnlyToo, entry -> {
                entry.lastAccess = now;
                if (!header.isEmpty()) {
                    header.append("; ");
                }
                if (!entry.cookie.name().isEmpty()) {
                    header.append(entry.cookie.name()).append('=');
                }
                header.append(entry.cookie.value());
            });
        }
        return header.toString();
    }

    /** Calls {@code action} for each cookie that applies, in header order, dropping expired ones. Lock held. */
    private void forEachApplying(HttpUrl url, long now, CookieContext context, boolean httpOnlyToo,
                                 Consumer<Entry> action) {
        String key = siteOf(url.host());
        List<Entry> site = bySite.get(key);
        if (site == null) {
            return;
        }
        for (int i = 0; i < site.size(); i++) {
            Entry entry = site.get(i);
            if (entry.expired(now)) {
                removeAt(site, i--, CookieChangeCause.EXPIRED);
            } else if (applies(entry, url, now, context, httpOnlyToo)) {
                action.accept(entry);
            }
        }
        dropIfEmpty(key, site);
    }

    private static boolean applies(Entry entry, HttpUrl url, long now, CookieContext context, boolean httpOnlyToo) {
        StoredCookie cookie = entry.cookie;
        return !entry.expired(now)
                && (httpOnlyToo || !cookie.httpOnly())
                && (!cookie.secure() || url.isHttps())
                && (cookie.hostOnly() ? url.host().equals(cookie.domain()) : Domains.domainMatches(url.host(), cookie.domain()))
                && pathMatches(url.encodedPath(), cookie.path())
                && (context == null || sameSiteAllows(cookie.sameSite(), context));
    }

    /** RFC 6265 path-match. */
    static boolean pathMatches(String requestPath, String cookiePath) {
        if (requestPath.equals(cookiePath)) {
            return true;
        }
        return requestPath.startsWith(cookiePath)
                && (cookiePath.endsWith("/") || requestPath.charAt(cookiePath.length()) == '/');
    }

    static boolean sameSiteAllows(SameSite sameSite, CookieContext context) {
        return switch (sameSite) {
            case NO_RESTRICTION -> true;
            case STRICT -> context.sameSite();
            case LAX, UNSPECIFIED -> context.sameSite() || (context.topLevelNavigation() && context.safeMethod());
        };
    }

    // ---------------------------------------------------------------- setting

    private void parseAndStore(HttpUrl url, String line, Source source, CookieContext context) {
        SetCookieAttributes attributes = SetCookieAttributes.scan(line);
        // Domain is applied here: OkHttp's public-suffix check cannot load its list on the module path (see Domains)
        okhttp3.Cookie parsed = okhttp3.Cookie.parse(url, attributes.lineWithoutDomain());
        if (parsed == null) {
            return;
        }
        String host = url.host();
        String domain = host;
        boolean hostOnly = true;
        if (attributes.domain() != null) {
            String canonical = Domains.canonical(attributes.domain());
            if (canonical != null) {
                if (!Domains.domainMatches(host, canonical)) {
                    return;
                }
                if (Domains.registrableDomain(canonical) == null && !canonical.equals(host)) {
                    return;
                }
                domain = canonical;
                hostOnly = Domains.registrableDomain(canonical) == null;
            }
        }
        long now = clock.millis();
        boolean persistent = attributes.maxAge() != null || parsed.persistent();
        long expiresAt;
        if (attributes.maxAge() != null) {
            long seconds = attributes.maxAge();
            expiresAt = seconds <= 0 ? Long.MIN_VALUE : now + Math.min(seconds, MAX_EXPIRY_MILLIS / 1000) * 1000;
        } else {
            expiresAt = parsed.persistent() ? parsed.expiresAt() : Long.MAX_VALUE;
        }
        StoredCookie cookie = new StoredCookie(parsed.name(), parsed.value(), domain, hostOnly, parsed.path(),
                parsed.secure(), parsed.httpOnly(), attributes.sameSite(), persistent, expiresAt, now, now);
        store(url, cookie, source, attributes.hasPath(), context);
    }

    /**
     * Applies the rules this class adds to the parser's and stores {@code cookie}.
     *
     * @param hasPathAttribute whether the path was given (not defaulted), for {@code __Host-}
     * @return {@code null} when stored (or when it only expired an old one), else why it was refused
     */
    private String store(HttpUrl url, StoredCookie cookie, Source source, boolean hasPathAttribute,
                         CookieContext context) {
        String refusal = refusal(url, cookie, source, hasPathAttribute, context);
        if (refusal != null) {
            return refusal;
        }
        synchronized (lock) {
            long now = clock.millis();
            String key = siteOf(cookie.domain());
            List<Entry> site = bySite.computeIfAbsent(key, k -> new ArrayList<>());
            if (!cookie.secure() && !url.isHttps() && shadowsSecureCookie(site, cookie)) {
                dropIfEmpty(key, site);
                return "an insecure URL cannot overwrite a Secure cookie: '" + cookie.name() + "'";
            }
            int oldIndex = indexOfEquivalent(site, cookie);
            Entry old = oldIndex < 0 ? null : site.get(oldIndex);
            if (old != null && old.cookie.httpOnly() && source == Source.SCRIPT) {
                return "a script cannot overwrite an HttpOnly cookie: '" + cookie.name() + "'";
            }
            boolean expired = cookie.persistent() && cookie.expiresAt() <= now;
            if (old != null) {
                removeAt(site, oldIndex, expired ? CookieChangeCause.EXPIRED_OVERWRITE : CookieChangeCause.OVERWRITE);
            }
            if (expired) {
                dropIfEmpty(key, site);
                return null;
            }
            boolean sameValue = old != null && old.cookie.value().equals(cookie.value());
            long expiresAt = cookie.persistent() ? Math.min(cookie.expiresAt(), cappedExpiry(now)) : Long.MAX_VALUE;
            StoredCookie stored = new StoredCookie(cookie.name(), cookie.value(), cookie.domain(), cookie.hostOnly(),
                    cookie.path(), cookie.secure(), cookie.httpOnly(), cookie.sameSite(), cookie.persistent(),
                    expiresAt, sameValue ? old.cookie.createdAt() : now, now);
            Entry entry = new Entry(stored, nextSeq++, now);
            insertSorted(site, entry);
            count++;
            CookieChangeCause cause = CookieChangeCause.INSERTED;
            if (sameValue) {
                cause = sameAttributes(old.cookie, stored) ? CookieChangeCause.INSERTED_NO_CHANGE_OVERWRITE
                        : CookieChangeCause.INSERTED_NO_VALUE_CHANGE_OVERWRITE;
            }
            emit(stored, cause, false);
            enforceLimits(key, site, now);
        }
        return null;
    }

    private static long cappedExpiry(long now) {
        return now > Long.MAX_VALUE - MAX_EXPIRY_MILLIS ? Long.MAX_VALUE : now + MAX_EXPIRY_MILLIS;
    }

    /** The rules that need no look at other cookies; {@code null} when none refuses {@code cookie}. */
    private static String refusal(HttpUrl url, StoredCookie cookie, Source source, boolean hasPathAttribute,
                                  CookieContext context) {
        String name = cookie.name();
        int size = cookie.name().getBytes(StandardCharsets.UTF_8).length
                + cookie.value().getBytes(StandardCharsets.UTF_8).length;
        if (size > MAX_NAME_VALUE_BYTES) {
            return "name and value are longer than " + MAX_NAME_VALUE_BYTES + " bytes (" + size + "): '" + name + "'";
        }
        if (cookie.httpOnly() && source == Source.SCRIPT) {
            return "a script cannot set an HttpOnly cookie: '" + name + "'";
        }
        if (cookie.secure() && !url.isHttps()) {
            return "a Secure cookie needs an https URL: '" + name + "' from '" + url + "'";
        }
        if (cookie.sameSite() == SameSite.NO_RESTRICTION && !cookie.secure()) {
            return "SameSite=None needs Secure: '" + name + "'";
        }
        if (startsWithIgnoreCase(name, "__Secure-") && !cookie.secure()) {
            return "a __Secure- cookie needs Secure: '" + name + "'";
        }
        if (startsWithIgnoreCase(name, "__Host-")
                && (!cookie.secure() || !cookie.hostOnly() || !cookie.path().equals("/") || !hasPathAttribute)) {
            return "a __Host- cookie needs Secure, no domain and path '/': '" + name + "'";
        }
        if (!context.sameSite() && !context.topLevelNavigation() && cookie.sameSite() != SameSite.NO_RESTRICTION) {
            return "a cross-site response can only set SameSite=None cookies: '" + name + "'";
        }
        return null;
    }

    /** RFC 6265bis 5.7 step 19: a non-secure cookie must not shadow a secure one. Lock held. */
    private static boolean shadowsSecureCookie(List<Entry> site, StoredCookie cookie) {
        for (Entry entry : site) {
            StoredCookie existing = entry.cookie;
            if (existing.secure() && existing.name().equals(cookie.name())
                    && (domainsMatchEitherWay(existing.domain(), cookie.domain()))
                    && pathMatches(cookie.path(), existing.path())) {
                return true;
            }
        }
        return false;
    }

    private static boolean domainsMatchEitherWay(String a, String b) {
        return a.equals(b) || Domains.isSubdomain(a, b) || Domains.isSubdomain(b, a);
    }

    /** Equivalent cookies (same name, domain, host-only flag and path) replace each other. Lock held. */
    private static int indexOfEquivalent(List<Entry> site, StoredCookie cookie) {
        for (int i = 0; i < site.size(); i++) {
            StoredCookie existing = site.get(i).cookie;
            if (existing.name().equals(cookie.name()) && existing.domain().equals(cookie.domain())
                    && existing.hostOnly() == cookie.hostOnly() && existing.path().equals(cookie.path())) {
                return i;
            }
        }
        return -1;
    }

    /** Everything but the times (creation, last access) is equal; the expiry counts. */
    private static boolean sameAttributes(StoredCookie a, StoredCookie b) {
        return a.value().equals(b.value()) && a.secure() == b.secure() && a.httpOnly() == b.httpOnly()
                && a.sameSite() == b.sameSite() && a.persistent() == b.persistent() && a.expiresAt() == b.expiresAt();
    }

    // ---------------------------------------------------------------- limits and removal

    /** Chromium's limits: per registrable domain, then in all, least recently accessed first. Lock held. */
    private void enforceLimits(String key, List<Entry> site, long now) {
        if (site.size() > MAX_COOKIES_PER_DOMAIN) {
            for (int i = 0; i < site.size(); i++) {
                if (site.get(i).expired(now)) {
                    removeAt(site, i--, CookieChangeCause.EXPIRED);
                }
            }
            if (site.size() > MAX_COOKIES_PER_DOMAIN) {
                List<Entry> oldest = new ArrayList<>(site);
                oldest.sort(LEAST_RECENTLY_ACCESSED);
                for (Entry entry : oldest.subList(0, site.size() - PURGE_COOKIES_PER_DOMAIN_TO)) {
                    removeAt(site, site.indexOf(entry), CookieChangeCause.EVICTED);
                }
            }
        }
        if (count > MAX_COOKIES) {
            List<Entry> all = new ArrayList<>(count);
            bySite.values().forEach(all::addAll);
            all.sort(LEAST_RECENTLY_ACCESSED);
            for (Entry entry : all.subList(0, count - PURGE_COOKIES_TO)) {
                String entryKey = siteOf(entry.cookie.domain());
                List<Entry> entrySite = bySite.get(entryKey);
                removeAt(entrySite, entrySite.indexOf(entry), CookieChangeCause.EVICTED);
                dropIfEmpty(entryKey, entrySite);
            }
        }
        dropIfEmpty(key, site);
    }

    /** Removes the entry at {@code index} and reports it. Lock held. */
    private void removeAt(List<Entry> site, int index, CookieChangeCause cause) {
        Entry entry = site.remove(index);
        count--;
        emit(entry.toStored(), cause, true);
    }

    private void dropIfEmpty(String key, List<Entry> site) {
        if (site.isEmpty()) {
            bySite.remove(key, site);
        }
    }

    private static void insertSorted(List<Entry> site, Entry entry) {
        int low = 0;
        int high = site.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (HEADER_ORDER.compare(site.get(middle), entry) <= 0) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        site.add(low, entry);
    }

    private void emit(StoredCookie cookie, CookieChangeCause cause, boolean removed) {
        if (!changeListeners.isEmpty()) {
            Change change = new Change(cookie, cause, removed);
            for (Consumer<Change> listener : changeListeners) {
                listener.accept(change);
            }
        }
    }

    // ---------------------------------------------------------------- domains

    /** The registrable domain (eTLD+1) of {@code host}, or the host itself when it has none (IPs, suffixes). */
    private static String siteOf(String host) {
        String site = Domains.registrableDomain(host);
        return site == null ? host : site;
    }

    private static boolean startsWithIgnoreCase(String text, String prefix) {
        return text.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    private static StoredCookie withHostOnly(StoredCookie c) {
        return new StoredCookie(c.name(), c.value(), c.domain(), true, c.path(), c.secure(), c.httpOnly(),
                c.sameSite(), c.persistent(), c.expiresAt(), c.createdAt(), c.lastAccessAt());
    }

    /** A stored cookie and its mutable access time. */
    private static final class Entry {
        final StoredCookie cookie;
        final long seq;
        long lastAccess;

        Entry(StoredCookie cookie, long seq, long lastAccess) {
            this.cookie = cookie;
            this.seq = seq;
            this.lastAccess = lastAccess;
        }

        boolean expired(long now) {
            return cookie.persistent() && cookie.expiresAt() <= now;
        }

        Entry copy() {
            return new Entry(cookie, seq, lastAccess);
        }

        StoredCookie toStored() {
            StoredCookie c = cookie;
            return lastAccess == c.lastAccessAt() ? c : new StoredCookie(c.name(), c.value(), c.domain(),
                    c.hostOnly(), c.path(), c.secure(), c.httpOnly(), c.sameSite(), c.persistent(), c.expiresAt(),
                    c.createdAt(), lastAccess);
        }
    }

    /**
     * What this class reads from the raw {@code Set-Cookie} line itself: the last occurrence of each
     * attribute wins, names are case-insensitive.
     *
     * @param sameSite the SameSite policy ({@code UNSPECIFIED} when absent or unknown)
     * @param maxAge {@code Max-Age} in seconds ({@code <= 0}: expired), {@code null} when absent or invalid
     * @param hasPath whether a {@code Path} attribute starting with {@code /} was given
     * @param domain the last non-empty {@code Domain} attribute's value, {@code null} when none
     * @param lineWithoutDomain the line without its {@code Domain} attributes, for OkHttp's parser
     */
    record SetCookieAttributes(SameSite sameSite, Long maxAge, boolean hasPath, String domain,
                               String lineWithoutDomain) {

        static SetCookieAttributes scan(String line) {
            SameSite sameSite = SameSite.UNSPECIFIED;
            Long maxAge = null;
            boolean hasPath = false;
            String domain = null;
            int start = line.indexOf(';');
            StringBuilder withoutDomain = new StringBuilder(line.length()).append(line, 0, start < 0 ? line.length() : start);
            while (start >= 0) {
                int end = line.indexOf(';', start + 1);
                String attribute = line.substring(start + 1, end < 0 ? line.length() : end);
                int equals = attribute.indexOf('=');
                String name = (equals < 0 ? attribute : attribute.substring(0, equals)).trim().toLowerCase(Locale.ROOT);
                String value = equals < 0 ? "" : attribute.substring(equals + 1).trim();
                switch (name) {
                    case "samesite" -> sameSite = sameSiteOf(value);
                    case "max-age" -> {
                        Long parsed = maxAgeOf(value);
                        maxAge = parsed != null ? parsed : maxAge;
                    }
                    case "path" -> hasPath = value.startsWith("/");
                    case "domain" -> domain = value.isEmpty() ? domain : value;
                    default -> {
                        // other attributes are OkHttp's
                    }
                }
                if (!name.equals("domain")) {
                    withoutDomain.append(';').append(attribute);
                }
                start = end;
            }
            return new SetCookieAttributes(sameSite, maxAge, hasPath, domain, withoutDomain.toString());
        }

        private static SameSite sameSiteOf(String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "none" -> SameSite.NO_RESTRICTION;
                case "lax" -> SameSite.LAX;
                case "strict" -> SameSite.STRICT;
                default -> SameSite.UNSPECIFIED;
            };
        }

        /** As OkHttp reads it: {@code -?[0-9]+}, overflow clamped. */
        private static Long maxAgeOf(String value) {
            int digits = value.startsWith("-") ? 1 : 0;
            if (digits == value.length()) {
                return null;
            }
            for (int i = digits; i < value.length(); i++) {
                if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                    return null;
                }
            }
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException overflow) {
                return value.startsWith("-") ? Long.MIN_VALUE : Long.MAX_VALUE;
            }
        }
    }
}
