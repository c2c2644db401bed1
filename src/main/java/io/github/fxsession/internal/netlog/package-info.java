/**
 * The net log of a partition: an {@code OBSERVE}-stage interceptor and an OkHttp event listener write
 * Chromium NetLog JSON events into a {@link io.github.fxsession.internal.netlog.NetLogFile}.
 */
package io.github.fxsession.internal.netlog;
