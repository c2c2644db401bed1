package io.github.fxsession.serviceworker;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.util.Subscription;

/**
 * The service workers of a partition (Electron's {@code ServiceWorkers}, the {@code ses.serviceWorkers}
 * property).
 *
 * <pre>{@code
 * Map<Long, ServiceWorkerInfo> running = session.serviceWorkers().getAllRunning();   // always empty
 * }</pre>
 *
 * <p><b>Limit:</b> WebView's engine has no service workers: its pages have no
 * {@code navigator.serviceWorker}, so no worker ever registers or runs. Every method answers what is
 * true of a partition without workers; nothing is simulated.
 *
 * <p>Threading: any thread.
 *
 * @since 0.2
 */
public interface ServiceWorkers {

    /**
     * The running workers by version id (Electron's {@code serviceWorkers.getAllRunning()}).
     *
     * @return an empty map: WebView runs no service workers
     */
    Map<Long, ServiceWorkerInfo> getAllRunning();

    /**
     * The worker with version id {@code versionId} (Electron's
     * {@code serviceWorkers.getInfoFromVersionID(versionId)}).
     *
     * @param versionId the worker's version id
     * @return never returns normally
     * @throws IllegalArgumentException {@code "Could not find service worker with that version_id"}, as
     *     Electron throws for an unknown worker: WebView has none
     */
    ServiceWorkerInfo getInfoFromVersionID(long versionId);

    /**
     * Starts the worker registered for {@code scope} (Electron's
     * {@code serviceWorkers.startWorkerForScope(scope)}).
     *
     * @param scope the scope's URL
     * @return a future failed with {@link UnsupportedOperationException}: WebView's engine has no
     *     service workers
     * @throws IllegalArgumentException if {@code scope} is not an absolute http(s) URL
     */
    CompletableFuture<Void> startWorkerForScope(String scope);

    /**
     * Listens to Electron's {@code 'console-message'} event. It never fires: no worker runs.
     *
     * @param listener gets each message
     * @return closing it removes the listener
     */
    Subscription onConsoleMessage(Consumer<ServiceWorkerConsoleMessage> listener);

    /**
     * Listens to Electron's {@code 'registration-completed'} event (the scope of a worker that
     * registered). It never fires: pages cannot register workers.
     *
     * @param listener gets each scope
     * @return closing it removes the listener
     */
    Subscription onRegistrationCompleted(Consumer<String> listener);
}
