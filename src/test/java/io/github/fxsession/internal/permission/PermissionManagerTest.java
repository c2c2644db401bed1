package io.github.fxsession.internal.permission;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.fxsession.permission.Permission;
import io.github.fxsession.permission.PermissionPolicy;
import io.github.fxsession.permission.PermissionRequestDetails;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** How a partition decides without handlers: policy, remembered decisions, the prompt (replaced here by a fake). */
class PermissionManagerTest {

    private static final String SITE = "https://site.example";

    private final PermissionManager manager = new PermissionManager(null, "manager-test");
    private final AtomicInteger prompts = new AtomicInteger();

    /** The user answers {@code granted}, ticking "remember" or not. */
    private void userAnswers(boolean granted, boolean remember) {
        manager.setPrompt((requester, permission, details) -> {
            prompts.incrementAndGet();
            return CompletableFuture.completedFuture(new PermissionPrompt.Answer(granted, remember));
        });
    }

    private static Requester verified(String url) {
        return new Requester(null, url, Origins.of(url), true, true, Origins.of(url));
    }

    private static Requester unverified(String url) {
        return new Requester(null, url, Origins.of(url), false, false, SITE);
    }

    private boolean request(Requester requester, Permission permission) {
        return manager.request(requester, permission, new PermissionRequestDetails(requester.url(), requester.mainFrame(),
                List.of(), null)).join();
    }

    @Test
    void rememberedAnswerIsStoredAndUsedWithoutAskingAgain() {
        userAnswers(true, true);

        assertThat(request(verified(SITE + "/a"), Permission.GEOLOCATION)).isTrue();
        assertThat(request(verified(SITE + "/b"), Permission.GEOLOCATION)).isTrue();

        assertThat(prompts).hasValue(1);
        assertThat(manager.store().get(SITE, Permission.GEOLOCATION)).contains(true);
    }

    @Test
    void aSecondRequestWhileThePromptShowsSharesItsAnswer() {
        CompletableFuture<PermissionPrompt.Answer> user = new CompletableFuture<>();
        manager.setPrompt((requester, permission, details) -> {
            prompts.incrementAndGet();
            return user;
        });
        PermissionRequestDetails details = new PermissionRequestDetails(SITE, true, List.of(), null);

        CompletableFuture<Boolean> first = manager.request(verified(SITE), Permission.GEOLOCATION, details);
        CompletableFuture<Boolean> second = manager.request(verified(SITE), Permission.GEOLOCATION, details);
        user.complete(new PermissionPrompt.Answer(true, false));

        assertThat(first.join()).isTrue();
        assertThat(second.join()).isTrue();
        assertThat(prompts).hasValue(1);
    }

    @Test
    void answerWithoutRememberIsAskedAgainNextTime() {
        userAnswers(false, false);

        request(verified(SITE), Permission.NOTIFICATIONS);
        request(verified(SITE), Permission.NOTIFICATIONS);

        assertThat(prompts).hasValue(2);
        assertThat(manager.store().list()).isEmpty();
    }

    @Test
    void unverifiedFramesNeitherUseNorStoreRememberedDecisions() {
        manager.store().remember(SITE, Permission.NOTIFICATIONS, true);
        userAnswers(false, true);

        assertThat(request(unverified(SITE + "/claimed"), Permission.NOTIFICATIONS)).isFalse();

        assertThat(prompts).hasValue(1);
        assertThat(manager.store().get(SITE, Permission.NOTIFICATIONS)).contains(true);
    }

    @Test
    void kioskPolicyDecidesWithoutAskingEvenWhenADecisionIsRemembered() {
        manager.store().remember(SITE, Permission.FULLSCREEN, false);
        userAnswers(true, false);
        manager.setPolicy(PermissionPolicy.allowOnly(Permission.FULLSCREEN));

        assertThat(request(verified(SITE), Permission.FULLSCREEN)).isTrue();
        assertThat(request(verified(SITE), Permission.GEOLOCATION)).isFalse();
        assertThat(prompts).hasValue(0);
    }

    @Test
    void checkWithoutHandlerAnswersRememberedThenThisRunThenPolicy() {
        Requester page = verified(SITE);
        assertThat(manager.check(page, Permission.NOTIFICATIONS, null)).isEqualTo(PermissionManager.State.PROMPT);

        userAnswers(true, false);
        request(page, Permission.NOTIFICATIONS);
        assertThat(manager.check(page, Permission.NOTIFICATIONS, null)).isEqualTo(PermissionManager.State.GRANTED);

        manager.store().remember(SITE, Permission.NOTIFICATIONS, false);
        assertThat(manager.check(page, Permission.NOTIFICATIONS, null)).isEqualTo(PermissionManager.State.DENIED);

        manager.setPolicy(PermissionPolicy.denyAll());
        assertThat(manager.check(page, Permission.GEOLOCATION, null)).isEqualTo(PermissionManager.State.DENIED);
    }

    @Test
    void aThrowingCheckHandlerAnswersDenied() {
        manager.setCheckHandler((contents, permission, origin, details) -> {
            throw new IllegalStateException("bug in the application");
        });

        Requester crossOriginFrame = new Requester(null, "https://other.example/frame", "https://other.example", false, true, SITE);

        assertThat(manager.check(crossOriginFrame, Permission.NOTIFICATIONS, null)).isEqualTo(PermissionManager.State.DENIED);
    }
}
