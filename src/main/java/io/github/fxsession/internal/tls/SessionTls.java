package io.github.fxsession.internal.tls;

import io.github.fxsession.net.CertificateVerifyProc;
import io.github.fxsession.net.SSLConfig;
import io.github.fxsession.net.TlsVersion;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import okhttp3.ConnectionSpec;
import okhttp3.OkHttpClient;

/**
 * The TLS policy of one partition: its certificate verify proc and its {@link SSLConfig}, applied to
 * the partition's client. Every change installs a new {@code SSLContext} (so no TLS session resumed
 * from an earlier policy skips the new one) and a new socket factory, which OkHttp treats as a new
 * address: pooled connections made under the earlier policy are not reused, as Electron says.
 *
 * <p>Threading: any thread; changes are serialized.
 */
public final class SessionTls {

    private final Consumer<UnaryOperator<OkHttpClient.Builder>> reconfigure;
    private final HostnameVerifier okHttpHostnames;
    private CertificateVerifyProc proc;
    private SSLConfig config;

    /**
     * @param reconfigure changes the partition's client ({@code SessionCore::reconfigureClient})
     * @param okHttpHostnames OkHttp's default host name verifier (the fresh client's)
     */
    public SessionTls(Consumer<UnaryOperator<OkHttpClient.Builder>> reconfigure, HostnameVerifier okHttpHostnames) {
        this.reconfigure = Objects.requireNonNull(reconfigure, "reconfigure == null");
        this.okHttpHostnames = Objects.requireNonNull(okHttpHostnames, "okHttpHostnames == null");
    }

    /** Sets the proc, or restores the default verification with {@code null}. */
    public synchronized void setCertificateVerifyProc(CertificateVerifyProc newProc) {
        proc = newProc;
        apply();
    }

    public synchronized void setSSLConfig(SSLConfig newConfig) {
        config = Objects.requireNonNull(newConfig, "config == null");
        apply();
    }

    public synchronized SSLConfig sslConfig() {
        return config == null ? SSLConfig.DEFAULT : config;
    }

    private void apply() {
        X509TrustManager system = CertificateCheck.systemTrust();
        X509TrustManager trust = proc == null ? system : new DeferringTrustManager();
        HostnameVerifier hostnames = proc == null ? okHttpHostnames : new CertificateCheck(proc, system, okHttpHostnames);
        SSLContext context;
        try {
            context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trust}, null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot create a TLS context", e);
        }
        List<ConnectionSpec> specs = config == null ? null : List.of(connectionSpec(config, context), ConnectionSpec.CLEARTEXT);
        reconfigure.accept(builder -> {
            builder.sslSocketFactory(context.getSocketFactory(), trust).hostnameVerifier(hostnames);
            return specs == null ? builder : builder.connectionSpecs(specs);
        });
    }

    /** The versions from min to max, and the context's enabled suites minus the disabled ones. */
    static ConnectionSpec connectionSpec(SSLConfig config, SSLContext context) {
        List<String> versions = new ArrayList<>();
        for (TlsVersion version : TlsVersion.values()) {
            if (version.compareTo(config.minVersion()) >= 0 && version.compareTo(config.maxVersion()) <= 0) {
                versions.add(version.javaName());
            }
        }
        List<String> suites = new ArrayList<>();
        for (String suite : context.getDefaultSSLParameters().getCipherSuites()) {
            if (!config.disabledCipherSuites().contains(CipherSuites.code(suite))) {
                suites.add(suite);
            }
        }
        return new ConnectionSpec.Builder(ConnectionSpec.MODERN_TLS)
                .tlsVersions(versions.toArray(String[]::new))
                .cipherSuites(suites.toArray(String[]::new))
                .build();
    }
}
