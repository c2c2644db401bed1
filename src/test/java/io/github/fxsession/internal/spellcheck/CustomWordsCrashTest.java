package io.github.fxsession.internal.spellcheck;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.fxsession.internal.util.AtomicFiles;
import io.github.fxsession.testing.CrashLoop;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process killed (SIGKILL) while it adds custom spellcheck words leaves a {@code Custom Dictionary.txt}
 * that loads, whole, with every word it had added. Child JVMs ({@link CustomWordsWriterChild}) add words one
 * after the other and are killed at random moments, {@value #KILLS} times over two folders; each child
 * starts from what the previous one left.
 */
@Tag("crash")
class CustomWordsCrashTest {

    static final int KILLS = 50;

    @TempDir
    Path root;

    @Test
    @Timeout(value = 600, unit = TimeUnit.SECONDS)
    void aProcessKilledWhileAddingWordsLeavesAFileWithEveryAddedWord() throws Exception {
        Map<Path, Long> onDisk = new ConcurrentHashMap<>();
        CrashLoop.Result result = CrashLoop.run(new CrashLoop.Loop(CustomWordsWriterChild.class, List.of(), List.of(), KILLS, 2),
                root, folder -> "go", (folder, child) -> {
                    long before = onDisk.getOrDefault(folder, 0L);
                    if (!child.output().isEmpty()) {
                        assertThat(child.output()).as("what the previous child left, %s", child)
                                .first().isEqualTo(CustomWordsWriterChild.LOADED + before);
                    }
                    long acknowledged = child.lastAck() == null ? before : Long.parseLong(child.lastAck());
                    Path file = folder.resolve(CustomWordsWriterChild.FILE_NAME);
                    String phase = CrashLoop.phase(child, AtomicFiles.tempOf(file),
                            bytes -> new String(bytes, StandardCharsets.UTF_8).equals(text(acknowledged + 1)));
                    List<String> inFile = Files.exists(file) ? Files.readAllLines(file) : List.of();
                    assertThat(Files.exists(file) ? Files.readString(file) : "").as("the file is whole, %s", child)
                            .isEqualTo(text(inFile.size()));

                    List<String> loaded = new SpellChecker("check", folder, () -> null).listWords();

                    assertThat(CrashLoop.list(folder)).as("%s", child)
                            .isSubsetOf(CustomWordsWriterChild.FILE_NAME).hasSizeLessThanOrEqualTo(1);
                    assertThat(loaded).as("%s", child).isEqualTo(inFile);
                    assertThat((long) loaded.size()).as("words on disk, acknowledged %d; %s", acknowledged, child)
                            .isGreaterThanOrEqualTo(acknowledged);
                    onDisk.put(folder, (long) loaded.size());
                    return phase;
                });

        assertThat(result.kills()).isGreaterThanOrEqualTo(KILLS);
    }

    /** The file holding the first {@code count} words. */
    private static String text(long count) {
        StringBuilder text = new StringBuilder();
        CustomWordsWriterChild.words(count).forEach(w -> text.append(w).append('\n'));
        return text.toString();
    }
}
