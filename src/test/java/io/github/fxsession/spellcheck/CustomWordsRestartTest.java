package io.github.fxsession.spellcheck;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.fxsession.testing.ChildJvm;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Custom words across a real restart: each run of the application is a child JVM
 * ({@link CustomWordsRestartChild}) on one temporary user-data root.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CustomWordsRestartTest {

    @TempDir
    Path userData;

    @Test
    void wordAddedInOneJvmIsKnownInTheNextAndNeverInAnotherPartition() throws Exception {
        assertThat(run("add", "persist:spell-restart", "Zorblaxian")).contains("ADDED true");
        assertThat(run("check", "persist:spell-restart", "Zorblaxian")).contains("MISSPELLED false", "WORDS [Zorblaxian]");
        assertThat(run("check", "persist:spell-elsewhere", "Zorblaxian")).contains("MISSPELLED true", "WORDS []");
    }

    /** Runs the child to its end and returns its lines. */
    private List<String> run(String mode, String partition, String word) throws Exception {
        Process child = ChildJvm.start(CustomWordsRestartChild.class, List.of("-Dfxsession.userDataPath=" + userData,
                "--enable-native-access=ALL-UNNAMED"), mode, partition, word);
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("child ended: %s", output).isTrue();
        assertThat(child.exitValue()).as("exit code; output:%n%s", output).isZero();
        return output.lines().toList();
    }
}
