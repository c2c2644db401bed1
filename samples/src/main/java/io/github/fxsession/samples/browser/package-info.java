/**
 * A tabbed demo browser whose tabs belong to different partitions: {@link
 * io.github.fxsession.samples.browser.DemoBrowser}, run with {@code ./mvnw -Pdemo}.
 */
package io.github.fxsession.samples.browser;
