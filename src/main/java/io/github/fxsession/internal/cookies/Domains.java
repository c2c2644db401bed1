package io.github.fxsession.internal.cookies;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.module.ModuleReader;
import java.lang.module.ResolvedModule;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.HttpUrl;

/**
 * Cookie domain rules: canonical domains, domain-match, and registrable domains (eTLD+1) from the
 * public suffix list.
 *
 * <p>The list is OkHttp's own copy ({@code okhttp3/internal/publicsuffix/PublicSuffixDatabase.list},
 * kept current with each OkHttp release), but read here rather than through
 * {@link HttpUrl#topPrivateDomain()} or the public-suffix check of {@link okhttp3.Cookie#parse}: when
 * OkHttp runs as the named module {@code okhttp3} (on the module path, as this library's tests and
 * modular applications run it), OkHttp 5.5.1 cannot load its list (the resource is in a package the
 * module does not open, and OkHttp asks the class loader for it), and both methods throw
 * {@code IllegalStateException: Unable to load okhttp3/internal/publicsuffix/PublicSuffixDatabase.list
 * resource}. A {@link ModuleReader} reads it whatever the module exports; on the class path the class
 * loader does.
 *
 * <p>Threading: any thread.
 */
final class Domains {

    private static final String LIST_RESOURCE = "okhttp3/internal/publicsuffix/PublicSuffixDatabase.list";
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

    /**
     * The registrable domain (eTLD+1) of a canonical host, such as {@code example.co.uk} for
     * {@code www.example.co.uk}; {@code null} for IP addresses and public suffixes ({@code com},
     * {@code github.io}, and single-label hosts such as {@code localhost}, by the list's default rule).
     */
    static String registrableDomain(String host) {
        String cached = REGISTRABLE.get(host);
        if (cached == null) {
            String computed = isIpAddress(host) ? null : SuffixList.INSTANCE.registrableDomain(host);
            cached = computed == null ? "" : computed;
            if (REGISTRABLE.size() >= CACHE_SIZE) {
                REGISTRABLE.clear();
            }
            REGISTRABLE.put(host, cached);
        }
        return cached.isEmpty() ? null : cached;
    }

    /** The rules of the public suffix list, loaded once, at first use. */
    private static final class SuffixList {
        static final SuffixList INSTANCE = load();

        /** Plain and wildcard ({@code *.ck}) rules, with Unicode labels as in the list. */
        private final Set<String> rules;
        /** Exception rules, without their {@code !}. */
        private final Set<String> exceptions;

        private SuffixList(Set<String> rules, Set<String> exceptions) {
            this.rules = rules;
            this.exceptions = exceptions;
        }

        /** OkHttp's format: a big-endian length and the newline-separated rules, then the same for exceptions. */
        private static SuffixList load() {
            try (InputStream in = open(); DataInputStream data = new DataInputStream(in)) {
                return new SuffixList(readSection(data), readSection(data));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read OkHttp's public suffix list " + LIST_RESOURCE, e);
            }
        }

        private static Set<String> readSection(DataInputStream data) throws IOException {
            byte[] bytes = new byte[data.readInt()];
            data.readFully(bytes);
            Set<String> section = new HashSet<>();
            for (String rule : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
                if (!rule.isEmpty()) {
                    section.add(rule);
                }
            }
            return section;
        }

        private static InputStream open() throws IOException {
            Module okhttp = HttpUrl.class.getModule();
            if (okhttp.isNamed() && okhttp.getLayer() != null) {
                Optional<ResolvedModule> resolved = okhttp.getLayer().configuration().findModule(okhttp.getName());
                if (resolved.isPresent()) {
                    ModuleReader reader = resolved.get().reference().open();
                    Optional<InputStream> in = reader.open(LIST_RESOURCE);
                    if (in.isPresent()) {
                        return new ClosingBoth(in.get(), reader);
                    }
                    reader.close();
                }
            }
            ClassLoader loader = HttpUrl.class.getClassLoader();
            InputStream in = loader == null ? null : loader.getResourceAsStream(LIST_RESOURCE);
            if (in == null) {
                throw new IOException("resource not found");
            }
            return in;
        }

        /** The public suffix rules of publicsuffix.org: exceptions first, then the longest rule, else "*". */
        String registrableDomain(String host) {
            String[] ascii = host.split("\\.", -1);
            String[] labels = new String[ascii.length];
            for (int i = 0; i < ascii.length; i++) {
                labels[i] = ascii[i].startsWith("xn--") ? IDN.toUnicode(ascii[i], IDN.ALLOW_UNASSIGNED) : ascii[i];
            }
            int suffixStart = -1;
            for (int i = 0; i < labels.length && suffixStart < 0; i++) {
                if (exceptions.contains(join(labels, i))) {
                    suffixStart = i + 1;
                }
            }
            for (int i = 0; i < labels.length && suffixStart < 0; i++) {
                if (rules.contains(join(labels, i)) || (i + 1 < labels.length && rules.contains("*." + join(labels, i + 1)))) {
                    suffixStart = i;
                }
            }
            if (suffixStart < 0) {
                suffixStart = labels.length - 1;
            }
            return suffixStart == 0 ? null : join(ascii, suffixStart - 1);
        }

        private static String join(String[] labels, int from) {
            return String.join(".", java.util.Arrays.asList(labels).subList(from, labels.length));
        }
    }

    /** The list's stream, closing its module reader too. */
    private static final class ClosingBoth extends java.io.FilterInputStream {
        private final ModuleReader reader;

        ClosingBoth(InputStream in, ModuleReader reader) {
            super(in);
            this.reader = reader;
        }

        @Override
        public void close() throws IOException {
            try {
                super.close();
            } finally {
                reader.close();
            }
        }
    }
}
