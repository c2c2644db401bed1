/**
 * A page that exercises every permission fxsession handles, with the default JavaFX prompt:
 * {@link io.github.fxsession.samples.permissions.PermissionsDemo}.
 */
package io.github.fxsession.samples.permissions;
