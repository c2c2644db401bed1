/**
 * Network settings of a partition in use: {@link io.github.fxsession.samples.net.PinnedIntranet} trusts
 * one intranet server by its certificate fingerprint and signs in through the default login dialog.
 */
package io.github.fxsession.samples.net;
