package io.github.fxsession.internal.serviceworker;

import io.github.fxsession.serviceworker.ServiceWorkerConsoleMessage;
import io.github.fxsession.serviceworker.ServiceWorkerInfo;
import io.github.fxsession.serviceworker.ServiceWorkers;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.util.Subscription;

/**
 * {@link ServiceWorkers} of a partition of WebView, whose engine has no service workers: no worker
 * runs, lookups fail as Electron's do for unknown workers, listeners are accepted and never called.
 *
 * <p>Threading: any thread; stateless.
 */
public final class NoServiceWorkers implements ServiceWorkers {

    /** Why nothing runs. */
    public static final String NO_WORKERS = "WebView's engine has no service workers";

    @Override
    public Map<Long, ServiceWorkerInfo> getAllRunning() {
        return Map.of();
    }

    @Override
    public ServiceWorkerInfo getInfoFromVersionID(long versionId) {
        throw new IllegalArgumentException("Could not find service worker with that version_id");
    }

    @Override
    public CompletableFuture<Void> startWorkerForScope(String scope) {
        Objects.requireNonNull(scope, "scope == null");
        URI uri;
        try {
            uri = URI.create(scope);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null
                || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
            throw new IllegalArgumentException("scope must be an absolute http(s) URL: '" + scope + "'");
        }
        return CompletableFuture.failedFuture(new UnsupportedOperationException(NO_WORKERS));
    }

    @Override
    public Subscription onConsoleMessage(Consumer<ServiceWorkerConsoleMessage> listener) {
        Objects.requireNonNull(listener, "listener == null");
        return () -> { };
    }

    @Override
    public Subscription onRegistrationCompleted(Consumer<String> listener) {
        Objects.requireNonNull(listener, "listener == null");
        return () -> { };
    }

    @Override
    public String toString() {
        return "ServiceWorkers[none: " + NO_WORKERS + "]";
    }
}
