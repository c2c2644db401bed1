package io.github.fxsession.protocol;

/**
 * The privileges of a custom scheme (Electron's {@code CustomScheme.privileges}).
 *
 * <p>WebView's engine has no public way to make a custom scheme a web origin: its pages get the opaque
 * origin {@code "null"}, no localStorage, and WebKit blocks {@code fetch}/XHR to the scheme before any
 * handler sees them. fxsession therefore serves the documents of a {@code standard} privileged scheme
 * from an internal origin the partition's chain answers from the scheme's handler:
 * {@code app://bundle/index.html} shows as {@code https://bundle.app.fxsession.invalid/index.html}
 * ({@code http://} when not {@code secure}). There the page is a normal origin: localStorage, cookies,
 * relative URLs, {@code fetch} and XHR work, and with {@code supportFetchAPI} the page bridge also sends
 * {@code fetch}/XHR to absolute {@code app:} URLs there. {@code location} shows the internal address.
 *
 * <p>Threading: immutable, any thread.
 *
 * @param standard RFC 3986 URLs with a host; needed for the internal origin (and everything below)
 * @param secure a secure context ({@code https:} internal origin), else {@code http:}
 * @param bypassCSP ignored: documents of the scheme are answered by the application, which sets their CSP
 * @param allowServiceWorkers ignored: WebView has no service workers
 * @param supportFetchAPI {@code fetch} and XHR to absolute URLs of the scheme, through the page bridge
 * @param corsEnabled ignored: requests from the scheme's pages to its own origin are same-origin
 * @param stream ignored: every response streams
 * @param codeCache ignored: WebView has no code cache
 * @since 0.2
 */
public record SchemePrivileges(boolean standard, boolean secure, boolean bypassCSP, boolean allowServiceWorkers,
        boolean supportFetchAPI, boolean corsEnabled, boolean stream, boolean codeCache) {

    /**
     * No privileges.
     *
     * @return privileges all {@code false}
     */
    public static SchemePrivileges none() {
        return new SchemePrivileges(false, false, false, false, false, false, false, false);
    }

    /**
     * What an application page needs: standard, secure, fetch, CORS and streaming.
     *
     * @return those privileges
     */
    public static SchemePrivileges webOrigin() {
        return new SchemePrivileges(true, true, false, false, true, true, true, false);
    }
}
