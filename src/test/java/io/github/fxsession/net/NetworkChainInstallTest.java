package io.github.fxsession.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.fxsession.testing.ChildJvm;
import io.github.fxsession.testing.ForeignFactoryFirst;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** fxsession must own the JVM's one URLStreamHandlerFactory, and says so when it cannot. */
class NetworkChainInstallTest {

    @Test
    void firstUseFailsClearlyWhenAnotherFactoryIsAlreadyInstalled() throws Exception {
        Process child = ChildJvm.start(ForeignFactoryFirst.class, List.of());
        try {
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("child JVM ended").isTrue();
            List<String> lines = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            String first = lines.stream().filter(l -> l.startsWith("ERROR1: ")).findFirst().orElseThrow(
                    () -> new AssertionError("first use did not fail; the child printed " + lines));
            String second = lines.stream().filter(l -> l.startsWith("ERROR2: ")).findFirst().orElseThrow(
                    () -> new AssertionError("second use did not fail; the child printed " + lines));
            assertThat(first).contains("fxsession must own the JVM's URLStreamHandlerFactory")
                    .contains("another one is already installed");
            assertThat(second.substring("ERROR2: ".length())).isEqualTo(first.substring("ERROR1: ".length()));
        } finally {
            ChildJvm.kill(child);
        }
    }
}
