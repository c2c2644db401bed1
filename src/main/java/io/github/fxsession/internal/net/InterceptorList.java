package io.github.fxsession.internal.net;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A session's ordered interceptors, grouped by {@link Interceptor.Stage}, ending with the transport
 * that answers the request. Adding or removing rebuilds an immutable snapshot, so the hot path (every
 * request) reads one volatile field and allocates nothing but the chain links.
 *
 * <p>Threading: any thread.
 */
public final class InterceptorList {

    private final Map<Interceptor.Stage, List<Interceptor>> byStage = new EnumMap<>(Interceptor.Stage.class);
    private final Interceptor transport;
    private volatile List<Interceptor> snapshot;

    public InterceptorList(Interceptor transport) {
        this.transport = Objects.requireNonNull(transport, "transport == null");
        rebuild();
    }

    /** Adds {@code interceptor} at the end of {@code stage}; closing the result removes it again. */
    public synchronized AutoCloseable add(Interceptor.Stage stage, Interceptor interceptor) {
        Objects.requireNonNull(stage, "stage == null");
        Objects.requireNonNull(interceptor, "interceptor == null");
        byStage.computeIfAbsent(stage, s -> new ArrayList<>()).add(interceptor);
        rebuild();
        return () -> remove(stage, interceptor);
    }

    private synchronized void remove(Interceptor.Stage stage, Interceptor interceptor) {
        List<Interceptor> list = byStage.get(stage);
        if (list != null && list.remove(interceptor)) {
            rebuild();
        }
    }

    private void rebuild() {
        List<Interceptor> all = new ArrayList<>();
        for (Interceptor.Stage stage : Interceptor.Stage.values()) {
            all.addAll(byStage.getOrDefault(stage, List.of()));
        }
        all.add(transport);
        snapshot = List.copyOf(all);
    }

    /** Runs {@code request} through every interceptor and the transport. */
    public NetResponse execute(NetRequest request) throws IOException {
        return RealChain.run(snapshot, request);
    }
}
