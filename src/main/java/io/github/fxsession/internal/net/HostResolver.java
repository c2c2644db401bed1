package io.github.fxsession.internal.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import okhttp3.Dns;

/**
 * A partition's host resolver cache (its client's {@link Dns}): positive answers of the system resolver
 * are kept {@link #TTL} (60 s), Chromium's own TTL for answers of the system resolver, which reports no
 * TTL; failures are not cached. {@link #clear()} (Electron's {@code clearHostResolverCache}) makes the next
 * request resolve again.
 *
 * <p>Below this cache the JDK keeps its own JVM-wide cache of {@code InetAddress} answers for
 * {@code networkaddress.cache.ttl} seconds (30 by default), which no public API can clear: a changed DNS
 * record can take that long more to show after a clear. Applications that need it shorter set that
 * security property at start-up. dnsjava could bypass it with real record TTLs, but it would also
 * replace the platform's resolver configuration (hosts file, search domains, mDNS, VPN split DNS) with
 * its own reading of it; the system resolver is the one WebView and the rest of the JVM use.
 *
 * <p>Threading: any thread.
 */
public final class HostResolver implements Dns {

    /** How long an answer is kept. */
    public static final Duration TTL = Duration.ofSeconds(60);
    /** The most hosts kept; Chromium's host cache holds 1000 entries too. */
    static final int MAX_ENTRIES = 1000;

    private record Entry(List<InetAddress> addresses, long expiresAtNanos) {
    }

    private final Map<String, Entry> cache = new ConcurrentHashMap<>();
    private final LongSupplier nanoClock;
    private final long ttlNanos;
    private volatile Dns delegate;

    public HostResolver() {
        this(Dns.SYSTEM, System::nanoTime, TTL);
    }

    HostResolver(Dns delegate, LongSupplier nanoClock, Duration ttl) {
        this.delegate = Objects.requireNonNull(delegate, "delegate == null");
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock == null");
        this.ttlNanos = ttl.toNanos();
    }

    @Override
    public List<InetAddress> lookup(String hostname) throws UnknownHostException {
        String key = hostname.toLowerCase(java.util.Locale.ROOT);
        long now = nanoClock.getAsLong();
        Entry entry = cache.get(key);
        if (entry != null && now - entry.expiresAtNanos < 0) {
            return entry.addresses;
        }
        List<InetAddress> addresses = List.copyOf(delegate.lookup(hostname));
        if (cache.size() >= MAX_ENTRIES) {
            cache.values().removeIf(e -> now - e.expiresAtNanos >= 0);
            if (cache.size() >= MAX_ENTRIES) {
                cache.clear();
            }
        }
        cache.put(key, new Entry(addresses, now + ttlNanos));
        return addresses;
    }

    /** Forgets every answer: the next lookup of each host asks the resolver again. */
    public void clear() {
        cache.clear();
    }

    /**
     * Replaces the resolver below the cache (the system resolver by default) and clears the cache. For
     * tests that need to control name resolution of a real session.
     */
    public void setDelegate(Dns newDelegate) {
        delegate = Objects.requireNonNull(newDelegate, "delegate == null");
        clear();
    }
}
