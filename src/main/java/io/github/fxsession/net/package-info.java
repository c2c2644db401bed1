/**
 * Network settings of a partition: the value types and handlers its {@link io.github.fxsession.Session}
 * methods take and give (TLS, name resolution, HTTP authentication and the other connection settings).
 *
 * <p>Every partition carries its HTTP(S) traffic with its own client, so what is set here for one
 * partition never affects another.
 *
 * @since 0.2
 */
package io.github.fxsession.net;
