/**
 * HTTP authentication of a partition (Basic, Digest, its auth cache, login handler and the integrated
 * authentication allow list), applied to the partition's own OkHttp client. Not exported.
 */
package io.github.fxsession.internal.auth;
