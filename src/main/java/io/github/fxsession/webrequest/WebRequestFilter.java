package io.github.fxsession.webrequest;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Which requests a listener sees (Electron's {@code WebRequestFilter}): URL patterns to include and
 * exclude and resource types. Empty {@code urls} means every URL, empty {@code types} every type.
 *
 * <pre>{@code
 * WebRequestFilter filter = WebRequestFilter.of("*://*.example.com/*", "app://bundle/*");
 * WebRequestFilter images = new WebRequestFilter(List.of("<all_urls>"), List.of(), Set.of(ResourceType.IMAGE));
 * }</pre>
 *
 * <p>Patterns follow Chromium's match patterns: {@code <all_urls>}, or
 * {@code scheme://host[:port]/path}, where the scheme is {@code *} (http and https) or a scheme name,
 * the host is {@code *}, {@code *.} followed by a domain (the domain and its subdomains) or a host, the
 * port {@code *} or a number (none: any port), and {@code *} in the path (query included) matches
 * anything. {@code file:///path} has no host.
 *
 * <p>Threading: immutable, any thread.
 *
 * @param urls patterns of the URLs to include
 * @param excludeUrls patterns of the URLs to leave out
 * @param types resource types to include; an invalid pattern throws {@link IllegalArgumentException} with
 *     Chromium's reason, such as {@code "Invalid url pattern *://host: Empty path."}
 * @since 0.2
 */
public record WebRequestFilter(List<String> urls, List<String> excludeUrls, Set<ResourceType> types) {

    private static final WebRequestFilter ALL = new WebRequestFilter(List.of(), List.of(), Set.of());

    /** Checks the patterns and copies the components. */
    public WebRequestFilter {
        urls = List.copyOf(Objects.requireNonNull(urls, "urls == null"));
        excludeUrls = List.copyOf(Objects.requireNonNull(excludeUrls, "excludeUrls == null"));
        types = Set.copyOf(Objects.requireNonNull(types, "types == null"));
        for (String pattern : urls) {
            io.github.fxsession.internal.webrequest.UrlPattern.parse(pattern);
        }
        for (String pattern : excludeUrls) {
            io.github.fxsession.internal.webrequest.UrlPattern.parse(pattern);
        }
    }

    /**
     * Every request.
     *
     * @return a filter matching every request
     */
    public static WebRequestFilter all() {
        return ALL;
    }

    /**
     * The requests whose URL matches one of {@code urls}.
     *
     * @param urls URL patterns such as {@code "*://*.example.com/*"}
     * @return the filter
     */
    public static WebRequestFilter of(String... urls) {
        return new WebRequestFilter(List.of(urls), List.of(), Set.of());
    }
}
