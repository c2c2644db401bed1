package io.github.fxsession.internal.permission;

import io.github.fxsession.WebContents;
import io.github.fxsession.permission.ExternalUrlOpener;
import io.github.fxsession.permission.GeolocationProvider;
import io.github.fxsession.permission.MediaType;
import io.github.fxsession.permission.Permission;
import io.github.fxsession.permission.PermissionCheckDetails;
import io.github.fxsession.permission.PermissionCheckHandler;
import io.github.fxsession.permission.PermissionPolicy;
import io.github.fxsession.permission.PermissionRequestDetails;
import io.github.fxsession.permission.PermissionRequestHandler;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How one partition decides permissions: the application's handlers, else its policy (remembered
 * decisions and the default prompt, or a kiosk list).
 *
 * <p>Threading: decisions start on the FX Application Thread; handlers may answer from any thread; the
 * settings are volatile.
 */
public final class PermissionManager {

    private static final System.Logger LOG = System.getLogger(PermissionManager.class.getName());

    /** What a check answers. */
    public enum State {
        GRANTED("granted"), DENIED("denied"), PROMPT("prompt");

        final String web;

        State(String web) {
            this.web = web;
        }
    }

    private final PermissionStore store;
    private volatile PermissionRequestHandler requestHandler;
    private volatile PermissionCheckHandler checkHandler;
    private volatile PermissionPolicy policy = PermissionPolicy.ask();
    private volatile GeolocationProvider geolocationProvider;
    private volatile ExternalUrlOpener externalUrlOpener;
    private volatile Prompt prompt = PermissionPrompt::ask;
    /** Requests waiting for the current request handler; denied when it changes. */
    private final Set<CompletableFuture<Boolean>> waiting = ConcurrentHashMap.newKeySet();
    /** Prompts showing, by engine, site and permission. */
    private final java.util.Map<String, CompletableFuture<PermissionPrompt.Answer>> prompting = new ConcurrentHashMap<>();

    /** Asks the user; the default is the JavaFX dialog. */
    @FunctionalInterface
    interface Prompt {
        CompletableFuture<PermissionPrompt.Answer> ask(Requester requester, Permission permission, PermissionRequestDetails details);
    }

    public PermissionManager(Path storagePath, String partition) {
        this.store = new PermissionStore(storagePath, partition.isEmpty() ? "default" : partition, Clock.systemUTC());
        PermissionBridge.install();
    }

    /** The remembered decisions ({@code clearStorageData} calls {@code store().clear(originOrNull)}). */
    public PermissionStore store() {
        return store;
    }

    public void setRequestHandler(PermissionRequestHandler handler) {
        requestHandler = handler;
        for (CompletableFuture<Boolean> request : List.copyOf(waiting)) {
            request.complete(false);
        }
    }

    public PermissionRequestHandler requestHandler() {
        return requestHandler;
    }

    public void setCheckHandler(PermissionCheckHandler handler) {
        checkHandler = handler;
    }

    public void setPolicy(PermissionPolicy policy) {
        this.policy = policy == null ? PermissionPolicy.ask() : policy;
    }

    public PermissionPolicy policy() {
        return policy;
    }

    public void setGeolocationProvider(GeolocationProvider provider) {
        geolocationProvider = provider;
    }

    public GeolocationProvider geolocationProvider() {
        return geolocationProvider;
    }

    public void setExternalUrlOpener(ExternalUrlOpener opener) {
        externalUrlOpener = opener;
    }

    public ExternalUrlOpener externalUrlOpener() {
        return externalUrlOpener;
    }

    /** For tests of the logic without dialogs. */
    void setPrompt(Prompt prompt) {
        this.prompt = Objects.requireNonNull(prompt, "prompt == null");
    }

    /** Decides a request; FX thread. The future completes on whatever thread the decision arrives. */
    CompletableFuture<Boolean> request(Requester requester, Permission permission, PermissionRequestDetails details) {
        PermissionRequestHandler handler = requestHandler;
        CompletableFuture<Boolean> decision;
        if (handler != null) {
            decision = askHandler(handler, requester, permission, details);
        } else {
            decision = byPolicy(requester, permission, details);
        }
        return decision.whenComplete((granted, failed) -> {
            if (failed == null && requester.verified()) {
                store.recordRun(requester.origin(), permission, granted);
            }
        });
    }

    private CompletableFuture<Boolean> askHandler(PermissionRequestHandler handler, Requester requester,
            Permission permission, PermissionRequestDetails details) {
        CompletableFuture<Boolean> decision = new CompletableFuture<>();
        waiting.add(decision);
        decision.whenComplete((granted, failed) -> waiting.remove(decision));
        try {
            handler.handle((WebContents) requester.binding().facade(), permission, decision::complete, details);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the permission request handler threw; denying " + permission, e);
            decision.complete(false);
        }
        if (requestHandler != handler) {
            decision.complete(false);
        }
        return decision;
    }

    private CompletableFuture<Boolean> byPolicy(Requester requester, Permission permission, PermissionRequestDetails details) {
        PermissionPolicy current = policy;
        if (!current.asksUser()) {
            return CompletableFuture.completedFuture(current.allowedPermissions().contains(permission));
        }
        if (requester.verified() && requester.origin() != null) {
            java.util.Optional<Boolean> remembered = store.get(requester.origin(), permission);
            if (remembered.isPresent()) {
                return CompletableFuture.completedFuture(remembered.get());
            }
        }
        // One prompt per engine, site and permission at a time: a page asking again while the user has
        // not answered gets the same answer, instead of a pile of dialogs.
        String key = (requester.binding() == null ? "-" : requester.binding().token()) + " " + requester.origin()
                + " " + permission + " " + details.externalURL();
        CompletableFuture<PermissionPrompt.Answer> asking = prompting.computeIfAbsent(key,
                k -> prompt.ask(requester, permission, details));
        asking.whenComplete((answer, failed) -> prompting.remove(key, asking));
        return asking.thenApply(answer -> {
            if (answer.remember() && requester.verified() && requester.origin() != null) {
                store.remember(requester.origin(), permission, answer.granted());
            }
            return answer.granted();
        });
    }

    /** Answers a check; FX thread. */
    State check(Requester requester, Permission permission, MediaType mediaType) {
        PermissionCheckHandler handler = checkHandler;
        String origin = requester.origin() == null ? "null" : requester.origin();
        if (handler != null) {
            boolean crossOrigin = requester.crossOriginFrame();
            PermissionCheckDetails details = new PermissionCheckDetails(
                    crossOrigin ? requester.topOrigin() : null,
                    permission == Permission.MEDIA ? origin : null,
                    permission == Permission.MEDIA ? (mediaType == null ? MediaType.UNKNOWN : mediaType) : null,
                    crossOrigin ? null : requester.url(),
                    requester.mainFrame());
            WebContents contents = crossOrigin ? null : (WebContents) requester.binding().facade();
            try {
                return handler.check(contents, permission, origin, details) ? State.GRANTED : State.DENIED;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "the permission check handler threw; answering false for " + permission, e);
                return State.DENIED;
            }
        }
        if (requester.verified()) {
            Boolean decided = store.decided(requester.origin(), permission);
            if (decided != null) {
                return decided ? State.GRANTED : State.DENIED;
            }
        }
        PermissionPolicy current = policy;
        if (!current.asksUser()) {
            return current.allowedPermissions().contains(permission) ? State.GRANTED : State.DENIED;
        }
        return State.PROMPT;
    }
}
