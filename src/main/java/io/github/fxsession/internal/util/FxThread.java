package io.github.fxsession.internal.util;

import javafx.application.Platform;

/** The library's one check for "FX Application Thread only". */
public final class FxThread {

    private FxThread() {
    }

    /**
     * @throws IllegalStateException naming {@code what} and the current thread when called off the FX
     *     Application Thread
     */
    public static void require(String what) {
        if (!Platform.isFxApplicationThread()) {
            throw new IllegalStateException(what + " must be called on the FX Application Thread, not on "
                    + Thread.currentThread().getName());
        }
    }
}
