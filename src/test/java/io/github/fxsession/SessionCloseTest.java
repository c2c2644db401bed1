package io.github.fxsession;

import static io.github.fxsession.testing.FxToolkit.onFx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.fxsession.cookies.CookieDetails;
import io.github.fxsession.cookies.CookieFilter;
import io.github.fxsession.testing.FxToolkit;
import io.github.fxsession.testing.Pages;
import javafx.scene.web.WebView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link Session#close()}: an in-memory session releases what it holds; the others cannot close. */
@ExtendWith(FxToolkit.class)
class SessionCloseTest {

    @Test
    void closedPartitionComesBackNewAndEmpty() {
        Session first = Session.fromPartition("close-fresh");
        first.cookies().set(CookieDetails.builder("http://127.0.0.1/").name("kept").value("no").build()).join();
        first.close().join();
        Session second = Session.fromPartition("close-fresh");
        assertThat(first.isClosed()).isTrue();
        assertThat(second).isNotSameAs(first);
        assertThat(second.isClosed()).isFalse();
        assertThat(second.cookies().get(CookieFilter.url("http://127.0.0.1/")).join()).isEmpty();
    }

    @Test
    void closingDetachesTheSessionsWebViews() {
        Session session = Session.fromPartition("close-detach");
        WebView view = Pages.attached(session);
        session.close().join();
        WebContents again = onFx(() -> Session.fromPartition("close-detach-other").attach(view));
        assertThat(again.getSession().getPartition()).isEqualTo("close-detach-other");
    }

    @Test
    void closedSessionRefusesEngines() {
        Session session = Session.fromPartition("close-refuse");
        session.close().join();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> onFx(() -> session.attach(new WebView())));
        assertThat(e).hasMessage("Session[close-refuse] is closed; Session.fromPartition gives a new session for its partition");
    }

    @Test
    void defaultSessionCannotBeClosed() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Session.defaultSession().close());
        assertThat(e).hasMessage("the default session cannot be closed: engines that are not attached to a session use it");
    }

    @Test
    void persistentPartitionCannotBeClosed() {
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> Session.fromPartition("persist:close-kept").close());
        assertThat(e).hasMessage("partition 'persist:close-kept' is persistent and stays open until the JVM exits:"
                + " WebKit keeps its files open from its first use");
    }
}
