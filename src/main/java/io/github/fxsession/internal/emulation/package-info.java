/** Network emulation of a partition: offline, latency and throughput limits ({@code ses.enableNetworkEmulation}). */
package io.github.fxsession.internal.emulation;
