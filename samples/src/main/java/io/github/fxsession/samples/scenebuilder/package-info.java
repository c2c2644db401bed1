/** Scene Builder sample: an FXML file with two {@link io.github.fxsession.SessionWebView}s on two partitions. */
package io.github.fxsession.samples.scenebuilder;
