package io.github.fxsession.internal.cookies;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.fxsession.testing.CrashLoop;
import java.nio.charset.StandardCharsets;
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
 * A process killed (SIGKILL) while it writes its cookie file leaves a file that loads, whole, with at
 * least every generation of cookies it had acknowledged as flushed: only the unflushed tail is lost. Child
 * JVMs ({@link CookieWriterChild}) write as fast as they can and are killed at random moments,
 * {@value #KILLS} times over two folders; each child starts from what the previous one left.
 */
@Tag("crash")
class CookieCrashTest {

    static final int KILLS = 50;

    @TempDir
    Path root;

    @Test
    @Timeout(value = 600, unit = TimeUnit.SECONDS)
    void aProcessKilledDuringWritesAlwaysLeavesAFileWithEverythingItFlushed() throws Exception {
        Map<Path, Long> onDisk = new ConcurrentHashMap<>();
        CrashLoop.Result result = CrashLoop.run(new CrashLoop.Loop(CookieWriterChild.class, List.of(), List.of(), KILLS, 2),
                root, folder -> "go", (folder, child) -> {
                    long before = onDisk.getOrDefault(folder, 0L);
                    if (!child.output().isEmpty()) {
                        assertThat(child.output()).as("what the previous child left, %s", child)
                                .first().isEqualTo(CookieWriterChild.LOADED + before);
                    }
                    String phase = CrashLoop.phase(child, folder.resolve(CookieFile.FILE_NAME + CookieFile.TEMP_SUFFIX),
                            bytes -> new String(bytes, StandardCharsets.UTF_8).endsWith("]}\n"));

                    CookieFile.LoadResult loaded = CookieFile.in(folder).read();

                    assertThat(loaded.problem()).as("%s", child).isNull();
                    assertThat(CrashLoop.list(folder)).as("%s", child).isSubsetOf(CookieFile.FILE_NAME)
                            .hasSizeLessThanOrEqualTo(1);
                    long generation = CookieWriterChild.generationOf(loaded.cookies());
                    long acknowledged = child.lastAck() == null ? before : Long.parseLong(child.lastAck());
                    assertThat(generation).as("generation on disk, acknowledged %d; %s", acknowledged, child)
                            .isGreaterThanOrEqualTo(acknowledged);
                    onDisk.put(folder, generation);
                    return phase;
                });

        assertThat(result.kills()).isGreaterThanOrEqualTo(KILLS);
    }
}
