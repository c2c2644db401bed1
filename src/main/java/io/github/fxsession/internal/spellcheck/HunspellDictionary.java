package io.github.fxsession.internal.spellcheck;

import dumonts.hunspell.Hunspell;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One native Hunspell handle for one language. Hunspell handles are not thread-safe: every call holds
 * this dictionary's lock. {@link #close()} frees the native memory; calls after it answer "correct"
 * and "no suggestions".
 *
 * <p>Threading: any thread (calls are serialised).
 */
final class HunspellDictionary implements AutoCloseable {

    private final String language;
    private final ReentrantLock lock = new ReentrantLock();
    private Hunspell hunspell;

    private HunspellDictionary(String language, Hunspell hunspell) {
        this.language = language;
        this.hunspell = hunspell;
    }

    /**
     * Loads {@code aff} + {@code dic} and checks that they work: the first word the {@code .dic} lists
     * must be accepted.
     *
     * @throws IOException when the files are missing, malformed, or Hunspell rejects them
     */
    static HunspellDictionary load(String language, Path aff, Path dic) throws IOException {
        String probe = firstWord(dic);
        if (Files.size(aff) == 0) {
            throw new IOException("empty affix file " + aff);
        }
        Hunspell h;
        try {
            h = new Hunspell(dic, aff);
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            throw new IOException("Hunspell cannot load " + dic + ": " + e.getMessage(), e);
        }
        if (!h.spell(probe)) {
            h.close();
            throw new IOException("Hunspell does not accept the first word of " + dic + ": \"" + probe + "\"");
        }
        return new HunspellDictionary(language, h);
    }

    /** The first entry of a .dic file: its first line is the entry count, then "word[/flags]". */
    private static String firstWord(Path dic) throws IOException {
        try (var lines = Files.newBufferedReader(dic, StandardCharsets.ISO_8859_1)) {
            String count = lines.readLine();
            if (count == null || !count.strip().replace("\uFEFF", "").replace("ï»¿", "").matches("\\d+")) {
                throw new IOException("not a Hunspell .dic file (no entry count on its first line): " + dic);
            }
            String line;
            while ((line = lines.readLine()) != null) {
                String word = line.split("[/\t ]", 2)[0].strip();
                if (!word.isEmpty() && word.chars().allMatch(c -> c < 128) && !word.startsWith("#")) {
                    return word;
                }
            }
        }
        throw new IOException("no ASCII entry in " + dic);
    }

    String language() {
        return language;
    }

    boolean spell(String word) {
        lock.lock();
        try {
            return hunspell == null || hunspell.spell(word);
        } finally {
            lock.unlock();
        }
    }

    List<String> suggest(String word) {
        lock.lock();
        try {
            return hunspell == null ? List.of() : List.of(hunspell.suggest(word));
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (hunspell != null) {
                hunspell.close();
                hunspell = null;
            }
        } finally {
            lock.unlock();
        }
    }
}
