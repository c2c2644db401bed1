package io.github.fxsession.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

/** Misspellings of real words, for suggestion tests and benchmarks. */
public final class Misspellings {

    private Misspellings() {
    }

    /** A misspelling and the word it was made from. */
    public record Pair(String misspelling, String intended) {
    }

    /**
     * {@code count} misspellings made from lower-case words (5 letters or more) of a Hunspell {@code .dic}
     * file, cycling through four slips: two adjacent letters swapped, a letter dropped, a letter added, a
     * letter replaced. Deterministic for a {@code seed}; only misspellings {@code isCorrect} rejects are kept.
     */
    public static List<Pair> fromDictionary(Path dic, int count, long seed, Predicate<String> isCorrect) throws IOException {
        List<String> stems = new ArrayList<>();
        for (String line : Files.readAllLines(dic, StandardCharsets.UTF_8)) {
            String word = line.split("[/\t ]", 2)[0];
            if (word.length() >= 5 && word.chars().allMatch(Character::isLowerCase)) {
                stems.add(word);
            }
        }
        Random random = new Random(seed);
        Set<String> seen = new HashSet<>();
        List<Pair> out = new ArrayList<>();
        while (out.size() < count) {
            String w = stems.get(random.nextInt(stems.size()));
            int p = 1 + random.nextInt(w.length() - 2);
            char c = (char) ('a' + random.nextInt(26));
            String typo = switch (out.size() % 4) {
                case 0 -> w.substring(0, p - 1) + w.charAt(p) + w.charAt(p - 1) + w.substring(p + 1);
                case 1 -> w.substring(0, p) + w.substring(p + 1);
                case 2 -> w.substring(0, p) + c + w.substring(p);
                default -> w.substring(0, p) + c + w.substring(p + 1);
            };
            if (seen.add(typo) && !isCorrect.test(typo)) {
                out.add(new Pair(typo, w));
            }
        }
        return out;
    }
}
