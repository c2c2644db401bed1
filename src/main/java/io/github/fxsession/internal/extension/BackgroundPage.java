package io.github.fxsession.internal.extension;

import io.github.fxsession.internal.session.EngineBinding;
import io.github.fxsession.internal.session.SessionCore;
import javafx.scene.web.WebEngine;

/**
 * An extension's background page: a WebEngine without a view, attached to the extension's partition,
 * showing either the extension's MV2 HTML {@code background.page} from its {@code chrome-extension://}
 * URL (its own scripts run, with {@code window.chrome} defined by the page bridge before them), or an
 * empty document in which the page bridge runs the background scripts with {@code window.chrome}
 * (MV2 {@code background.scripts}; an MV3 {@code background.service_worker} runs the same way, in a
 * page rather than a worker).
 *
 * <p>Threading: FX Application Thread only.
 */
final class BackgroundPage {

    private static final System.Logger LOG = System.getLogger(BackgroundPage.class.getName());

    private final WebEngine engine;
    private final EngineBinding binding;

    private BackgroundPage(WebEngine engine, EngineBinding binding) {
        this.engine = engine;
        this.binding = binding;
    }

    /** Creates the page and starts it; the bridge asks the registry what to run. */
    static BackgroundPage start(SessionCore session, LoadedExtension extension) {
        WebEngine engine = new WebEngine();
        EngineBinding binding = EngineBinding.attach(session, engine);
        if (extension.backgroundPage() != null) {
            engine.load(extension.backgroundPage());
        } else {
            engine.loadContent("<!doctype html><html><head><title>" + extension.extension().id()
                    + "</title></head><body></body></html>");
        }
        return new BackgroundPage(engine, binding);
    }

    EngineBinding binding() {
        return binding;
    }

    /** Hands a message of a content script to the page's {@code chrome.runtime.onMessage} listeners. */
    void deliver(String channel, String messageJson, String senderJson) {
        try {
            engine.executeScript("window.__fxsessionDeliver && window.__fxsessionDeliver(" + ExtensionRegistry.quote(channel) + ", "
                    + ExtensionRegistry.quote(messageJson) + ", " + ExtensionRegistry.quote(senderJson) + ")");
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "extension background page failed to take a message", e);
        }
    }

    /** Stops the page's scripts and detaches it. */
    void close() {
        engine.load("about:blank");
        binding.detach();
    }
}
