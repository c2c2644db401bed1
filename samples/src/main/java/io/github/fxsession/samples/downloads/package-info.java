/** Sample: a downloads window for the demo browser, built on {@link io.github.fxsession.download.DownloadsPanel}. */
package io.github.fxsession.samples.downloads;
