package io.github.fxsession.internal.bridge;

import io.github.fxsession.internal.net.FrameTracker;
import io.github.fxsession.internal.session.EngineBinding;
import java.lang.ref.WeakReference;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import javafx.beans.value.ChangeListener;
import javafx.scene.web.PromptData;
import javafx.scene.web.WebEngine;
import javafx.util.Callback;
import org.w3c.dom.Document;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The synchronous channel between pages of one attached engine and the library.
 *
 * <p>A page calls {@code window.__fxsession.call(method, args)}; the bridge script turns that into a
 * {@code prompt()} with a reserved prefix, which WebKit hands synchronously, on the FX Application
 * Thread, to this engine's prompt handler. Strings go in and out, nothing else: pages reach only the
 * methods registered here, never a Java object, and since each engine has its own handler a page can
 * only ever act for its own engine. Ordinary {@code prompt()} calls go to the application's handler,
 * which may be set before or after attaching.
 *
 * <p>Threading: FX Application Thread.
 */
public final class PageBridge {

    static final String PREFIX = "__fxsession_bridge__:";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, BridgeMethod> METHODS = new ConcurrentHashMap<>();
    /** Capabilities that add entries to the {@code init} answer every document's bridge gets. */
    private static final java.util.List<java.util.function.BiConsumer<BridgeMethod.Call, Map<String, Object>>> INIT_CONTRIBUTORS =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    static {
        register("init", call -> {
            Map<String, Object> init = new LinkedHashMap<>();
            init.put("userAgent", call.binding().effectiveUserAgent());
            for (var contributor : INIT_CONTRIBUTORS) {
                try {
                    contributor.accept(call, init);
                } catch (RuntimeException e) {
                    // one capability's failure must not take the whole bridge from the document
                    System.getLogger(PageBridge.class.getName()).log(System.Logger.Level.WARNING,
                            "bridge init contributor failed", e);
                }
            }
            return init;
        });
        register("frame.expect", call -> {
            String url = call.args().path("url").asString(null);
            if (url == null) {
                throw new IllegalArgumentException("frame.expect needs a url");
            }
            FrameTracker.expect(call.binding(), url);
            return null;
        });
    }

    private final EngineBinding binding;
    private final Callback<PromptData, String> handler = this::onPrompt;
    private final ChangeListener<Callback<PromptData, String>> handlerListener = (obs, old, now) -> onHandlerChanged(now);
    private final ChangeListener<Document> documentListener = (obs, old, now) -> onDocument(now);
    private Callback<PromptData, String> applicationHandler;
    /** Weak: bindings live as long as their session, and must not keep dropped WebViews alive. */
    private WeakReference<WebEngine> installedOn = new WeakReference<>(null);

    public PageBridge(EngineBinding binding) {
        this.binding = Objects.requireNonNull(binding, "binding == null");
    }

    /** Adds entries to the {@code init} answer of every document's bridge (called on the FX thread, must be quick). */
    public static void addInitContributor(java.util.function.BiConsumer<BridgeMethod.Call, Map<String, Object>> contributor) {
        INIT_CONTRIBUTORS.add(Objects.requireNonNull(contributor, "contributor == null"));
    }

    /** Makes {@code method} callable from pages; a later registration of the same name replaces it. */
    public static void register(String method, BridgeMethod implementation) {
        METHODS.put(Objects.requireNonNull(method, "method == null"),
                Objects.requireNonNull(implementation, "implementation == null"));
    }

    /** Takes over the engine's prompt handler (keeping the application's) and watches its documents. */
    public void install(WebEngine engine) {
        installedOn = new WeakReference<>(engine);
        applicationHandler = engine.getPromptHandler();
        engine.setPromptHandler(handler);
        engine.promptHandlerProperty().addListener(handlerListener);
        engine.documentProperty().addListener(documentListener);
    }

    /** Gives the engine back its application prompt handler. */
    public void uninstall(WebEngine engine) {
        engine.promptHandlerProperty().removeListener(handlerListener);
        engine.documentProperty().removeListener(documentListener);
        engine.setPromptHandler(applicationHandler);
        installedOn = new WeakReference<>(null);
    }

    /** The application's own prompt handler, or {@code null}. */
    public Callback<PromptData, String> applicationHandler() {
        return applicationHandler;
    }

    private void onHandlerChanged(Callback<PromptData, String> now) {
        WebEngine engine = installedOn.get();
        if (now == handler || engine == null) {
            return;
        }
        applicationHandler = now;
        engine.setPromptHandler(handler);
    }

    /**
     * Documents that did not come through the network chain ({@code loadContent}, {@code file:} URLs)
     * get the bridge as soon as the engine publishes them (readyState "interactive").
     */
    private void onDocument(Document document) {
        WebEngine engine = installedOn.get();
        if (document == null || engine == null) {
            return;
        }
        try {
            Object present = engine.executeScript("Object.prototype.hasOwnProperty.call(window, '__fxsession')");
            if (!Boolean.TRUE.equals(present)) {
                engine.executeScript(BridgeScript.SOURCE);
            }
        } catch (RuntimeException e) {
            System.getLogger(PageBridge.class.getName()).log(System.Logger.Level.DEBUG,
                    "no page bridge for this document: " + e.getMessage());
        }
    }

    private String onPrompt(PromptData data) {
        String message = data.getMessage();
        if (message != null && message.startsWith(PREFIX)) {
            return dispatch(message.substring(PREFIX.length()));
        }
        Callback<PromptData, String> app = applicationHandler;
        return app == null ? null : app.call(data);
    }

    String dispatch(String json) {
        Map<String, Object> reply = new LinkedHashMap<>();
        try {
            JsonNode call = JSON.readTree(json);
            String name = call.path("m").asString("");
            BridgeMethod method = METHODS.get(name);
            if (method == null) {
                reply.put("e", "no bridge method '" + name + "'");
            } else {
                String documentUrl = binding.documentUrl(call.path("t").asString(null));
                reply.put("r", method.call(new BridgeMethod.Call(binding, documentUrl, call.path("a"))));
            }
        } catch (JacksonException e) {
            reply.put("e", "malformed bridge call: " + e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            reply.put("e", e.getMessage());
        } catch (RuntimeException e) {
            System.getLogger(PageBridge.class.getName()).log(System.Logger.Level.WARNING, "bridge method failed", e);
            reply.put("e", "internal error");
        }
        return JSON.writeValueAsString(reply);
    }
}
