package io.github.fxsession.internal.permission;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.fxsession.permission.Permission;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PermissionStoreFileTest {

    @Test
    void aDamagedFileIsMovedAsideGrantsNothingAndIsNeverOverwritten(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(PermissionStore.FILE_NAME);
        Files.writeString(file, "{\"decisions\": [ {\"origin\": \"https://a.example\", \"permission\": \"geolo");

        PermissionStore store = new PermissionStore(dir, "damaged", Clock.systemUTC());
        assertThat(store.list()).isEmpty();
        store.remember("https://b.example", Permission.NOTIFICATIONS, false);
        store.flush().get(10, TimeUnit.SECONDS);

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted())
                    .hasSize(2).contains(PermissionStore.FILE_NAME)
                    .anySatisfy(name -> assertThat(name).startsWith(PermissionStore.FILE_NAME + ".corrupt-"));
        }
        try (Stream<Path> files = Files.list(dir)) {
            Path aside = files.filter(p -> p.getFileName().toString().contains(".corrupt-")).findFirst().orElseThrow();
            assertThat(Files.readString(aside)).endsWith("\"geolo");
        }
    }

    @Test
    void flushCompletesOnceTheDecisionIsOnDisk(@TempDir Path dir) throws Exception {
        PermissionStore store = new PermissionStore(dir, "flush", Clock.systemUTC());
        store.remember("https://maps.example", Permission.GEOLOCATION, true);
        store.flush().get(10, TimeUnit.SECONDS);

        assertThat(Files.readString(dir.resolve(PermissionStore.FILE_NAME))).contains("https://maps.example", "geolocation");
        assertThat(new PermissionStore(dir, "reload", Clock.systemUTC()).get("https://maps.example", Permission.GEOLOCATION))
                .contains(true);
    }
}
