/**
 * fxsession: Electron's {@code session} module for JavaFX WebView. Exports only API packages; the
 * implementation lives in {@code io.github.fxsession.internal} packages.
 */
module io.github.fxsession {
    requires transitive javafx.web;
    requires transitive javafx.controls;
    requires okhttp3;
    requires tools.jackson.databind;
    requires com.google.common;

    exports io.github.fxsession;
    exports io.github.fxsession.cookies;
    exports io.github.fxsession.webrequest;
    exports io.github.fxsession.protocol;
}
