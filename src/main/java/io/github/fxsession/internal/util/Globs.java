package io.github.fxsession.internal.util;

/**
 * Wildcard matching where {@code *} matches any run of characters and every other character itself, in
 * O(pattern x text) time at worst. A regular expression built from the glob ({@code .*} per star)
 * backtracks polynomially in the number of stars: {@code *a*a*a*b} against a few hundred {@code a}s
 * takes seconds; patterns come from configuration and texts (hosts, paths) from the network.
 */
public final class Globs {

    private Globs() {
    }

    /** Whether the whole of {@code text} matches {@code pattern}. */
    public static boolean matches(String pattern, String text) {
        int p = 0;
        int t = 0;
        int star = -1;
        int mark = 0;
        while (t < text.length()) {
            if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                mark = t;
            } else if (p < pattern.length() && pattern.charAt(p) == text.charAt(t)) {
                p++;
                t++;
            } else if (star >= 0) {
                p = star + 1;
                t = ++mark;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }
}
