package io.github.fxsession.internal.net;

import java.io.IOException;

/**
 * A request failure with Chromium's error name ({@code net::ERR_BLOCKED_BY_CLIENT}, ...), as webRequest's
 * {@code onErrorOccurred} reports it. The page sees a failed load.
 */
public final class NetErrorException extends IOException {

    private final String error;

    public NetErrorException(String error, String message) {
        super(error + ": " + message);
        this.error = error;
    }

    public NetErrorException(String error, String message, Throwable cause) {
        super(error + ": " + message, cause);
        this.error = error;
    }

    /** Chromium's name of the error, such as {@code "net::ERR_FAILED"}. */
    public String error() {
        return error;
    }

    /** Chromium's error name for {@code failure}. */
    public static String errorOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof NetErrorException n) {
                return n.error;
            }
            if (t instanceof java.net.UnknownHostException) {
                return "net::ERR_NAME_NOT_RESOLVED";
            }
            if (t instanceof java.net.ConnectException) {
                return "net::ERR_CONNECTION_REFUSED";
            }
            if (t instanceof java.net.SocketTimeoutException) {
                return "net::ERR_TIMED_OUT";
            }
            if (t instanceof javax.net.ssl.SSLHandshakeException || t instanceof javax.net.ssl.SSLPeerUnverifiedException) {
                return "net::ERR_CERT_AUTHORITY_INVALID";
            }
            if (t instanceof javax.net.ssl.SSLException) {
                return "net::ERR_SSL_PROTOCOL_ERROR";
            }
        }
        return "net::ERR_FAILED";
    }
}
