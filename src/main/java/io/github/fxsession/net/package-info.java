/**
 * The network surface of a partition: options and events of its HTTP cache, storage clearing, network
 * emulation and connections ({@code ses.clearStorageData}, {@code ses.enableNetworkEmulation},
 * {@code ses.preconnect} and the {@code 'preconnect'} event).
 *
 * <p>Every option type is immutable and validated when it is built: bad values throw
 * {@link java.lang.IllegalArgumentException} naming the parameter and quoting the value.
 *
 * @since 0.2
 */
package io.github.fxsession.net;
