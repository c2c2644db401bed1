package io.github.fxsession.internal.net;

import java.io.IOException;
import java.util.List;

/** The concrete chain: walks an immutable snapshot of interceptors, each called at most once. */
final class RealChain implements Interceptor.Chain {

    private final List<Interceptor> interceptors;
    private final int index;
    private final NetRequest request;
    private int calls;

    RealChain(List<Interceptor> interceptors, int index, NetRequest request) {
        this.interceptors = interceptors;
        this.index = index;
        this.request = request;
    }

    @Override
    public NetRequest request() {
        return request;
    }

    @Override
    public NetResponse proceed(NetRequest next) throws IOException {
        if (index >= interceptors.size()) {
            throw new IllegalStateException("the last interceptor must answer, not call proceed(): "
                    + interceptors.get(interceptors.size() - 1));
        }
        if (index > 0 && ++calls > 1) {
            throw new IllegalStateException("interceptor " + interceptors.get(index - 1)
                    + " must call proceed() exactly once");
        }
        RealChain chain = new RealChain(interceptors, index + 1, next);
        Interceptor interceptor = interceptors.get(index);
        NetResponse response = interceptor.intercept(chain);
        if (response == null) {
            throw new IllegalStateException("interceptor " + interceptor + " returned null");
        }
        return response;
    }

    static NetResponse run(List<Interceptor> interceptors, NetRequest request) throws IOException {
        return new RealChain(interceptors, 0, request).proceed(request);
    }
}
