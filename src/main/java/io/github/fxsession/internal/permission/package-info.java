/**
 * Permissions of a partition: handlers, policy, remembered decisions, the default prompt, and the
 * page-bridge methods behind the permission-gated web APIs ({@code bridge-modules/permissions.js}).
 */
package io.github.fxsession.internal.permission;
