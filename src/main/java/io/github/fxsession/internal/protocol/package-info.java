/** Custom and intercepted protocols of a partition, answered from its network chain. Not exported. */
package io.github.fxsession.internal.protocol;
