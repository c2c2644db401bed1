/** Net log demo: a menu that records the selected tab's partition into a NetLog JSON file. */
package io.github.fxsession.samples.netlog;
