package io.github.fxsession.internal.cookies;

import com.google.common.net.InternetDomainName;
import java.util.Locale;

/**
 * The public suffix list (publicsuffix.org), through Guava's compiled copy.
 *
 * <p>OkHttp carries the list as a resource of a package its module does not open, so on the module
 * path ({@code HttpUrl.topPrivateDomain()}, {@code Cookie.parse} of a domain cookie) it fails with
 * "Unable to load PublicSuffixDatabase.list resource". Everything here works on the class path and the
 * module path alike.
 *
 * <p>Threading: any thread.
 */
public final class PublicSuffixes {

    private PublicSuffixes() {
    }

    /**
     * The registrable domain (eTLD+1) of {@code host}: {@code example.co.uk} for
     * {@code a.b.example.co.uk}. IP literals, single labels such as
     * {@code localhost}, and public suffixes themselves are their own key.
     */
    public static String registrableDomain(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        if (isIpLiteral(lower) || !InternetDomainName.isValid(lower)) {
            return lower;
        }
        InternetDomainName name = InternetDomainName.from(lower);
        if (!name.isUnderPublicSuffix()) {
            return lower;
        }
        return name.topPrivateDomain().toString();
    }

    /** Whether {@code domain} is itself a public suffix ({@code com}, {@code co.uk}, {@code github.io}). */
    public static boolean isPublicSuffix(String domain) {
        String lower = domain.toLowerCase(Locale.ROOT);
        return !isIpLiteral(lower) && InternetDomainName.isValid(lower)
                && InternetDomainName.from(lower).isPublicSuffix();
    }

    static boolean isIpLiteral(String host) {
        return host.indexOf(':') >= 0 || host.matches("[0-9.]+");
    }
}
