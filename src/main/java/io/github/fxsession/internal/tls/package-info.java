/**
 * TLS of a partition: its certificate verify proc and its protocol versions and cipher suites, applied
 * to the partition's own OkHttp client. Not exported.
 */
package io.github.fxsession.internal.tls;
