package io.github.fxsession.permission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.fxsession.Session;
import io.github.fxsession.testing.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Remembered decisions: per partition, on disk for persist: partitions, listed and reset through the API. */
class PermissionDecisionsTest {

    @Test
    void rememberedDecisionsSurviveARestartOfAPersistentPartition(@TempDir Path userData) throws Exception {
        List<String> jvm = List.of("-Dfxsession.userDataPath=" + userData);
        Process first = ChildJvm.start(RememberPermissionChild.class, jvm,
                "remember", "persist:restart", "https://maps.example/where", "geolocation", "true");
        ChildJvm.awaitLine(first, "DONE", 60);
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();

        Process second = ChildJvm.start(RememberPermissionChild.class, jvm, "list", "persist:restart");
        String line = ChildJvm.awaitLine(second, "DECISION", 60);

        assertThat(line).isEqualTo("DECISION https://maps.example geolocation true");
        second.waitFor(30, TimeUnit.SECONDS);
    }

    @Test
    void decisionsNeverLeakToAnotherPartition() {
        Session one = Session.fromPartition("persist:decisions-one");
        Session two = Session.fromPartition("persist:decisions-two");
        one.permissionDecisions().remember("https://a.example", Permission.NOTIFICATIONS, true);

        assertThat(two.permissionDecisions().get("https://a.example", Permission.NOTIFICATIONS)).isEmpty();
        assertThat(two.permissionDecisions().list()).isEmpty();
        assertThat(one.permissionDecisions().get("https://a.example", Permission.NOTIFICATIONS)).contains(true);
    }

    @Test
    void urlsAreReducedToTheirOriginWithoutDefaultPort() {
        Session session = Session.fromPartition("decisions-origins");
        session.permissionDecisions().remember("HTTPS://Maps.Example:443/path?q=1", Permission.GEOLOCATION, false);

        assertThat(session.permissionDecisions().list()).singleElement()
                .satisfies(d -> assertThat(d.origin()).isEqualTo("https://maps.example"));
        assertThat(session.permissionDecisions().get("https://maps.example/other", Permission.GEOLOCATION)).isEqualTo(Optional.of(false));
    }

    @Test
    void fileUrlsShareOneFileSite() {
        PermissionDecisions decisions = Session.fromPartition("decisions-file-site").permissionDecisions();
        decisions.remember("file:///tmp/a.html", Permission.GEOLOCATION, true);

        assertThat(decisions.get("file:///home/b.html", Permission.GEOLOCATION)).contains(true);
        assertThat(decisions.list()).extracting(RememberedPermission::origin).containsExactly("file://");
    }

    @Test
    void clearOfAnOriginForgetsOnlyThatOrigin() {
        Session session = Session.fromPartition("decisions-clear-origin");
        PermissionDecisions decisions = session.permissionDecisions();
        decisions.remember("https://a.example", Permission.NOTIFICATIONS, true);
        decisions.remember("https://a.example", Permission.GEOLOCATION, true);
        decisions.remember("http://b.example:8080", Permission.NOTIFICATIONS, false);

        decisions.clear("https://a.example");

        assertThat(decisions.list()).extracting(RememberedPermission::origin).containsExactly("http://b.example:8080");
    }

    @Test
    void forgetRemovesOneDecisionAndSaysWhetherThereWasOne() {
        PermissionDecisions decisions = Session.fromPartition("decisions-forget").permissionDecisions();
        decisions.remember("https://a.example", Permission.NOTIFICATIONS, true);

        assertThat(decisions.forget("https://a.example", Permission.NOTIFICATIONS)).isTrue();
        assertThat(decisions.forget("https://a.example", Permission.NOTIFICATIONS)).isFalse();
        assertThat(decisions.list()).isEmpty();
    }

    @Test
    void persistentDecisionsAreWrittenAsJsonInThePartitionFolder() throws Exception {
        Session session = Session.fromPartition("persist:decisions-file");
        session.permissionDecisions().clear();
        session.permissionDecisions().remember("https://a.example", Permission.FULLSCREEN, true);
        ((io.github.fxsession.internal.permission.PermissionStore) session.permissionDecisions()).flush().get(10, TimeUnit.SECONDS);

        String json = Files.readString(session.getStoragePath().resolve("Permissions.json"));
        assertThat(json).contains("\"origin\" : \"https://a.example\"", "\"permission\" : \"fullscreen\"", "\"granted\" : true");
    }

    @Test
    void aMalformedOriginIsRejectedQuotingIt() {
        PermissionDecisions decisions = Session.fromPartition("decisions-bad").permissionDecisions();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> decisions.remember("mailto:x@example.com", Permission.NOTIFICATIONS, true));
        assertThat(e).hasMessage("origin must be an http(s) or file origin or URL: 'mailto:x@example.com'");
    }

    @Test
    void permissionNamesAreElectrons() {
        assertThat(java.util.Arrays.stream(Permission.values()).map(Permission::electronName)).containsExactly(
                "clipboard-read", "media", "display-capture", "mediaKeySystem", "geolocation", "notifications", "midi",
                "midiSysex", "pointerLock", "fullscreen", "openExternal", "serial", "unknown");
        assertThat(Permission.fromElectronName("pointerLock")).isEqualTo(Permission.POINTER_LOCK);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Permission.fromElectronName("camera"));
        assertThat(e).hasMessage("unknown permission name: 'camera'");
    }

    @Test
    void kioskPoliciesAreOneCall() {
        Session session = Session.fromPartition("decisions-policy");
        assertThat(session.getPermissionPolicy()).isEqualTo(PermissionPolicy.ask());
        session.setPermissionPolicy(PermissionPolicy.allowOnly(Permission.FULLSCREEN, Permission.NOTIFICATIONS));
        assertThat(session.getPermissionPolicy().allowedPermissions()).containsExactlyInAnyOrder(Permission.FULLSCREEN, Permission.NOTIFICATIONS);
        assertThat(session.getPermissionPolicy().asksUser()).isFalse();
        session.setPermissionPolicy(null);
        assertThat(session.getPermissionPolicy()).isEqualTo(PermissionPolicy.ask());
    }
}
