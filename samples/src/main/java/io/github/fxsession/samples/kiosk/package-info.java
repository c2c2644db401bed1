/**
 * The kiosk sample: a full-screen WebView on one {@code persist:kiosk} partition locked down with
 * fxsession alone (allow-listed origins, its own pages on a privileged scheme, no downloads, no
 * permissions, no network emulation, and an idle timer that forgets everything). {@link
 * io.github.fxsession.samples.kiosk.Kiosk} is the reusable part, {@link
 * io.github.fxsession.samples.kiosk.KioskApp} the application ({@code ./mvnw -Pkiosk}).
 *
 * <p>Threading: see each class; the web view is used on the FX Application Thread only.
 *
 * @since 0.2
 */
package io.github.fxsession.samples.kiosk;
