package io.github.fxsession.internal.serial;

import tools.jackson.databind.JsonNode;

/**
 * {@code SerialOptions} of the Web Serial specification, validated with the specification's errors.
 *
 * <p>Threading: immutable, any thread.
 */
record OpenOptions(int baudRate, int dataBits, int stopBits, String parity, int bufferSize, String flowControl) {

    static final int MAX_BUFFER = 16 * 1024 * 1024;

    /** A Web Serial error: name (TypeError, InvalidStateError, NetworkError, ...) and message. */
    static final class WebError extends RuntimeException {
        final String name;

        WebError(String name, String message) {
            super(message, null, false, false);
            this.name = name;
        }
    }

    static OpenOptions parse(JsonNode o) {
        JsonNode baud = o.path("baudRate");
        if (baud.isMissingNode() || baud.isNull()) {
            throw new WebError("TypeError", "Failed to read the 'baudRate' property from 'SerialOptions': Required member is undefined.");
        }
        long baudRate = number(baud);
        if (baudRate <= 0) {
            throw new WebError("TypeError", "Requested baud rate must be greater than zero.");
        }
        long dataBits = o.has("dataBits") ? number(o.path("dataBits")) : 8;
        if (dataBits != 7 && dataBits != 8) {
            throw new WebError("TypeError", "Requested number of data bits must be 7 or 8.");
        }
        long stopBits = o.has("stopBits") ? number(o.path("stopBits")) : 1;
        if (stopBits != 1 && stopBits != 2) {
            throw new WebError("TypeError", "Requested number of stop bits must be 1 or 2.");
        }
        String parity = o.has("parity") ? o.path("parity").asString("") : "none";
        if (!parity.equals("none") && !parity.equals("even") && !parity.equals("odd")) {
            throw new WebError("TypeError", "The provided value '" + parity + "' is not a valid enum value of type ParityType.");
        }
        long bufferSize = o.has("bufferSize") ? number(o.path("bufferSize")) : 255;
        if (bufferSize <= 0) {
            throw new WebError("TypeError", "Requested buffer size must be greater than zero.");
        }
        if (bufferSize > MAX_BUFFER) {
            throw new WebError("TypeError", "Requested buffer size (" + bufferSize
                    + " bytes) is greater than the maximum allowed (" + MAX_BUFFER + " bytes).");
        }
        String flow = o.has("flowControl") ? o.path("flowControl").asString("") : "none";
        if (!flow.equals("none") && !flow.equals("hardware")) {
            throw new WebError("TypeError", "The provided value '" + flow + "' is not a valid enum value of type FlowControlType.");
        }
        if (baudRate > Integer.MAX_VALUE) {
            throw new WebError("TypeError", "Requested baud rate is too large: " + baudRate);
        }
        return new OpenOptions((int) baudRate, (int) dataBits, (int) stopBits, parity, (int) bufferSize, flow);
    }

    /** WebIDL [EnforceRange] unsigned long: a finite number, truncated. */
    private static long number(JsonNode n) {
        if (!n.isNumber() || !Double.isFinite(n.asDouble())) {
            throw new WebError("TypeError", "Value is not of type 'unsigned long': '" + n + "'");
        }
        double d = n.asDouble();
        if (d < 0 || d > 4294967295d) {
            throw new WebError("TypeError", "Value is outside the 'unsigned long' value range: '" + n + "'");
        }
        return (long) d;
    }
}
