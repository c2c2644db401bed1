package io.github.fxsession.internal.spellcheck;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The word forms a Hunspell dictionary accepts, compiled once into a compact hash set so that the common
 * case of a check is one lookup instead of a native call. The forms come from the {@code .dic} stems
 * expanded with the {@code .aff} prefix and suffix rules (one level of continuation classes, cross
 * products), plus their capitalised variants; <b>every form is verified by Hunspell before it enters the
 * set</b>, so a word found in the set is one Hunspell accepts. The upper-case variant of each form (a
 * heading's {@code LICENSE}, a shouted {@code PARTY'S}) is verified too and kept as one bit beside the form
 * rather than as a second copy: {@link #contains} accepts an all-capitals word only when the bit of a form
 * whose upper-case chars are exactly that word says Hunspell accepted it. No casing rule of Hunspell's
 * (KEEPCASE, FORBIDDENWORD variants, CHECKSHARPS) is re-implemented here: Hunspell answered that very string. Words not in the set (compounds,
 * deeper affix chains, ICONV/IGNORE variants, misspellings) are not judged here: the caller asks Hunspell.
 * Answers are therefore Hunspell's exactly; the expander only decides how often the fast path hits.
 * Verifying costs one Hunspell call per candidate (seconds for en-US, minutes for fr on a loaded machine),
 * so the verified forms are saved ({@link #save}) and read back by later JVMs ({@link #read}), keyed by a
 * hash of the two files.
 *
 * <p>Threading: {@link #contains} from any thread once built; building runs on one thread.
 */
final class WordForms {

    /** Expansion stops at this many candidate forms per language (the rest are answered by Hunspell). */
    static final int LIMIT = 2_500_000;
    /** Part of {@link #key}: changes whenever the saved format or what it holds changes. */
    private static final String FORMAT = "forms 2: upper-case bits\n";
    private static final String UPPER_MARK = "\tU";

    private final char[] chars;
    private final int[] starts; // starts[i]..starts[i+1] is form i
    private final int[] table;  // open addressing, form index + 1, 0 = empty
    private final int mask;
    private final BitSet upper; // bit i: Hunspell accepted the upper-case variant of form i

    private WordForms(List<String> forms, BitSet upper) {
        this.upper = upper;
        int total = 0;
        for (String f : forms) {
            total += f.length();
        }
        chars = new char[total];
        starts = new int[forms.size() + 1];
        int capacity = Integer.highestOneBit(Math.max(4, forms.size() * 2 - 1)) << 1;
        table = new int[capacity];
        mask = capacity - 1;
        int at = 0;
        for (int i = 0; i < forms.size(); i++) {
            String f = forms.get(i);
            starts[i] = at;
            f.getChars(0, f.length(), chars, at);
            at += f.length();
            int slot = mix(f.hashCode()) & mask;
            while (table[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            table[slot] = i + 1;
        }
        starts[forms.size()] = at;
    }

    private static int mix(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 15);
    }

    /** Number of verified forms. */
    int size() {
        return starts.length - 1;
    }

    /** Whether Hunspell accepted {@code word} when the set was built (false: not known here). */
    boolean contains(String word) {
        int length = word.length();
        int slot = mix(word.hashCode()) & mask;
        for (int index; (index = table[slot]) != 0; slot = (slot + 1) & mask) {
            int start = starts[index - 1];
            if (starts[index] - start == length && same(word, start, length)) {
                return true;
            }
        }
        return !upper.isEmpty() && containsUpper(word);
    }

    /**
     * An all-capitals word: looks for the form it is the upper case of, written in lower case or
     * capitalised (hashed without building either string), and answers that form's verified bit.
     */
    private boolean containsUpper(String word) {
        int length = word.length();
        int lowerHash = 0;
        int capitalisedHash = 0;
        boolean cased = false;
        for (int i = 0; i < length; i++) {
            char c = word.charAt(i);
            if (Character.toUpperCase(c) != c) {
                return false; // has a lower-case letter: not an all-capitals word
            }
            char lower = Character.toLowerCase(c);
            cased |= lower != c;
            lowerHash = 31 * lowerHash + lower;
            capitalisedHash = 31 * capitalisedHash + (i == 0 ? c : lower);
        }
        return cased && (upperOf(word, lowerHash) || capitalisedHash != lowerHash && upperOf(word, capitalisedHash));
    }

    /** Whether a form of hash {@code hash} has its verified bit set and upper-cases to exactly {@code word}. */
    private boolean upperOf(String word, int hash) {
        int length = word.length();
        for (int slot = mix(hash) & mask, index; (index = table[slot]) != 0; slot = (slot + 1) & mask) {
            int start = starts[index - 1];
            if (starts[index] - start == length && upper.get(index - 1) && upperCaseIs(word, start, length)) {
                return true;
            }
        }
        return false;
    }

    private boolean upperCaseIs(String word, int start, int length) {
        for (int i = 0; i < length; i++) {
            if (Character.toUpperCase(chars[start + i]) != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The variant {@link #upperCaseIs} compares with: each char upper-cased on its own (same length). */
    private static String upperCase(String form) {
        char[] result = form.toCharArray();
        for (int i = 0; i < result.length; i++) {
            result[i] = Character.toUpperCase(result[i]);
        }
        return new String(result);
    }

    private boolean same(String word, int start, int length) {
        for (int i = 0; i < length; i++) {
            if (chars[start + i] != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The verified forms, one a line (UTF-8), written atomically; a form whose upper-case variant Hunspell
     * accepted too is followed by a tab and {@code U}.
     */
    void save(Path file) throws IOException {
        StringBuilder text = new StringBuilder(chars.length + 2 * size());
        for (int i = 0; i < size(); i++) {
            text.append(chars, starts[i], starts[i + 1] - starts[i]);
            if (upper.get(i)) {
                text.append(UPPER_MARK);
            }
            text.append('\n');
        }
        Files.createDirectories(file.getParent());
        io.github.fxsession.internal.util.AtomicFiles.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Forms saved by {@link #save}. */
    static WordForms read(Path file) throws IOException {
        List<String> forms = new ArrayList<>();
        BitSet upper = new BitSet();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.endsWith(UPPER_MARK)) {
                    line = line.substring(0, line.length() - UPPER_MARK.length());
                    upper.set(forms.size());
                }
                if (!line.isEmpty()) {
                    forms.add(line);
                }
            }
        }
        return new WordForms(forms, upper);
    }

    /**
     * A name for the forms of these two files: SHA-256 of their bytes and of {@link #FORMAT} (files of an
     * older format are compiled again rather than read).
     */
    static String key(Path aff, Path dic) throws IOException {
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            sha.update(FORMAT.getBytes(StandardCharsets.UTF_8));
            sha.update(Files.readAllBytes(aff));
            sha.update(Files.readAllBytes(dic));
            return java.util.HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Expands {@code dic} with {@code aff} and keeps the forms {@code accepts} (Hunspell's spell) says yes to.
     *
     * @throws IOException when the files cannot be read
     */
    static WordForms compile(Path aff, Path dic, Predicate<String> accepts) throws IOException {
        return compile(aff, dic, 1, accepts);
    }

    /** Same, from every {@code every}-th line of the {@code .dic} only (tests). */
    static WordForms compile(Path aff, Path dic, int every, Predicate<String> accepts) throws IOException {
        Affixes affixes = Affixes.read(aff);
        Set<String> candidates = new LinkedHashSet<>();
        Consumer<String> sink = form -> {
            if (candidates.size() < LIMIT && !form.isEmpty()) {
                candidates.add(form);
                String capitalised = capitalise(form);
                if (!capitalised.equals(form)) {
                    candidates.add(capitalised);
                }
            }
        };
        try (BufferedReader in = Files.newBufferedReader(dic, affixes.charset)) {
            in.readLine(); // entry count
            int n = 0;
            for (String line; (line = in.readLine()) != null && candidates.size() < LIMIT; ) {
                if (n++ % every == 0) {
                    affixes.expand(line, sink);
                }
            }
        }
        List<String> verified = new ArrayList<>(candidates.size());
        for (String form : candidates) {
            if (accepts.test(form)) {
                verified.add(form);
            }
        }
        BitSet upper = new BitSet(verified.size());
        Map<String, Boolean> answers = new HashMap<>(); // "not" and "Not" share "NOT": one Hunspell call
        for (int i = 0; i < verified.size(); i++) {
            String form = verified.get(i);
            String variant = upperCase(form);
            if (!variant.equals(form) && answers.computeIfAbsent(variant, accepts::test)) {
                upper.set(i);
            }
        }
        return new WordForms(verified, upper);
    }

    private static String capitalise(String form) {
        int first = form.codePointAt(0);
        int upper = Character.toTitleCase(first);
        return upper == first ? form : new StringBuilder(form.length()).appendCodePoint(upper)
                .append(form, Character.charCount(first), form.length()).toString();
    }

    /** The prefix and suffix rules of an {@code .aff} file, as far as expansion needs them. */
    private static final class Affixes {
        final Charset charset;
        final String flagType;
        final List<String> aliases = new ArrayList<>();
        final Map<String, Rules> prefixes = new HashMap<>();
        final Map<String, Rules> suffixes = new HashMap<>();

        private Affixes(Charset charset, String flagType) {
            this.charset = charset;
            this.flagType = flagType;
        }

        static Affixes read(Path aff) throws IOException {
            List<String> lines = Files.readAllLines(aff, StandardCharsets.ISO_8859_1);
            Charset charset = StandardCharsets.ISO_8859_1;
            String flagType = "";
            for (String line : lines) {
                String[] t = line.strip().split("\\s+");
                if (t.length >= 2 && t[0].equals("SET")) {
                    charset = Charset.forName(t[1].equalsIgnoreCase("microsoft-cp1251") ? "windows-1251" : t[1]);
                } else if (t.length >= 2 && t[0].equals("FLAG")) {
                    flagType = t[1];
                }
            }
            if (!charset.equals(StandardCharsets.ISO_8859_1)) {
                lines = Files.readAllLines(aff, charset);
            }
            Affixes affixes = new Affixes(charset, flagType);
            boolean afSeen = false;
            for (String line : lines) {
                String[] t = line.strip().split("\\s+");
                if (t.length >= 2 && t[0].equals("AF")) {
                    if (afSeen) {
                        affixes.aliases.add(t[1]);
                    }
                    afSeen = true; // the first AF line is the count
                } else if (t.length >= 4 && (t[0].equals("PFX") || t[0].equals("SFX"))) {
                    affixes.rule(t);
                }
            }
            return affixes;
        }

        private void rule(String[] t) {
            Map<String, Rules> map = t[0].equals("PFX") ? prefixes : suffixes;
            Rules rules = map.get(t[1]);
            if (rules == null) { // header: PFX flag cross-product count
                map.put(t[1], new Rules(t[2].equals("Y")));
                return;
            }
            if (t.length < 5) {
                return;
            }
            String strip = t[2].equals("0") ? "" : t[2];
            String add = t[3];
            String continuation = "";
            int slash = add.indexOf('/');
            if (slash >= 0) {
                continuation = add.substring(slash + 1);
                add = add.substring(0, slash);
            }
            if (add.equals("0")) {
                add = "";
            }
            Pattern condition = null;
            if (!t[4].equals(".")) {
                try {
                    condition = Pattern.compile(map == prefixes ? "^(?:" + t[4] + ")" : "(?:" + t[4] + ")$");
                } catch (PatternSyntaxException e) {
                    return; // a condition Java's regex cannot read: its forms are left to Hunspell
                }
            }
            rules.list.add(new Rule(strip, add, flags(continuation), condition));
        }

        /** The flags of a flag field (an alias number when the file has AF lines). */
        List<String> flags(String field) {
            if (field.isEmpty()) {
                return List.of();
            }
            if (!aliases.isEmpty() && field.chars().allMatch(Character::isDigit)) {
                int index = Integer.parseInt(field);
                field = index >= 1 && index <= aliases.size() ? aliases.get(index - 1) : "";
            }
            List<String> flags = new ArrayList<>();
            switch (flagType.toLowerCase(Locale.ROOT)) {
                case "long" -> {
                    for (int i = 0; i + 1 < field.length(); i += 2) {
                        flags.add(field.substring(i, i + 2));
                    }
                }
                case "num" -> flags.addAll(List.of(field.split(",")));
                default -> field.codePoints().forEach(c -> flags.add(new String(Character.toChars(c))));
            }
            return flags;
        }

        /** Emits the forms of one {@code .dic} line. */
        void expand(String line, Consumer<String> sink) {
            int end = 0;
            while (end < line.length() && !Character.isWhitespace(line.charAt(end))) {
                end++;
            }
            String entry = line.substring(0, end);
            int slash = -1;
            for (int i = 0; i < entry.length(); i++) {
                if (entry.charAt(i) == '/' && (i == 0 || entry.charAt(i - 1) != '\\')) {
                    slash = i;
                    break;
                }
            }
            String stem = (slash < 0 ? entry : entry.substring(0, slash)).replace("\\/", "/");
            if (stem.isEmpty()) {
                return;
            }
            List<String> flags = slash < 0 ? List.of() : flags(entry.substring(slash + 1));
            sink.accept(stem);
            for (String flag : flags) {
                Rules suffix = suffixes.get(flag);
                if (suffix != null) {
                    for (Rule s : suffix.list) {
                        String form = s.suffix(stem);
                        if (form == null) {
                            continue;
                        }
                        sink.accept(form);
                        for (String next : s.continuation) { // one more level: suffix on suffix, or a prefix
                            Rules more = suffixes.get(next);
                            if (more != null) {
                                more.list.forEach(r -> emit(r.suffix(form), sink));
                            }
                            Rules prefix = prefixes.get(next);
                            if (prefix != null) {
                                prefix.list.forEach(r -> emit(r.prefix(form), sink));
                            }
                        }
                        if (suffix.cross) {
                            for (String other : flags) {
                                Rules prefix = prefixes.get(other);
                                if (prefix != null && prefix.cross) {
                                    prefix.list.forEach(r -> emit(r.prefix(form), sink));
                                }
                            }
                        }
                    }
                }
                Rules prefix = prefixes.get(flag);
                if (prefix != null) {
                    prefix.list.forEach(r -> emit(r.prefix(stem), sink));
                }
            }
        }

        private static void emit(String form, Consumer<String> sink) {
            if (form != null) {
                sink.accept(form);
            }
        }
    }

    private record Rules(boolean cross, List<Rule> list) {
        Rules(boolean cross) {
            this(cross, new ArrayList<>());
        }
    }

    private record Rule(String strip, String add, List<String> continuation, Pattern condition) {
        String suffix(String stem) {
            if (!stem.endsWith(strip) || stem.length() <= strip.length() && add.isEmpty()
                    || condition != null && !condition.matcher(stem).find()) {
                return null;
            }
            return stem.substring(0, stem.length() - strip.length()) + add;
        }

        String prefix(String stem) {
            if (!stem.startsWith(strip) || stem.length() <= strip.length() && add.isEmpty()
                    || condition != null && !condition.matcher(stem).lookingAt()) {
                return null;
            }
            return add + stem.substring(strip.length());
        }
    }
}
