package io.github.fxsession.internal.netlog;

import io.github.fxsession.netlog.CaptureMode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.EventListener;
import okhttp3.Handshake;
import okhttp3.Headers;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;

/**
 * What OkHttp reports of one call, as Chromium NetLog events of the request's source: DNS, TCP
 * connect, TLS handshake, request and response headers. Cookies and credentials are stripped as
 * Chromium strips them unless the capture mode includes sensitive data.
 *
 * <p>Threading: called on the thread running the call; fast, never throws.
 */
final class WireEvents extends EventListener {

    private static final Set<String> SENSITIVE = Set.of("cookie", "set-cookie", "set-cookie2", "authorization",
            "proxy-authorization", "www-authenticate", "proxy-authenticate");

    private final NetLogFile.Source source;
    private final boolean sensitive;
    private volatile Protocol protocol = Protocol.HTTP_1_1;

    WireEvents(NetLogFile.Source source) {
        this.source = source;
        this.sensitive = source.file().mode() != CaptureMode.DEFAULT;
    }

    @Override
    public void dnsStart(Call call, String domainName) {
        source.begin("HOST_RESOLVER_MANAGER_REQUEST", Map.of("host", domainName));
    }

    @Override
    public void dnsEnd(Call call, String domainName, List<InetAddress> addresses) {
        List<String> list = new ArrayList<>();
        for (InetAddress address : addresses) {
            list.add(address.getHostAddress());
        }
        source.end("HOST_RESOLVER_MANAGER_REQUEST", Map.of("address_list", list));
    }

    @Override
    public void connectStart(Call call, InetSocketAddress address, Proxy proxy) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("address_list", List.of(endpoint(address)));
        if (proxy.type() != Proxy.Type.DIRECT) {
            params.put("proxy", String.valueOf(proxy.address()));
        }
        source.begin("TCP_CONNECT", params);
    }

    @Override
    public void secureConnectStart(Call call) {
        source.begin("SSL_CONNECT", null);
    }

    @Override
    public void secureConnectEnd(Call call, Handshake handshake) {
        Map<String, Object> params = new LinkedHashMap<>();
        if (handshake != null) {
            params.put("version", handshake.tlsVersion().javaName());
            params.put("cipher_suite", handshake.cipherSuite().javaName());
        }
        source.end("SSL_CONNECT", params);
    }

    @Override
    public void connectEnd(Call call, InetSocketAddress address, Proxy proxy, Protocol negotiated) {
        source.end("TCP_CONNECT", Map.of("remote_address", endpoint(address)));
    }

    @Override
    public void connectFailed(Call call, InetSocketAddress address, Proxy proxy, Protocol negotiated, IOException e) {
        source.end("TCP_CONNECT", Map.of("remote_address", endpoint(address), "net_error", NetErrors.of(e)));
    }

    @Override
    public void connectionAcquired(Call call, Connection connection) {
        protocol = connection.protocol();
    }

    @Override
    public void requestHeadersEnd(Call call, Request request) {
        String target = request.url().encodedPath() + (request.url().encodedQuery() == null ? "" : "?" + request.url().encodedQuery());
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("line", request.method() + " " + target + " " + protocolName(protocol) + "\r\n");
        params.put("headers", lines(request.headers()));
        source.point("HTTP_TRANSACTION_SEND_REQUEST_HEADERS", params);
    }

    @Override
    public void responseHeadersEnd(Call call, Response response) {
        List<String> headers = new ArrayList<>();
        headers.add(protocolName(response.protocol()) + " " + response.code()
                + (response.message().isEmpty() ? "" : " " + response.message()));
        headers.addAll(lines(response.headers()));
        source.point("HTTP_TRANSACTION_READ_RESPONSE_HEADERS", Map.of("headers", headers));
    }

    private List<String> lines(Headers headers) {
        List<String> lines = new ArrayList<>(headers.size());
        for (int i = 0; i < headers.size(); i++) {
            String name = headers.name(i);
            String value = headers.value(i);
            if (!sensitive && SENSITIVE.contains(name.toLowerCase(Locale.ROOT))) {
                value = "[" + value.length() + " bytes were stripped]";
            }
            lines.add(name + ": " + value);
        }
        return lines;
    }

    private static String protocolName(Protocol protocol) {
        return protocol == Protocol.HTTP_1_0 ? "HTTP/1.0" : protocol == Protocol.HTTP_2 ? "HTTP/2" : "HTTP/1.1";
    }

    private static String endpoint(InetSocketAddress address) {
        String host = address.getAddress() != null ? address.getAddress().getHostAddress() : address.getHostString();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + address.getPort();
    }
}
