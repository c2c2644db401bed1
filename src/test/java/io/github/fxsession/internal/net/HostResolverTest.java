package io.github.fxsession.internal.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Dns;
import org.junit.jupiter.api.Test;

/** A partition's resolver cache keeps answers for its TTL and forgets them when cleared. */
class HostResolverTest {

    private final AtomicInteger lookups = new AtomicInteger();
    private final AtomicLong now = new AtomicLong();
    private final Dns counting = host -> {
        lookups.incrementAndGet();
        if (host.endsWith(".invalid")) {
            throw new UnknownHostException(host);
        }
        return List.of(InetAddress.getByAddress(host, new byte[] {127, 0, 0, (byte) lookups.get()}));
    };
    private final HostResolver resolver = new HostResolver(counting, now::get, Duration.ofSeconds(60));

    @Test
    void answersAreReusedWithinTheTtl() throws Exception {
        InetAddress first = resolver.lookup("a.test").get(0);
        now.addAndGet(Duration.ofSeconds(59).toNanos());
        assertThat(resolver.lookup("A.test").get(0)).isEqualTo(first);
        assertThat(lookups).hasValue(1);
    }

    @Test
    void answersExpireAfterTheTtl() throws Exception {
        resolver.lookup("a.test");
        now.addAndGet(Duration.ofSeconds(60).toNanos());
        resolver.lookup("a.test");
        assertThat(lookups).hasValue(2);
    }

    @Test
    void clearingMakesTheNextLookupResolveAgain() throws Exception {
        resolver.lookup("a.test");
        resolver.clear();
        assertThat(resolver.lookup("a.test").get(0).getAddress()[3]).isEqualTo((byte) 2);
        assertThat(lookups).hasValue(2);
    }

    @Test
    void failuresAreNotCached() {
        assertThatThrownBy(() -> resolver.lookup("gone.invalid")).isInstanceOf(UnknownHostException.class);
        assertThatThrownBy(() -> resolver.lookup("gone.invalid")).isInstanceOf(UnknownHostException.class);
        assertThat(lookups).hasValue(2);
    }

    @Test
    void theCacheIsBounded() throws Exception {
        for (int i = 0; i <= HostResolver.MAX_ENTRIES; i++) {
            resolver.lookup("h" + i + ".test");
        }
        resolver.lookup("h1.test");
        assertThat(lookups).hasValue(HostResolver.MAX_ENTRIES + 2);
    }
}
