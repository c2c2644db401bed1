package io.github.fxsession.cookies;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.fxsession.Session;
import io.github.fxsession.testing.ChildJvm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cookies of a {@code persist:} partition across restarts: each run of the application is a child JVM
 * ({@link CookieRestartChild}) on a temporary user-data root, since a partition belongs to one process at
 * a time and this JVM's root is fixed.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CookiePersistenceTest {

    @TempDir
    Path userData;

    @Test
    void persistentCookiesSurviveARestartAndSessionCookiesDoNot() throws Exception {
        assertThat(writeThenRead("write", "persist:restart", false)).containsExactly("kept=1");
    }

    @Test
    void sessionCookiesSurviveARestartWhenThePartitionKeepsThem() throws Exception {
        assertThat(writeThenRead("write", "persist:keep-session", true)).containsExactlyInAnyOrder("kept=1", "session=2");
    }

    @Test
    void cookiesNotYetWrittenAreSavedWhenTheApplicationExitsNormally() throws Exception {
        assertThat(writeThenRead("write-exit", "persist:exit", false)).containsExactly("kept=1");
    }

    @Test
    void theDefaultSessionKeepsItsCookiesInTheUserDataFolder() throws Exception {
        assertThat(writeThenRead("write", "", false)).containsExactly("kept=1");
        assertThat(userData.resolve("Cookies.json")).exists();
    }

    @Test
    void aCorruptCookieFileIsMovedAsideAndThePartitionStartsWithoutItsCookies() throws IOException {
        Path directory = Session.getUserDataPath().resolve("Partitions").resolve("corrupt-cookies");
        deleteRecursively(directory);
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("Cookies.json"), "{\"format\":\"fxsession-cookies\",\"version\":1,\"cook");

        Session session = Session.fromPartition("persist:corrupt-cookies");

        assertThat(session.cookies().get(CookieFilter.all()).join()).isEmpty();
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .anyMatch(name -> name.startsWith("Cookies.json.corrupt-"))
                    .doesNotContain("Cookies.json");
        }
        session.cookies().flushStore().join();
        assertThat(Files.readString(directory.resolve("Cookies.json")))
                .isEqualTo("{\"format\":\"fxsession-cookies\",\"version\":1,\"cookies\":[]}\n");
    }

    /**
     * Runs the child in {@code mode} ({@code write} or {@code write-exit}), then a fresh one that reads:
     * the {@code name=value} of the cookies the second run finds in {@code partition}.
     */
    private List<String> writeThenRead(String mode, String partition, boolean keepSessionCookies) throws Exception {
        run(mode, partition, keepSessionCookies, CookieRestartChild.WRITTEN);
        return run("read", partition, keepSessionCookies, CookieRestartChild.DONE).stream()
                .filter(line -> line.startsWith(CookieRestartChild.COOKIE))
                .map(line -> line.substring(CookieRestartChild.COOKIE.length()))
                .toList();
    }

    /** Runs the child to its end and returns its lines; it must print {@code last} and exit with 0. */
    private List<String> run(String mode, String partition, boolean keepSessionCookies, String last) throws Exception {
        Process child = ChildJvm.start(CookieRestartChild.class, List.of("-Dfxsession.userDataPath=" + userData),
                mode, partition, String.valueOf(keepSessionCookies));
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("child ended: %s", output).isTrue();
        assertThat(child.exitValue()).as("exit code; output:%n%s", output).isZero();
        List<String> lines = output.lines().toList();
        assertThat(lines).as("output").contains(last);
        return lines;
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> paths = Files.walk(directory)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
