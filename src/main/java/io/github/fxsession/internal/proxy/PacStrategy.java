package io.github.fxsession.internal.proxy;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Proxies from a PAC script, with a bounded cache of results per URL (as the script sees it). A script
 * that throws, times out or answers garbage gives DIRECT and reports the error.
 */
final class PacStrategy implements ProxyStrategy {

    static final int CACHE_SIZE = 1024;

    private final PacScript script;
    private final Consumer<String> errors;
    private final Map<String, List<ProxyServer>> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<ProxyServer>> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    PacStrategy(PacScript script, Consumer<String> errors) {
        this.script = script;
        this.errors = errors;
    }

    @Override
    public List<ProxyServer> proxiesFor(URI url) {
        String scriptUrl = scriptUrl(url);
        synchronized (cache) {
            List<ProxyServer> cached = cache.get(scriptUrl);
            if (cached != null) {
                return cached;
            }
        }
        List<ProxyServer> proxies = evaluate(scriptUrl, url.getHost());
        synchronized (cache) {
            cache.put(scriptUrl, proxies);
        }
        return proxies;
    }

    @Override
    public List<ProxyServer> knownProxiesFor(URI url) {
        synchronized (cache) {
            return cache.get(scriptUrl(url));
        }
    }

    /** Uncached evaluation (for measurements). */
    List<ProxyServer> evaluate(String scriptUrl, String host) {
        String answer;
        try {
            answer = script.findProxyForUrl(scriptUrl, host == null ? "" : host);
        } catch (PacScript.PacException e) {
            errors.accept(e.getMessage());
            return List.of(ProxyServer.DIRECT);
        }
        List<ProxyServer> proxies = parse(answer);
        if (proxies.isEmpty()) {
            errors.accept("FindProxyForURL(" + scriptUrl + ") returned no valid proxy: '" + answer + "'");
            return List.of(ProxyServer.DIRECT);
        }
        return proxies;
    }

    /** The valid elements of a PAC result ({@code "PROXY a:1; DIRECT"}); invalid ones are skipped, as Chromium does. */
    static List<ProxyServer> parse(String answer) {
        List<ProxyServer> proxies = new ArrayList<>();
        for (String element : answer.split(";")) {
            if (element.isBlank()) {
                continue;
            }
            ProxyServer server = ProxyServer.parsePacElement(element);
            if (server != null && !proxies.contains(server)) {
                proxies.add(server);
            }
        }
        return List.copyOf(proxies);
    }

    /** The URL given to the script: https URLs lose path and query (as in Chromium), every URL its fragment and user info. */
    static String scriptUrl(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        String host = url.getHost() == null ? "" : url.getHost();
        String authority = host + (url.getPort() >= 0 ? ":" + url.getPort() : "");
        if (scheme.equals("https") || scheme.equals("wss")) {
            return scheme + "://" + authority + "/";
        }
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        return scheme + "://" + authority + path + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
    }

    @Override
    public void close() {
        script.close();
    }
}
