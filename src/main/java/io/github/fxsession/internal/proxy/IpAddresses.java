package io.github.fxsession.internal.proxy;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** IP literals without DNS: parsing (IPv4 with Chromium's short forms such as {@code 127.0.1}, IPv6) and CIDR matching. */
final class IpAddresses {

    private IpAddresses() {
    }

    /** The bytes of an IPv4 or IPv6 literal (IPv6 without brackets), or null if {@code text} is not one. */
    static byte[] parse(String text) {
        if (text.isEmpty()) {
            return null;
        }
        if (text.indexOf(':') >= 0) {
            return parseV6(text);
        }
        return parseV4(text);
    }

    private static byte[] parseV4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length > 4) {
            return null;
        }
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.isEmpty() || part.length() > 10) {
                return null;
            }
            for (int j = 0; j < part.length(); j++) {
                if (part.charAt(j) < '0' || part.charAt(j) > '9') {
                    return null;
                }
            }
            values[i] = Long.parseLong(part);
        }
        // inet_aton forms: a, a.b (b: 24 bits), a.b.c (c: 16 bits), a.b.c.d
        int last = parts.length - 1;
        long lastMax = (1L << (8 * (4 - last))) - 1;
        if (values[last] > lastMax) {
            return null;
        }
        long address = values[last];
        for (int i = 0; i < last; i++) {
            if (values[i] > 255) {
                return null;
            }
            address |= values[i] << (8 * (3 - i));
        }
        return new byte[] {(byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address};
    }

    private static byte[] parseV6(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = Character.digit(c, 16) >= 0 || c == ':' || c == '.';
            if (!ok) {
                return null;
            }
        }
        try {
            // A literal: InetAddress does no lookup for it.
            return InetAddress.getByName("[" + text + "]").getAddress();
        } catch (UnknownHostException | IllegalArgumentException e) {
            return null;
        }
    }

    /** Whether {@code address} falls in {@code network}/{@code prefixLength} (same family only). */
    static boolean inRange(byte[] address, byte[] network, int prefixLength) {
        if (address.length != network.length) {
            return false;
        }
        int fullBytes = prefixLength / 8;
        for (int i = 0; i < fullBytes; i++) {
            if (address[i] != network[i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (address[fullBytes] & mask) == (network[fullBytes] & mask);
    }

    /** Loopback (127/8, ::1) addresses. */
    static boolean isLoopback(byte[] address) {
        if (address.length == 4) {
            return address[0] == 127;
        }
        for (int i = 0; i < 15; i++) {
            if (address[i] != 0) {
                return false;
            }
        }
        return address[15] == 1;
    }

    /** Link-local (169.254/16, fe80::/10) addresses. */
    static boolean isLinkLocal(byte[] address) {
        if (address.length == 4) {
            return (address[0] & 0xff) == 169 && (address[1] & 0xff) == 254;
        }
        return (address[0] & 0xff) == 0xfe && (address[1] & 0xc0) == 0x80;
    }
}
