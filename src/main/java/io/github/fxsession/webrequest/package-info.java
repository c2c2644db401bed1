/**
 * Request interception of a partition: Electron's {@code WebRequest} class ({@code ses.webRequest}).
 *
 * <p>Every request an attached engine sends (http, https and custom schemes) passes the listeners of its
 * partition: they may cancel it, redirect it, rewrite its headers and the response's headers and status
 * line, and observe it until it completes or fails. Reach it with
 * {@link io.github.fxsession.Session#webRequest()}.
 *
 * @since 0.2
 */
package io.github.fxsession.webrequest;
