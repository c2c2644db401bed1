package io.github.fxsession.testing;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.concurrent.Worker;
import javafx.scene.web.WebEngine;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The one JUnit extension that starts the JavaFX toolkit, once per test JVM, on the Headless platform
 * (surefire passes {@code -Dglass.platform=Headless -Dprism.order=sw}), plus helpers to run code on the
 * FX thread and wait for pages.
 */
public final class FxToolkit implements BeforeAllCallback {

    private static final CountDownLatch STARTED = new CountDownLatch(1);
    private static boolean starting;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        start();
    }

    public static void start() throws InterruptedException {
        synchronized (FxToolkit.class) {
            if (!starting) {
                starting = true;
                try {
                    Platform.startup(STARTED::countDown);
                } catch (IllegalStateException alreadyRunning) {
                    STARTED.countDown();
                }
                Platform.setImplicitExit(false);
            }
        }
        if (!STARTED.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the JavaFX toolkit did not start in 30 s");
        }
    }

    /** Runs {@code task} on the FX thread and returns its result; rethrows what it threw. */
    public static <T> T onFx(Callable<T> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(task.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        try {
            return result.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException("FX task did not finish: " + e, e);
        }
    }

    /** Runs {@code task} on the FX thread and waits. */
    public static void runFx(ThrowingRunnable task) {
        onFx(() -> {
            task.run();
            return null;
        });
    }

    /** Starts {@code action} on the FX thread and waits until the engine's load worker finishes. */
    public static Worker.State loadAndWait(WebEngine engine, ThrowingRunnable action) {
        CompletableFuture<Worker.State> done = new CompletableFuture<>();
        runFx(() -> {
            engine.getLoadWorker().stateProperty().addListener((obs, old, now) -> {
                if (now == Worker.State.SUCCEEDED || now == Worker.State.FAILED || now == Worker.State.CANCELLED) {
                    done.complete(now);
                }
            });
            action.run();
        });
        try {
            return done.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("page did not finish loading: " + e, e);
        }
    }

    /** Polls {@code condition} (on the calling thread) until true or 30 s pass. */
    public static void waitUntil(String what, BooleanSupplier condition) {
        waitUntil(() -> what, condition);
    }

    /** Polls {@code condition} until true or 30 s pass; the failure message is computed at the end. */
    public static void waitUntil(java.util.function.Supplier<String> what, BooleanSupplier condition) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting until " + what.get());
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting until " + what.get());
            }
        }
    }

    /** A runnable that may throw. */
    @FunctionalInterface
    public interface ThrowingRunnable {
        void run() throws Exception;
    }
}
