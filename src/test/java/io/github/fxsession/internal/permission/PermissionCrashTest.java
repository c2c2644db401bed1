package io.github.fxsession.internal.permission;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.fxsession.permission.RememberedPermission;
import io.github.fxsession.internal.util.AtomicFiles;
import io.github.fxsession.testing.CrashLoop;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * A process killed (SIGKILL) while it remembers permission decisions leaves a {@code Permissions.json}
 * that loads, whole, with every decision it had acknowledged as written. Child JVMs
 * ({@link PermissionWriterChild}) remember decisions one after the other and are killed at random moments,
 * {@value #KILLS} times over two folders; each child starts from what the previous one left.
 */
@Tag("crash")
class PermissionCrashTest {

    static final int KILLS = 50;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path root;

    @Test
    @Timeout(value = 600, unit = TimeUnit.SECONDS)
    void aProcessKilledWhileRememberingDecisionsLeavesAFileWithEveryAcknowledgedOne() throws Exception {
        Map<Path, Long> onDisk = new ConcurrentHashMap<>();
        CrashLoop.Result result = CrashLoop.run(new CrashLoop.Loop(PermissionWriterChild.class, List.of(), List.of(), KILLS, 2),
                root, folder -> "go", (folder, child) -> {
                    long before = onDisk.getOrDefault(folder, 0L);
                    if (!child.output().isEmpty()) {
                        assertThat(child.output()).as("what the previous child left, %s", child)
                                .first().isEqualTo(PermissionWriterChild.LOADED + before);
                    }
                    Path file = folder.resolve(PermissionStore.FILE_NAME);
                    String phase = CrashLoop.phase(child, AtomicFiles.tempOf(file),
                            PermissionCrashTest::parses);
                    if (Files.exists(file)) {
                        assertThat(parses(Files.readAllBytes(file))).as("the file is whole JSON, %s", child).isTrue();
                    }

                    List<RememberedPermission> loaded = new PermissionStore(folder, "check", Clock.systemUTC()).list();

                    assertThat(CrashLoop.list(folder)).as("%s", child)
                            .isSubsetOf(PermissionStore.FILE_NAME).hasSizeLessThanOrEqualTo(1);
                    Map<String, Long> numbers = loaded.stream().collect(Collectors.toMap(RememberedPermission::origin,
                            PermissionWriterChild::numberOf));
                    for (RememberedPermission decision : loaded) {
                        long n = PermissionWriterChild.numberOf(decision);
                        assertThat(decision.origin()).as("%s", child).isEqualTo(PermissionWriterChild.origin(n));
                        assertThat(decision.granted()).as("%s", child).isEqualTo(n % 2 == 0);
                    }
                    long acknowledged = child.lastAck() == null ? before : Long.parseLong(child.lastAck());
                    for (long n = Math.max(1, acknowledged - PermissionWriterChild.SITES + 1); n <= acknowledged; n++) {
                        assertThat(numbers.get(PermissionWriterChild.origin(n)))
                                .as("decision %d was acknowledged; %s", n, child).isNotNull().isGreaterThanOrEqualTo(n);
                    }
                    onDisk.put(folder, numbers.values().stream().mapToLong(Long::longValue).max().orElse(0));
                    return phase;
                });

        assertThat(result.kills()).isGreaterThanOrEqualTo(KILLS);
    }

    private static boolean parses(byte[] bytes) {
        try {
            return JSON.readTree(bytes).path("decisions").isArray();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
