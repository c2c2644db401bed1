package io.github.fxsession.internal.util;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import javafx.application.Platform;

/**
 * Waits on a request's thread for an answer given later by application code (webRequest callbacks,
 * protocol handlers).
 *
 * <p>Loader threads simply block. Synchronous XHR runs on the FX Application Thread: blocking it would
 * deadlock an answer that needs the FX thread, so it waits in a nested event loop, as a modal dialog
 * does; where JavaFX allows none (during an animation or layout pulse) it fails at once with a message
 * saying why, instead of freezing the application.
 */
public final class Await {

    private Await() {
    }

    /**
     * The value of {@code answer}, waiting as described above.
     *
     * @param who names the code that owes the answer, for the error message
     * @throws IOException if the answer failed, the wait was interrupted, or no nested loop may start
     */
    public static <T> T answer(CompletableFuture<T> answer, String who) throws IOException {
        if (!answer.isDone() && Platform.isFxApplicationThread()) {
            if (!Platform.canStartNestedEventLoop()) {
                throw new IOException("fxsession: " + who + " did not answer before returning, and this request"
                        + " (a synchronous XHR) runs on the FX Application Thread during an animation or layout"
                        + " pulse, where JavaFX cannot wait; answer before returning");
            }
            Object key = new Object();
            answer.whenComplete((value, failure) -> Platform.runLater(() -> Platform.exitNestedEventLoop(key, null)));
            Platform.enterNestedEventLoop(key);
        }
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("fxsession: interrupted while waiting for " + who);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException("fxsession: " + who + " failed: " + cause, cause);
        }
    }
}
