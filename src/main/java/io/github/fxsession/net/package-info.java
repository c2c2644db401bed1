/**
 * The network surface of a partition: the value types, handlers and events its
 * {@link io.github.fxsession.Session} methods take and give: HTTP cache and storage clearing, network
 * emulation, connections ({@code ses.preconnect} and the {@code 'preconnect'} event), TLS policy, name
 * resolution and HTTP authentication.
 *
 * <p>Every partition carries its HTTP(S) traffic with its own client, so what is set here for one
 * partition never affects another. Every option type is immutable and validated when it is built: bad
 * values throw {@link java.lang.IllegalArgumentException} naming the parameter and quoting the value.
 *
 * @since 0.2
 */
package io.github.fxsession.net;
