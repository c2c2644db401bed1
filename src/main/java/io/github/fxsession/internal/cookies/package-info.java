/**
 * Implementation of the cookies capability: the per-partition store, its persistence, the network
 * chain's cookie interceptor and {@code document.cookie} through the page bridge. Never exported.
 */
package io.github.fxsession.internal.cookies;
