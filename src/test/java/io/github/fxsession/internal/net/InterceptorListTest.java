package io.github.fxsession.internal.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.fxsession.Session;
import io.github.fxsession.internal.session.SessionCore;
import io.github.fxsession.internal.session.SessionRegistry;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

class InterceptorListTest {

    private static final SessionCore CORE = SessionRegistry.get("interceptor-list", null, core -> Session.class);

    private static NetRequest request() {
        return new NetRequest("http://127.0.0.1/x", "GET", Headers.of(), null,
                new RequestContext(CORE, null, ResourceType.OTHER));
    }

    private static NetResponse ok() {
        return new NetResponse(200, "OK", Headers.of(), new ByteArrayInputStream(new byte[0]));
    }

    private static Interceptor recording(List<String> calls, String name) {
        return new Interceptor() {
            @Override
            public NetResponse intercept(Chain chain) throws java.io.IOException {
                calls.add(name);
                return chain.proceed(chain.request());
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }

    @Test
    void interceptorsRunStageByStageThenTheTransport() throws Exception {
        List<String> calls = new ArrayList<>();
        InterceptorList list = new InterceptorList(chain -> {
            calls.add("transport");
            return ok();
        });
        list.add(Interceptor.Stage.STATE, recording(calls, "cookies"));
        list.add(Interceptor.Stage.OBSERVE, recording(calls, "netlog"));
        list.add(Interceptor.Stage.WEB_REQUEST, recording(calls, "webRequest"));
        list.execute(request());
        assertThat(calls).containsExactly("netlog", "webRequest", "cookies", "transport");
    }

    @Test
    void closingTheRegistrationRemovesTheInterceptor() throws Exception {
        List<String> calls = new ArrayList<>();
        InterceptorList list = new InterceptorList(chain -> ok());
        AutoCloseable registration = list.add(Interceptor.Stage.OBSERVE, recording(calls, "gone"));
        registration.close();
        list.execute(request());
        assertThat(calls).isEmpty();
    }

    @Test
    void anInterceptorThatProceedsTwiceIsNamed() {
        InterceptorList list = new InterceptorList(chain -> ok());
        list.add(Interceptor.Stage.OBSERVE, new Interceptor() {
            @Override
            public NetResponse intercept(Chain chain) throws java.io.IOException {
                chain.proceed(chain.request());
                return chain.proceed(chain.request());
            }

            @Override
            public String toString() {
                return "Greedy";
            }
        });
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> list.execute(request()));
        assertThat(e).hasMessage("interceptor Greedy must call proceed() exactly once");
    }

    @Test
    void anInterceptorMayAnswerWithoutTheNetwork() throws Exception {
        InterceptorList list = new InterceptorList(chain -> {
            throw new AssertionError("the transport must not run");
        });
        list.add(Interceptor.Stage.PROTOCOL, chain -> new NetResponse(204, "No Content", Headers.of(), null));
        assertThat(list.execute(request()).code()).isEqualTo(204);
    }
}
