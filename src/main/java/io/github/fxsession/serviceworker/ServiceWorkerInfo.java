package io.github.fxsession.serviceworker;

/**
 * One running service worker (Electron's {@code ServiceWorkerInfo} structure). WebView's engine has no
 * service workers, so fxsession never creates one; the type exists for the API's shape.
 *
 * <pre>{@code
 * session.serviceWorkers().getAllRunning().forEach((id, info) -> System.out.println(info.scope()));
 * }</pre>
 *
 * <p>Threading: immutable, any thread.
 *
 * @param scriptUrl the worker's script URL
 * @param scope the URL scope it controls
 * @param renderProcessId the id of the process running it
 * @since 0.2
 */
public record ServiceWorkerInfo(String scriptUrl, String scope, int renderProcessId) {
}
