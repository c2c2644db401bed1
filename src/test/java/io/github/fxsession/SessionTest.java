package io.github.fxsession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code Session.fromPartition} as Electron's {@code session.fromPartition}. All tests of the JVM share
 * one user-data root (surefire's {@code fxsession.userDataPath}), so each test uses its own partition.
 */
class SessionTest {

    @Test
    void theSamePartitionNameReturnsTheSameSession() {
        Session first = Session.fromPartition("session-test-same-name");

        assertThat(Session.fromPartition("session-test-same-name")).isSameAs(first);
    }

    @Test
    void anEmptyPartitionNameIsTheDefaultSession() {
        assertThat(Session.fromPartition("")).isSameAs(Session.defaultSession());
    }

    @Test
    void theDefaultSessionIsStoredInTheUserDataDirectory() {
        Session session = Session.defaultSession();

        assertThat(session.isPersistent()).isTrue();
        assertThat(session.getStoragePath()).isEqualTo(Session.getUserDataPath());
        assertThat(session.getPartition()).isEmpty();
    }

    @Test
    void aPersistPartitionIsStoredUnderPartitionsInTheUserDataDirectory() {
        Session session = Session.fromPartition("persist:session-test-stored");

        assertThat(session.isPersistent()).isTrue();
        assertThat(session.getStoragePath())
                .isEqualTo(Session.getUserDataPath().resolve("Partitions").resolve("session-test-stored"));
        assertThat(session.storagePath()).isEqualTo(session.getStoragePath());
    }

    @Test
    void aPartitionWithoutPersistPrefixLivesInMemory() {
        Session session = Session.fromPartition("session-test-in-memory");

        assertThat(session.isPersistent()).isFalse();
        assertThat(session.getStoragePath()).isNull();
        assertThat(session.storagePath()).isNull();
    }

    @Test
    void optionsForAnExistingPartitionAreRefused() {
        Session.fromPartition("session-test-existing");

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Session.fromPartition("session-test-existing", new PartitionOptions(false)));

        assertThat(e).hasMessage("partition 'session-test-existing' exists already and the options of an existing"
                + " session cannot change; call fromPartition without options");
    }

    @Test
    void optionsOfANewPartitionAreApplied() {
        Session session = Session.fromPartition("session-test-no-cache", new PartitionOptions(false));

        assertThat(session.isCacheEnabled()).isFalse();
    }

    @Test
    void aPartitionCreatedWithoutOptionsHasACache() {
        assertThat(Session.fromPartition("session-test-default-options").isCacheEnabled()).isTrue();
    }

    @Test
    void theUserDataPathCannotChangeOnceASessionWasUsed(@TempDir Path elsewhere) {
        Session.fromPartition("session-test-used");

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Session.setUserDataPath(elsewhere));

        assertThat(e).hasMessage("setUserDataPath must be called before the first session is used; sessions"
                + " already live under " + Session.getUserDataPath());
        assertThat(Session.getUserDataPath()).isNotEqualTo(elsewhere);
    }

    @Test
    void aNullPartitionIsRejected() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> Session.fromPartition(null));

        assertThat(e).hasMessage("partition == null");
    }

    @Test
    void aBlankPartitionIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Session.fromPartition("  "));

        assertThat(e).hasMessage("partition must have a non-blank name: '  '");
    }

    @Test
    void aPersistPrefixWithoutNameIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Session.fromPartition("persist:"));

        assertThat(e).hasMessage("partition must have a non-blank name after 'persist:': 'persist:'");
    }

    @Test
    void aPersistPrefixWithABlankNameIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Session.fromPartition("persist:  "));

        assertThat(e).hasMessage("partition must have a non-blank name after 'persist:': 'persist:  '");
    }

    @Test
    void aPartitionNameWithNulIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Session.fromPartition("a\0b"));

        assertThat(e).hasMessage("partition must not contain NUL: 'a\\0b'");
    }

    @Test
    void nullOptionsAreRejected() {
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> Session.fromPartition("session-test-null-options", null));

        assertThat(e).hasMessage("options == null");
    }
}
