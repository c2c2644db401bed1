package io.github.fxsession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.fxsession.testing.ChildJvm;
import io.github.fxsession.testing.HoldPartition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Session.deletePersistentPartition removes a partition from disk, and refuses while it is used. */
class PartitionDeletionTest {

    private static Path directoryOf(String name) {
        return Session.getUserDataPath().resolve("Partitions").resolve(name);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void partitionNoProcessUsesIsDeletedWithEverythingInIt() throws Exception {
        Process holder = ChildJvm.start(HoldPartition.class,
                List.of("-Dfxsession.userDataPath=" + Session.getUserDataPath()), "persist:deleted-later");
        try {
            ChildJvm.awaitLine(holder, HoldPartition.READY, 20);
        } finally {
            ChildJvm.kill(holder);
        }
        Path directory = directoryOf("deleted-later");
        Files.createDirectories(directory.resolve("WebKit").resolve("localstorage"));
        Files.writeString(directory.resolve("WebKit").resolve("localstorage").resolve("http_localhost_0.localstorage"), "x");
        Files.createDirectories(directory.resolve("Cache"));
        Files.writeString(directory.resolve("Cache").resolve("journal"), "libcore.io.DiskLruCache");

        Session.deletePersistentPartition("persist:deleted-later");

        assertThat(directory).doesNotExist();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void partitionAnotherProcessHoldsIsRefusedAndKept() throws Exception {
        Process holder = ChildJvm.start(HoldPartition.class,
                List.of("-Dfxsession.userDataPath=" + Session.getUserDataPath()), "persist:deleted-while-held");
        try {
            ChildJvm.awaitLine(holder, HoldPartition.READY, 20);
            assertThatThrownBy(() -> Session.deletePersistentPartition("persist:deleted-while-held"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("partition 'persist:deleted-while-held' is already in use by another process");
            assertThat(directoryOf("deleted-while-held").resolve("fxsession.lock")).exists();
        } finally {
            ChildJvm.kill(holder);
        }
    }

    @Test
    void partitionUsedInThisProcessIsRefusedWithTheReason() {
        Session.fromPartition("persist:deleted-while-used");
        assertThatThrownBy(() -> Session.deletePersistentPartition("persist:deleted-while-used"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("partition 'persist:deleted-while-used' was used in this process (0 engines attached now)"
                        + " and WebKit keeps its files open until the JVM exits; delete it before using it (for"
                        + " example at the next start), or empty it now with clearStorageData() and clearCache()");
        assertThat(directoryOf("deleted-while-used")).exists();
    }

    @Test
    void onlyPersistentPartitionsCanBeDeleted() {
        assertThatThrownBy(() -> Session.deletePersistentPartition("scratch"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("only a persistent partition ('persist:NAME') can be deleted from disk: 'scratch'");
        assertThatThrownBy(() -> Session.deletePersistentPartition(""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("only a persistent partition ('persist:NAME') can be deleted from disk: ''");
    }

    @Test
    void partitionThatNeverExistedIsNothingToDelete() {
        Session.deletePersistentPartition("persist:never-created");
        assertThat(directoryOf("never-created")).doesNotExist();
    }
}
