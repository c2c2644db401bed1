/**
 * The net log of a partition: Electron's {@code ses.netLog}, reached through
 * {@link io.github.fxsession.Session#netLog()}. It writes Chromium's NetLog JSON (the format
 * {@code chrome://net-export} writes and the NetLog viewer reads) for the requests of one partition.
 *
 * @since 0.2
 */
package io.github.fxsession.netlog;
