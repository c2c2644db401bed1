package io.github.fxsession.internal.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartitionDirectoriesTest {

    /** Names an attacker or a careless caller could pass after {@code persist:}. */
    private static final List<String> HOSTILE_NAMES = List.of(
            "../../x", "..", ".", "...", "a/b", "a\\b", "/abs", "C:\\x", "C:", "\\\\server\\share",
            "con", "CON", "nul", "NUL", "con.txt", "com1", "lpt9", "aux ", "trailing.", "trailing ",
            "a\u0001b", "a\nb", "a\rb", "\t", "\u007f", "a\0b",
            "%", "%2F", "%2E%2E", "~", "a~b",
            "\u65e5\u672c\u8a9e", "caf\u00e9", "cafe\u0301", "\ud83d\ude00", "\u202e", "\ufeff",
            "\ud800", "?", "\udc00", "a\ud800", "a?", "\ud83d", "\ude00",
            "x".repeat(10_000), "x".repeat(9_999) + "y", "\u00e9".repeat(5_000),
            "A", "a", "Work", "work", "WORK");

    /** What a directory name may look like: encoded characters, or a prefix, {@code ~} and a SHA-256. */
    private static final Pattern SAFE = Pattern.compile("(?:[a-z0-9_-]|%[0-9A-F]{2})+(?:~[0-9a-f]{64})?");

    private static final long SEED = 0x5e55_1011L;

    @Test
    void hostileNamesResolveToDirectChildrenOfTheRoot(@TempDir Path root) {
        for (String name : HOSTILE_NAMES) {
            Path dir = PartitionDirectories.resolve(root, name);

            assertThat(dir.getParent()).as("parent of '%s'", shown(name)).isEqualTo(root.toAbsolutePath().normalize());
        }
    }

    @Test
    void hostileNamesGetDistinctDirectoriesEvenOnCaseInsensitiveFileSystems() {
        Map<String, String> byFoldedDirectory = new HashMap<>();
        for (String name : HOSTILE_NAMES) {
            String folded = PartitionDirectories.directoryName(name).toLowerCase(Locale.ROOT);
            String previous = byFoldedDirectory.put(folded, name);

            assertThat(previous).as("'%s' and '%s' share directory %s", shown(name),
                    previous == null ? "" : shown(previous), folded).isNull();
        }
    }

    @Test
    void hostileNamesGetShortSafeDirectoryNames() {
        for (String name : HOSTILE_NAMES) {
            String directory = PartitionDirectories.directoryName(name);

            assertThat(directory).as("directory of '%s'", shown(name))
                    .hasSizeLessThanOrEqualTo(PartitionDirectories.MAX_LENGTH)
                    .matches(SAFE);
        }
    }

    @Test
    void hostileNamesNeverGiveAWindowsDeviceName() {
        Set<String> devices = Set.of("con", "prn", "aux", "nul", "com1", "com9", "lpt1", "lpt9");
        for (String name : HOSTILE_NAMES) {
            assertThat(PartitionDirectories.directoryName(name).toLowerCase(Locale.ROOT))
                    .as("directory of '%s'", shown(name)).isNotIn(devices);
        }
    }

    @Test
    void hostileNamesCanBeCreatedOnTheRealFileSystemInsideTheRoot(@TempDir Path root) throws IOException {
        Path realRoot = root.toRealPath();
        for (String name : HOSTILE_NAMES) {
            Path dir = Files.createDirectories(PartitionDirectories.resolve(root, name));

            assertThat(dir.toRealPath().getParent()).as("parent of '%s'", shown(name)).isEqualTo(realRoot);
        }
        try (Stream<Path> children = Files.list(root)) {
            assertThat(children.count()).as("one directory per name").isEqualTo(HOSTILE_NAMES.size());
        }
    }

    @Test
    void wellFormedNamesAreEncodedAsUtf8SoExistingDirectoriesKeepTheirNames() {
        assertThat(PartitionDirectories.directoryName("work-2_b")).isEqualTo("work-2_b");
        assertThat(PartitionDirectories.directoryName("Caf\u00e9 \ud83d\ude00"))
                .isEqualTo("%43af%C3%A9%20%F0%9F%98%80");
    }

    @Test
    void aLoneSurrogateIsEncodedOnItsOwnInsteadOfAsQuestionMark() {
        assertThat(PartitionDirectories.directoryName("\ud800")).isEqualTo("%ED%A0%80");
        assertThat(PartitionDirectories.directoryName("?")).isEqualTo("%3F");
    }

    @Test
    void anEmptyNameIsRejectedBecauseItWouldBeTheRootItself(@TempDir Path root) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PartitionDirectories.resolve(root, ""));

        assertThat(e).hasMessage("partition '' escapes " + root.toAbsolutePath().normalize());
    }

    @Test
    void randomNamesMapToDistinctSafeDirectories(@TempDir Path root) {
        Random random = new Random(SEED);
        Set<String> names = new LinkedHashSet<>();
        while (names.size() < 2_000) {
            names.add(random.nextBoolean() ? fromSmallAlphabet(random) : fromAnyChars(random));
        }
        Path normalizedRoot = root.toAbsolutePath().normalize();
        Map<String, String> byFoldedDirectory = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (String name : names) {
            String directory = PartitionDirectories.directoryName(name);
            String previous = byFoldedDirectory.put(directory.toLowerCase(Locale.ROOT), name);
            if (previous != null) {
                problems.add("'" + shown(name) + "' and '" + shown(previous) + "' share directory " + directory);
            }
            if (directory.length() > PartitionDirectories.MAX_LENGTH || !SAFE.matcher(directory).matches()) {
                problems.add("'" + shown(name) + "' gets unsafe directory " + directory);
            }
            if (!PartitionDirectories.resolve(root, name).getParent().equals(normalizedRoot)) {
                problems.add("'" + shown(name) + "' escapes to " + PartitionDirectories.resolve(root, name));
            }
        }

        assertThat(problems).as("random names from seed %d", SEED).isEmpty();
    }

    /** Short names over characters that are easy to confuse, so that near-collisions are all tried. */
    private static String fromSmallAlphabet(Random random) {
        char[] alphabet = {'a', 'A', '.', '/', '\\', '?', '%', '~', ' ', '\0', '\u00e9', '\ud800', '\udc00'};
        StringBuilder out = new StringBuilder();
        int length = 1 + random.nextInt(3);
        for (int i = 0; i < length; i++) {
            out.append(alphabet[random.nextInt(alphabet.length)]);
        }
        return out.toString();
    }

    /** Names of any UTF-16 code units, sometimes long enough to be hashed. */
    private static String fromAnyChars(Random random) {
        int length = random.nextInt(10) == 0 ? 40 + random.nextInt(80) : 1 + random.nextInt(24);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append(switch (random.nextInt(4)) {
                case 0 -> (char) random.nextInt(0x80);
                case 1 -> (char) (0xd800 + random.nextInt(0x800));
                default -> (char) random.nextInt(0x10000);
            });
        }
        return out.toString();
    }

    private static String shown(String name) {
        String escaped = UserAgents.escape(name.length() > 60 ? name.substring(0, 60) + "..." : name);
        StringBuilder out = new StringBuilder();
        escaped.chars().forEach(c -> out.append(c < 0x7f ? String.valueOf((char) c) : String.format("\\u%04x", c)));
        return out.toString();
    }
}
