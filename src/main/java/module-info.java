/**
 * fxsession: Electron's {@code session} module for JavaFX WebView. Exports only API packages; the
 * implementation lives in {@code io.github.fxsession.internal} packages.
 */
module io.github.fxsession {
    requires transitive javafx.controls;
    requires transitive javafx.web;
    requires com.fazecast.jSerialComm;
    requires com.google.common;
    requires com.sun.jna;
    requires hunspell;
    requires java.naming;
    requires okhttp3;
    requires org.apache.lucene.analysis.common;
    requires org.openjdk.nashorn;
    requires tools.jackson.databind;

    exports io.github.fxsession;
    exports io.github.fxsession.cookies;
    exports io.github.fxsession.net;
    exports io.github.fxsession.proxy;
    exports io.github.fxsession.download;
    exports io.github.fxsession.permission;
    exports io.github.fxsession.webrequest;
    exports io.github.fxsession.protocol;
    exports io.github.fxsession.serviceworker;
    exports io.github.fxsession.netlog;
    exports io.github.fxsession.extension;
    exports io.github.fxsession.spellcheck;
    exports io.github.fxsession.serial;
}
