package io.github.fxsession.internal.net;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.ProtocolException;
import java.net.URL;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.Headers;

/**
 * The connection WebKit's URL loader gets for every http(s) URL.
 *
 * <p>It records what the loader sets, then, at the first call that needs the network, decides: a
 * request made by WebKit runs through its session's chain; anything else (the application's own use
 * of {@code URL.openConnection()}) is replayed onto a JDK connection and forwarded, unchanged.
 *
 * <p>It honours the contract WebKit's loader relies on: User-Agent arrives through
 * {@code addRequestProperty}; {@code getInputStream()} may be called twice and returns the same
 * stream; {@code getRequestProperty()} after {@code connect()} does not throw; the body of a POST is
 * written after {@code connect()}, so the request only leaves when the response is first asked for.
 *
 * <p>It extends {@link HttpsURLConnection} so that application code casting an https connection keeps
 * working. Threading: one thread at a time, like any {@code URLConnection}.
 */
final class ChainUrlConnection extends HttpsURLConnection {

    private final List<String[]> requestHeaders = new ArrayList<>();
    private ByteArrayOutputStream requestBody;
    private int fixedLength = -1;
    private int chunkLength = -1;
    private boolean routed;
    private HttpURLConnection delegate;
    private NetResponse response;
    private IOException failure;
    private Map<String, List<String>> responseHeaderMap;
    private InputStream responseStream;

    ChainUrlConnection(URL url) {
        super(url);
    }

    // ---- request side ------------------------------------------------------------------------------

    @Override
    public void setRequestProperty(String key, String value) {
        if (delegate != null) {
            delegate.setRequestProperty(key, value);
            return;
        }
        if (key == null) {
            throw new NullPointerException("key == null");
        }
        requestHeaders.removeIf(h -> h[0].equalsIgnoreCase(key));
        requestHeaders.add(new String[] {key, value == null ? "" : value});
    }

    @Override
    public void addRequestProperty(String key, String value) {
        if (delegate != null) {
            delegate.addRequestProperty(key, value);
            return;
        }
        if (key == null) {
            throw new NullPointerException("key == null");
        }
        requestHeaders.add(new String[] {key, value == null ? "" : value});
    }

    @Override
    public String getRequestProperty(String key) {
        if (delegate != null) {
            return delegate.getRequestProperty(key);
        }
        for (String[] h : requestHeaders) {
            if (h[0].equalsIgnoreCase(key)) {
                return h[1];
            }
        }
        return null;
    }

    @Override
    public Map<String, List<String>> getRequestProperties() {
        if (delegate != null) {
            return delegate.getRequestProperties();
        }
        Map<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String[] h : requestHeaders) {
            map.computeIfAbsent(h[0], k -> new ArrayList<>()).add(h[1]);
        }
        return Collections.unmodifiableMap(map);
    }

    @Override
    public void setFixedLengthStreamingMode(int contentLength) {
        super.setFixedLengthStreamingMode(contentLength);
        fixedLength = contentLength;
    }

    @Override
    public void setChunkedStreamingMode(int chunk) {
        super.setChunkedStreamingMode(chunk);
        chunkLength = chunk;
    }

    private boolean route() throws IOException {
        if (!routed) {
            routed = true;
            String scheme = url.getProtocol();
            boolean web = scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https");
            // Custom schemes have no JDK handler: every use of them belongs to a session's chain.
            if (web && !NetworkChain.isWebKit(getRequestProperty("Accept-Charset"))) {
                delegate = replayOnJdk();
            }
        }
        return delegate == null;
    }

    private HttpURLConnection replayOnJdk() throws IOException {
        HttpURLConnection jdk = (HttpURLConnection) NetworkChain.openJdkConnection(url);
        jdk.setRequestMethod(method);
        jdk.setInstanceFollowRedirects(getInstanceFollowRedirects());
        jdk.setConnectTimeout(getConnectTimeout());
        jdk.setReadTimeout(getReadTimeout());
        jdk.setDoInput(getDoInput());
        jdk.setDoOutput(getDoOutput());
        jdk.setUseCaches(getUseCaches());
        jdk.setIfModifiedSince(getIfModifiedSince());
        jdk.setAllowUserInteraction(getAllowUserInteraction());
        if (fixedLength >= 0) {
            jdk.setFixedLengthStreamingMode(fixedLength);
        } else if (chunkLength >= 0) {
            jdk.setChunkedStreamingMode(chunkLength);
        }
        if (jdk instanceof HttpsURLConnection https) {
            https.setHostnameVerifier(getHostnameVerifier());
            https.setSSLSocketFactory(getSSLSocketFactory());
        }
        for (String[] h : requestHeaders) {
            jdk.addRequestProperty(h[0], h[1]);
        }
        return jdk;
    }

    @Override
    public void connect() throws IOException {
        if (route()) {
            connected = true;
        } else {
            delegate.connect();
        }
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
        if (!route()) {
            return delegate.getOutputStream();
        }
        if (!doOutput) {
            throw new ProtocolException("cannot write to a URLConnection if doOutput=false - call setDoOutput(true)");
        }
        if (response != null) {
            throw new ProtocolException("cannot write the request body after the response was read");
        }
        connected = true;
        if (requestBody == null) {
            requestBody = new ByteArrayOutputStream();
        }
        return requestBody;
    }

    // ---- running the chain -------------------------------------------------------------------------

    private void execute() throws IOException {
        if (response != null) {
            return;
        }
        if (failure != null) {
            throw failure;
        }
        connected = true;
        try {
            Headers.Builder headers = new Headers.Builder();
            for (String[] h : requestHeaders) {
                String name = h[0];
                // WebKit's own Accept-Encoding and Accept-Charset: OkHttp negotiates and decodes gzip itself.
                if (name.equalsIgnoreCase("Accept-Encoding") || name.equalsIgnoreCase("Accept-Charset")
                        || name.equalsIgnoreCase("Content-Length")) {
                    continue;
                }
                headers.addUnsafeNonAscii(name, h[1]);
            }
            Headers built = headers.build();
            String target = url.toExternalForm();
            RequestContext context = NetworkChain.classify(target, built);
            byte[] body = requestBody == null ? null : requestBody.toByteArray();
            NetRequest request = new NetRequest(target, method.toUpperCase(Locale.ROOT), built, body, context);
            context.session().countRequest();
            response = context.session().interceptors().execute(request);
            if (context.binding() != null && context.resourceType() == ResourceType.SUB_FRAME
                    && response.code() >= 300 && response.code() < 400) {
                String location = response.header("Location");
                if (location != null) {
                    FrameTracker.redirected(context.binding(), Urls.resolve(target, location));
                }
            }
        } catch (IOException e) {
            failure = e;
            throw e;
        } catch (RuntimeException e) {
            failure = new IOException("fxsession: " + e.getMessage(), e);
            throw failure;
        }
    }

    /** The response headers by name; lookups ignore case, as {@code HttpURLConnection}'s do. */
    private Map<String, List<String>> responseHeaders() {
        if (responseHeaderMap == null) {
            Map<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            Headers headers = response.headers();
            for (int i = 0; i < headers.size(); i++) {
                map.computeIfAbsent(headers.name(i), k -> new ArrayList<>()).add(headers.value(i));
            }
            for (Map.Entry<String, List<String>> e : map.entrySet()) {
                e.setValue(Collections.unmodifiableList(e.getValue()));
            }
            responseHeaderMap = Collections.unmodifiableMap(map);
        }
        return responseHeaderMap;
    }

    private boolean tryExecute() {
        try {
            if (!route()) {
                return false;
            }
            execute();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    // ---- response side -----------------------------------------------------------------------------

    @Override
    public int getResponseCode() throws IOException {
        if (!route()) {
            return delegate.getResponseCode();
        }
        execute();
        return response.code();
    }

    @Override
    public String getResponseMessage() throws IOException {
        if (!route()) {
            return delegate.getResponseMessage();
        }
        execute();
        return response.message();
    }

    @Override
    public InputStream getInputStream() throws IOException {
        if (!route()) {
            return delegate.getInputStream();
        }
        execute();
        if (responseStream == null) {
            InputStream body = response.body();
            responseStream = body != null ? body : InputStream.nullInputStream();
        }
        return responseStream;
    }

    @Override
    public InputStream getErrorStream() {
        if (delegate != null) {
            return delegate.getErrorStream();
        }
        if (response == null || response.code() < 400) {
            return null;
        }
        try {
            return getInputStream();
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public String getHeaderField(String name) {
        if (delegate != null) {
            return delegate.getHeaderField(name);
        }
        if (!tryExecute()) {
            return delegate != null ? delegate.getHeaderField(name) : null;
        }
        // WebKit asks for "content-type" and "content-length" in lower case on every response; OkHttp's
        // lookup ignores case and, like HttpURLConnection, returns the last value.
        return name == null ? null : response.headers().get(name);
    }

    @Override
    public Map<String, List<String>> getHeaderFields() {
        if (delegate != null) {
            return delegate.getHeaderFields();
        }
        if (!tryExecute()) {
            return delegate != null ? delegate.getHeaderFields() : Map.of();
        }
        return responseHeaders();
    }

    @Override
    public String getHeaderFieldKey(int n) {
        if (delegate != null) {
            return delegate.getHeaderFieldKey(n);
        }
        if (!tryExecute()) {
            return delegate != null ? delegate.getHeaderFieldKey(n) : null;
        }
        Headers headers = response.headers();
        return n >= 0 && n < headers.size() ? headers.name(n) : null;
    }

    @Override
    public String getHeaderField(int n) {
        if (delegate != null) {
            return delegate.getHeaderField(n);
        }
        if (!tryExecute()) {
            return delegate != null ? delegate.getHeaderField(n) : null;
        }
        Headers headers = response.headers();
        return n >= 0 && n < headers.size() ? headers.value(n) : null;
    }

    @Override
    public void disconnect() {
        if (delegate != null) {
            delegate.disconnect();
            return;
        }
        InputStream stream = responseStream != null ? responseStream : response != null ? response.body() : null;
        if (stream != null) {
            try {
                stream.close();
            } catch (IOException ignored) {
                // closing only releases the connection
            }
        }
    }

    @Override
    public boolean usingProxy() {
        return delegate != null && delegate.usingProxy();
    }

    // ---- https -------------------------------------------------------------------------------------

    private HttpsURLConnection httpsDelegate() {
        if (delegate instanceof HttpsURLConnection https) {
            return https;
        }
        throw new IllegalStateException("TLS details of WebView's requests are not exposed through this"
                + " connection: " + url);
    }

    @Override
    public String getCipherSuite() {
        return httpsDelegate().getCipherSuite();
    }

    @Override
    public Certificate[] getLocalCertificates() {
        return httpsDelegate().getLocalCertificates();
    }

    @Override
    public Certificate[] getServerCertificates() throws SSLPeerUnverifiedException {
        return httpsDelegate().getServerCertificates();
    }

    @Override
    public String toString() {
        return "ChainUrlConnection:" + url;
    }
}
