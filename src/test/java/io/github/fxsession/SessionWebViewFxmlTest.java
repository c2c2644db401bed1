package io.github.fxsession;

import static io.github.fxsession.testing.FxToolkit.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.fxsession.testing.FxToolkit;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link SessionWebView}s declared in FXML ({@code two-partitions.fxml}) and built by {@link FXMLLoader}. */
@ExtendWith(FxToolkit.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionWebViewFxmlTest {

    private Parent root;

    @BeforeAll
    void loadFxml() {
        root = onFx(() -> FXMLLoader.load(SessionWebViewFxmlTest.class.getResource("two-partitions.fxml")));
    }

    private SessionWebView view(String id) {
        return (SessionWebView) root.lookup("#" + id);
    }

    @Test
    void partitionAttributeAttachesTheViewToThatPersistentPartition() {
        SessionWebView a = view("a");

        assertThat(onFx(a::getPartition)).isEqualTo("persist:fxml-a");
        assertThat(onFx(a::getSession)).isSameAs(Session.fromPartition("persist:fxml-a"));
        assertThat(onFx(a::getSession).isPersistent()).isTrue();
    }

    @Test
    void partitionAttributeAttachesTheViewToThatInMemoryPartition() {
        SessionWebView b = view("b");

        assertThat(onFx(b::getPartition)).isEqualTo("fxml-b");
        assertThat(onFx(b::getSession)).isSameAs(Session.fromPartition("fxml-b"));
        assertThat(onFx(b::getSession).isPersistent()).isFalse();
    }

    @Test
    void eachViewGetsItsOwnWebContents() {
        assertThat(onFx(() -> view("a").getWebContents())).isNotSameAs(onFx(() -> view("b").getWebContents()));
    }
}
