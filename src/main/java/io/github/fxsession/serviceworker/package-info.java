/**
 * Service workers of a partition: Electron's {@code ses.serviceWorkers}, reached through
 * {@link io.github.fxsession.Session#serviceWorkers()}.
 *
 * <p>WebView's engine has no service workers ({@code navigator.serviceWorker} does not exist in its
 * pages), so a partition never has a running worker: {@link io.github.fxsession.serviceworker.ServiceWorkers}
 * reports none, its lookups fail as Electron's do for an unknown worker, and its events never fire.
 *
 * @since 0.2
 */
package io.github.fxsession.serviceworker;
