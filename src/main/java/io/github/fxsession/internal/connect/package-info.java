/** Connections of a partition: {@code ses.preconnect}, the {@code 'preconnect'} event and {@code ses.closeAllConnections}. */
package io.github.fxsession.internal.connect;
