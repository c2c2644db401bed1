package io.github.fxsession.internal.netlog;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Map;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;

/** Chromium's {@code net_error} codes for Java I/O failures, as the net log writes them. */
final class NetErrors {

    static final Map<String, Integer> CONSTANTS = Map.of("ERR_FAILED", -2, "ERR_ABORTED", -3,
            "ERR_TIMED_OUT", -7, "ERR_CONNECTION_REFUSED", -102, "ERR_NAME_NOT_RESOLVED", -105,
            "ERR_ADDRESS_UNREACHABLE", -109, "ERR_SSL_PROTOCOL_ERROR", -107, "ERR_CONNECTION_TIMED_OUT", -118,
            "ERR_CERT_AUTHORITY_INVALID", -202);

    private NetErrors() {
    }

    /** The code Chromium would report for {@code failure}. */
    static int of(Throwable failure) {
        if (failure instanceof UnknownHostException) {
            return -105;
        } else if (failure instanceof ConnectException) {
            return -102;
        } else if (failure instanceof NoRouteToHostException) {
            return -109;
        } else if (failure instanceof SocketTimeoutException) {
            return -118;
        } else if (failure instanceof SSLPeerUnverifiedException) {
            return -202;
        } else if (failure instanceof SSLException) {
            return -107;
        } else if (failure instanceof InterruptedIOException) {
            return -3;
        } else if (failure instanceof IOException && "Canceled".equals(failure.getMessage())) {
            return -3;
        }
        return -2;
    }
}
