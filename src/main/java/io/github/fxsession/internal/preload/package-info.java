/** Preload scripts of a partition ({@code ses.setPreloads}), run by {@code bridge-modules/preloads.js}. */
package io.github.fxsession.internal.preload;
