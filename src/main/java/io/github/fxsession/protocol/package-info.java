/**
 * Custom and intercepted protocols of a partition: Electron's {@code Protocol} class
 * ({@code ses.protocol}).
 *
 * <p>A scheme handled in one partition is unknown in every other one: unlike Electron's global
 * {@code protocol} module, registrations follow partitions. Reach it with
 * {@link io.github.fxsession.Session#protocol()}; privileged schemes are declared once per JVM with
 * {@link io.github.fxsession.protocol.Protocol#registerSchemesAsPrivileged(java.util.List)}.
 *
 * @since 0.2
 */
package io.github.fxsession.protocol;
