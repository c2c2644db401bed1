/** Web Serial over jSerialComm: the port registry, connections, the page bridge and the chooser. */
package io.github.fxsession.internal.serial;
