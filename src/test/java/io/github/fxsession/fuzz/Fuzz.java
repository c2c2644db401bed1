package io.github.fxsession.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/**
 * Shared pieces of the fuzz and property tests ({@code *FuzzTest}, run by jqwik next to Jupiter): input
 * generators that mix a parser's grammar fragments with random text, and the property every parser of
 * outside input must keep: it answers, or it rejects the input with one of its documented exception types
 * carrying a message; no other exception, and no hang (each try has its own deadline).
 */
public final class Fuzz {

    /** How long one parse may take before the try counts as a hang. */
    public static final Duration DEADLINE = Duration.ofSeconds(2);

    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "fxsession-fuzz");
        thread.setDaemon(true);
        return thread;
    });

    private Fuzz() {
    }

    /** Strings made of 0..12 pieces: mostly {@code fragments}, some random ASCII, some random UTF-16 (lone surrogates too). */
    public static Arbitrary<String> grammar(String... fragments) {
        Arbitrary<String> fragment = Arbitraries.of(List.of(fragments));
        Arbitrary<String> ascii = Arbitraries.strings().ascii().ofMaxLength(6);
        Arbitrary<String> any = Arbitraries.strings().all().ofMaxLength(6);
        Arbitrary<String> piece = Arbitraries.frequencyOf(Tuple.of(7, fragment), Tuple.of(2, ascii), Tuple.of(1, any));
        Arbitrary<String> composed = piece.list().ofMaxSize(12).map(parts -> String.join("", parts));
        return Arbitraries.frequencyOf(Tuple.of(8, composed), Tuple.of(1, Arbitraries.strings().all().ofMaxLength(80)),
                Tuple.of(1, Arbitraries.strings().ascii().ofMaxLength(80)));
    }

    /**
     * Runs {@code parse} with {@link #DEADLINE}: returns its result, or {@code null} when it threw one of
     * {@code rejections} with a non-blank message. Any other exception, a rejection without message, or
     * a hang fails with {@code AssertionError} quoting {@code input}.
     */
    @SafeVarargs
    public static <T> T parsesOrRejects(String input, Callable<T> parse, Class<? extends Exception>... rejections) {
        Future<T> future = WORKERS.submit(parse);
        try {
            return future.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new AssertionError("no answer within " + DEADLINE + " for " + quote(input));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            for (Class<? extends Exception> rejection : rejections) {
                if (rejection.isInstance(cause)) {
                    if (cause.getMessage() == null || cause.getMessage().isBlank()) {
                        throw new AssertionError("rejection without message for " + quote(input), cause);
                    }
                    return null;
                }
            }
            throw new AssertionError("unexpected " + cause + " for " + quote(input), cause);
        }
    }

    /** {@code parse} must answer (no exception at all) within the deadline. */
    public static <T> T answers(String input, Callable<T> parse) {
        return parsesOrRejects(input, parse);
    }

    /** {@code text} in Java escape form, so control characters and surrogates show in a failure. */
    public static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.chars().forEach(c -> out.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\'
                ? String.valueOf((char) c) : String.format("\\u%04x", c)));
        return out.append('"').toString();
    }

    /** Deletes {@code folder} and everything in it, as far as it can. */
    public static void deleteTree(Path folder) throws IOException {
        try (var files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
