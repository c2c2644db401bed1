package io.github.fxsession.internal.session;

import static io.github.fxsession.fuzz.Fuzz.answers;
import static io.github.fxsession.fuzz.Fuzz.grammar;
import static io.github.fxsession.fuzz.Fuzz.parsesOrRejects;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Partition names: accepted or rejected with a message, and an accepted one maps to one directory inside the root. */
class PartitionNameFuzzTest {

    private static final Path ROOT = Path.of("/tmp/fxsession-fuzz/Partitions").toAbsolutePath();

    @Provide
    Arbitrary<String> partitions() {
        return grammar("persist:", "persist:", "", " ", "\0", "a", "Z", "_", "-", ".", "..", "/", "\\", "../", "%",
                "%2F", "con", "NUL", "com1", "~", ":", "é", "\uD800", "\uDC00", "😀", "x".repeat(100));
    }

    @Property(tries = 1000)
    void partitionNamesAreValidatedAndStayInsideTheirRoot(@ForAll("partitions") String partition) {
        Object accepted = parsesOrRejects(partition, () -> {
            SessionRegistry.validate(partition);
            return Boolean.TRUE;
        }, IllegalArgumentException.class);
        if (accepted == null || partition.isEmpty()) {
            return;
        }
        String name = partition.startsWith(SessionRegistry.PERSIST_PREFIX)
                ? partition.substring(SessionRegistry.PERSIST_PREFIX.length()) : partition;
        String directory = answers(name, () -> PartitionDirectories.directoryName(name));
        assertThat(directory).matches("[a-z0-9_%~A-F-]+").hasSizeLessThanOrEqualTo(PartitionDirectories.MAX_LENGTH);
        Path resolved = answers(name, () -> PartitionDirectories.resolve(ROOT, name));
        assertThat(resolved.getParent()).isEqualTo(ROOT);
        assertThat(resolved.getFileName().toString()).isEqualTo(directory);
    }
}
