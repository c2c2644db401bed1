/** webRequest listeners of a partition, run from its network chain. Not exported. */
package io.github.fxsession.internal.webrequest;
