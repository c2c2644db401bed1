package io.github.fxsession.internal.blob;

import io.github.fxsession.internal.bridge.BridgeMethod;
import io.github.fxsession.internal.bridge.PageBridge;

/**
 * The page side of {@link BlobStore}: {@code blob.begin}, {@code blob.put}, {@code blob.fail},
 * {@code blob.revoke}, called by {@code bridge-modules/blobs.js}. A page only ever writes into its own
 * engine's session.
 *
 * <p>Threading: FX Application Thread (bridge calls).
 */
public final class BlobBridge {

    static {
        PageBridge.register("blob.begin", call -> store(call).begin(id(call), call.args().path("size").asLong(-1)));
        PageBridge.register("blob.put", call -> {
            store(call).put(id(call), call.args().path("offset").asLong(-1), call.args().path("data").asString(""));
            return null;
        });
        PageBridge.register("blob.fail", call -> {
            store(call).fail(id(call), call.args().path("error").asString("unknown error"));
            return null;
        });
        PageBridge.register("blob.revoke", call -> {
            store(call).revoke(id(call));
            return null;
        });
    }

    private BlobBridge() {
    }

    /** Registers the bridge methods (idempotent). */
    public static void install() {
        // the static initializer did it
    }

    private static BlobStore store(BridgeMethod.Call call) {
        return call.binding().session().blobs();
    }

    private static String id(BridgeMethod.Call call) {
        return call.args().path("id").asString(null);
    }
}
