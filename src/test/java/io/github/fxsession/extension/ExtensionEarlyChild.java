package io.github.fxsession.extension;

import io.github.fxsession.Session;
import io.github.fxsession.samples.extension.LinkCounterSample;
import java.util.concurrent.CompletionException;

/**
 * The main class of the child JVM of {@link ExtensionTest#loadingBeforeTheToolkitStartsFails}: calls
 * {@code loadExtension} before the JavaFX toolkit exists and prints {@code RESULT <exception>: <message>}.
 */
public final class ExtensionEarlyChild {

    private ExtensionEarlyChild() {
    }

    public static void main(String[] args) {
        try {
            Extension ext = Session.fromPartition("persist:early").loadExtension(LinkCounterSample.extensionFolder()).join();
            System.out.println("RESULT loaded " + ext.id());
        } catch (CompletionException e) {
            System.out.println("RESULT " + e.getCause().getClass().getSimpleName() + ": " + e.getCause().getMessage());
        }
        System.out.flush();
        System.exit(0);
    }
}
