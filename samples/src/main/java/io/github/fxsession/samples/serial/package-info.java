/** Web Serial demo: a serial terminal page using {@code navigator.serial}. */
package io.github.fxsession.samples.serial;
