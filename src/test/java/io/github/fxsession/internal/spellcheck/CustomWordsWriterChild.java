package io.github.fxsession.internal.spellcheck;

import io.github.fxsession.testing.CrashLoop;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;

/**
 * The main class of a child JVM that adds custom spellcheck words as fast as it can until it is killed:
 * {@link #word}{@code (1)}, {@code word(2)}, ... After its warm-up and "go" ({@link CrashLoop#awaitGo()})
 * it loads the custom words of {@code <dir>} (printing {@code LOADED <count>}, or {@code GAPS <words>} and
 * exit code 3 when they are not {@code word(1..count)}), then adds the next word again and again,
 * acknowledging its number each time {@link SpellChecker#addWord} returned (the word is then on disk).
 */
public final class CustomWordsWriterChild {

    static final String LOADED = "LOADED ";
    static final String FILE_NAME = "Custom Dictionary.txt";

    private CustomWordsWriterChild() {
    }

    public static void main(String[] args) throws IOException {
        Path warmUp = Files.createTempDirectory("custom-words-writer-");
        new SpellChecker("warm-up", warmUp, () -> null).addWord(word(1));
        new SpellChecker("warm-up", warmUp, () -> null).listWords();
        Files.delete(warmUp.resolve(FILE_NAME));
        Files.delete(warmUp);
        CrashLoop.awaitGo();

        SpellChecker checker = new SpellChecker("crash-test", Path.of(args[0]), () -> null);
        List<String> words = checker.listWords();
        if (!words.equals(words(words.size()))) {
            System.out.println("GAPS " + words);
            System.exit(3);
        }
        System.out.println(LOADED + words.size());
        for (long n = words.size() + 1; ; n++) {
            if (!checker.addWord(word(n))) {
                System.out.println("NOT ADDED " + word(n));
                System.exit(3);
            }
            CrashLoop.ack(n);
        }
    }

    /** The {@code n}th word. */
    static String word(long n) {
        return "w%07d".formatted(n);
    }

    /** The first {@code count} words, sorted. */
    static List<String> words(long count) {
        return LongStream.rangeClosed(1, count).mapToObj(CustomWordsWriterChild::word).toList();
    }
}
