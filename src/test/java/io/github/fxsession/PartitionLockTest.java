package io.github.fxsession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.fxsession.testing.ChildJvm;
import io.github.fxsession.testing.HoldPartition;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A persistent partition belongs to one process at a time: WebView cannot share a storage directory
 * between processes. The other process here is a child JVM ({@link HoldPartition}) that uses this JVM's
 * user-data root, since that root is fixed by surefire's {@code fxsession.userDataPath} for the whole
 * test JVM.
 */
class PartitionLockTest {

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aPersistentPartitionHeldByAnotherProcessIsRefusedNamingItsDirectory() throws Exception {
        Path directory = Session.getUserDataPath().resolve("Partitions").resolve("locked-by-child");
        Process holder = startHolder("persist:locked-by-child");
        try {
            awaitReady(holder);

            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> Session.fromPartition("persist:locked-by-child"));

            assertThat(e).hasMessage("partition 'persist:locked-by-child' is already in use by another process: its"
                    + " directory " + directory + " is locked (fxsession.lock); WebView cannot share a storage"
                    + " directory between processes, so use another partition or close the other process");
        } finally {
            kill(holder);
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aPersistentPartitionIsFreeAgainOnceTheProcessHoldingItIsKilled() throws Exception {
        Process holder = startHolder("persist:released-by-child");
        try {
            awaitReady(holder);
        } finally {
            kill(holder);
        }

        Process next = startHolder("persist:released-by-child");
        try {
            awaitReady(next);
        } finally {
            kill(next);
        }
    }

    /** Starts a JVM that opens {@code partition} under this JVM's user-data root. */
    private static Process startHolder(String partition) throws IOException {
        return ChildJvm.start(HoldPartition.class, List.of("-Dfxsession.userDataPath=" + Session.getUserDataPath()), partition);
    }

    private static void awaitReady(Process child) throws InterruptedException {
        ChildJvm.awaitLine(child, HoldPartition.READY, 20);
    }

    private static void kill(Process child) throws InterruptedException {
        ChildJvm.kill(child);
    }
}
