package io.github.fxsession.internal.cookies;

import com.google.common.net.InternetDomainName;
import java.net.IDN;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.HttpUrl;

/**
 * Cookie domain rules: canonical domains, domain-match, and registrable domains (eTLD+1) from the
 * public suffix list (publicsuffix.org).
 *
 * <p>The list comes from Guava's {@link InternetDomainName}, which compiles it into classes. OkHttp's
 * own copy cannot serve here: when OkHttp runs as the named module {@code okhttp3} (on the module path,
 * as this library's tests and modular applications run it), OkHttp 5.5.1 cannot load it (the resource
 * is in a package the module does not open), and both {@link HttpUrl#topPrivateDomain()} and the
 * public-suffix check of {@link okhttp3.Cookie#parse} throw {@code IllegalStateException: Unable to load
 * okhttp3/internal/publicsuffix/PublicSuffixDatabase.list resource}. The store therefore never lets
 * OkHttp see a {@code Domain} attribute.
 *
 * <p>Threading: any thread.
 */
final class Domains {

    private static final int CACHE_SIZE = 10_000;
    private static final Map<String, String> REGISTRABLE = new ConcurrentHashMap<>();

    private Domains() {
    }

    /**
     * The canonical form of a {@code Domain} attribute or API domain: one leading dot dropped, lower
     * case, punycode; {@code null} when it is empty, ends with a dot or is no valid host.
     */
    static String canonical(String domain) {
        String bare = domain.startsWith(".") ? domain.substring(1) : domain;
        boolean bracketedIpv6 = bare.startsWith("[") && bare.endsWith("]");
        if (bare.isEmpty() || bare.endsWith(".") || bare.contains("/") || bare.contains("@")
                || (bare.contains(":") && !bracketedIpv6)) {
            return null;
        }
        if (isPlainAsciiHost(bare)) {
            return bare.toLowerCase(Locale.ROOT);
        }
        HttpUrl url = HttpUrl.parse("http://" + bare + "/");
        return url == null ? null : url.host();
    }

    /** Letters, digits, {@code -} and non-empty labels: canonical once lower-cased (the common case, no IDN work). */
    private static boolean isPlainAsciiHost(String host) {
        char previous = '.';
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            boolean letterOrDigit = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (!letterOrDigit && c != '-' && !(c == '.' && previous != '.')) {
                return false;
            }
            previous = c;
        }
        return !host.startsWith("xn--") && !host.contains(".xn--") && !isIpAddress(host);
    }

    /** Whether a cookie for {@code domain} may be sent to {@code host}: equal, or a subdomain when not an IP. */
    static boolean domainMatches(String host, String domain) {
        return host.equals(domain) || (isSubdomain(host, domain) && !isIpAddress(host));
    }

    /** Whether {@code host} ends with {@code "." + domain}. */
    static boolean isSubdomain(String host, String domain) {
        return host.length() > domain.length() && host.endsWith(domain)
                && host.charAt(host.length() - domain.length() - 1) == '.';
    }

    /** Whether a canonical host (as {@link HttpUrl#host()} gives it) is an IPv4 or IPv6 address. */
    static boolean isIpAddress(String host) {
        if (host.indexOf(':') >= 0) {
            return true;
        }
        if (host.isEmpty()) {
            return false;
        }
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if ((c < '0' || c > '9') && c != '.') {
                return false;
            }
        }
        return true;
    }

    private static String topPrivateDomain(String host) {
        if (!InternetDomainName.isValid(host)) {
            return null;
        }
        InternetDomainName name = InternetDomainName.from(host);
        if (name.isUnderPublicSuffix()) {
            return name.topPrivateDomain().toString();
        }
        if (name.hasPublicSuffix() || name.parts().size() < 2) {
            return null;
        }
        // The list's default rule "*": an unlisted top-level label is a public suffix by itself.
        java.util.List<String> parts = name.parts();
        return parts.get(parts.size() - 2) + "." + parts.get(parts.size() - 1);
    }

    /**
     * The registrable domain (eTLD+1) of a canonical host, such as {@code example.co.uk} for
     * {@code www.example.co.uk}; {@code null} for IP addresses and public suffixes ({@code com},
     * {@code github.io}, and single-label hosts such as {@code localhost}, by the list's default rule).
     */
    static String registrableDomain(String host) {
        String cached = REGISTRABLE.get(host);
        if (cached == null) {
            String computed = isIpAddress(host) ? null : topPrivateDomain(host);
            cached = computed == null ? "" : computed;
            if (REGISTRABLE.size() >= CACHE_SIZE) {
                REGISTRABLE.clear();
            }
            REGISTRABLE.put(host, cached);
        }
        return cached.isEmpty() ? null : cached;
    }
}
