package io.github.fxsession.protocol;

import java.util.List;

/**
 * Serves custom schemes and intercepts http and https for one partition: Electron's {@code Protocol}
 * class ({@code ses.protocol}).
 *
 * <pre>{@code
 * Protocol protocol = Session.fromPartition("persist:app").protocol();
 * protocol.handle("app", request -> CompletableFuture.completedFuture(
 *         ProtocolResponse.ofPath(root.resolve(URI.create(request.url()).getPath().substring(1)))));
 * contents.loadURL("app://bundle/index.html");
 * }</pre>
 *
 * <h2>Partitions</h2>
 * Registrations belong to this partition only: the same scheme in another partition is unknown there
 * (its loads fail) unless that partition registers it too, with its own handler.
 *
 * <h2>Where handlers sit</h2>
 * A handler answers where the network would: webRequest listeners see its requests, the partition's
 * User-Agent and cookie headers are on them, its HTML documents get the page bridge. Status codes,
 * headers (repeated ones too), charsets and redirects reach the page as answered. Requests answered by a
 * {@code url} response ({@code registerHttpProtocol}) go to the network from the same place.
 *
 * <h2>What WebView cannot do</h2>
 * {@code file:} URLs never reach a URL handler in the JDK, so {@code file} cannot be intercepted
 * ({@link UnsupportedOperationException}); neither can {@code data}, {@code blob}, {@code about},
 * {@code javascript}, {@code ws} or {@code wss}. Custom-scheme pages have an opaque origin unless the
 * scheme is {@linkplain #registerSchemesAsPrivileged privileged}.
 *
 * <h2>Threading</h2>
 * Any thread. Handlers are called on network threads.
 *
 * @since 0.2
 */
public interface Protocol {

    /**
     * Declares schemes privileged, for every partition (Electron's
     * {@code protocol.registerSchemesAsPrivileged(customSchemes)}); see {@link SchemePrivileges} for what
     * each privilege does in WebView. May be called any time; a scheme's privileges apply to documents
     * loaded afterwards, and declaring a scheme again replaces its privileges.
     *
     * @param customSchemes the schemes and their privileges
     */
    static void registerSchemesAsPrivileged(List<CustomScheme> customSchemes) {
        io.github.fxsession.internal.protocol.Schemes.registerPrivileged(customSchemes);
    }

    /**
     * Answers every request of {@code scheme} with {@code handler} (Electron's {@code protocol.handle}):
     * a custom scheme, or {@code http}/{@code https}, which it intercepts.
     *
     * @param scheme the scheme, such as {@code "app"}
     * @param handler answers each request
     * @throws IllegalStateException {@code "Failed to register protocol: SCHEME"} if the scheme is
     *     handled, registered or intercepted already
     * @throws UnsupportedOperationException for schemes WebView never lets a handler see ({@code file}, ...)
     */
    void handle(String scheme, ProtocolHandler handler);

    /**
     * Removes the handler of {@code scheme} set by {@link #handle}.
     *
     * @param scheme the scheme
     * @return {@code false} if there was none
     */
    boolean unhandle(String scheme);

    /**
     * Whether {@code scheme} is handled, registered or intercepted in this partition.
     *
     * @param scheme the scheme
     * @return {@code true} if so
     */
    boolean isProtocolHandled(String scheme);

    /**
     * Serves {@code scheme} with files.
     *
     * @param scheme the scheme
     * @param handler answers each request with a callback
     * @return {@code true} if done, {@code false} if it is taken or built in
     */
    boolean registerFileProtocol(String scheme, ProtocolCallbackHandler handler);

    /**
     * Serves {@code scheme} with bytes.
     *
     * @param scheme the scheme
     * @param handler answers each request with a callback
     * @return {@code true} if done, {@code false} if it is taken or built in
     */
    boolean registerBufferProtocol(String scheme, ProtocolCallbackHandler handler);

    /**
     * Serves {@code scheme} with text.
     *
     * @param scheme the scheme
     * @param handler answers each request with a callback
     * @return {@code true} if done, {@code false} if it is taken or built in
     */
    boolean registerStringProtocol(String scheme, ProtocolCallbackHandler handler);

    /**
     * Serves {@code scheme} with the responses of other URLs.
     *
     * @param scheme the scheme
     * @param handler answers each request with a callback
     * @return {@code true} if done, {@code false} if it is taken or built in
     */
    boolean registerHttpProtocol(String scheme, ProtocolCallbackHandler handler);

    /**
     * Serves {@code scheme} with streams.
     *
     * @param scheme the scheme
     * @param handler answers each request with a callback
     * @return {@code true} if done, {@code false} if it is taken or built in
     */
    boolean registerStreamProtocol(String scheme, ProtocolCallbackHandler handler);

    /**
     * Removes a registration of {@code scheme}.
     *
     * @param scheme the scheme
     * @return {@code true} if done, {@code false} if there was none
     */
    boolean unregisterProtocol(String scheme);

    /**
     * Whether {@code scheme} is registered (by a register method or {@link #handle} of a custom scheme).
     *
     * @param scheme the scheme
     * @return {@code true} if so
     */
    boolean isProtocolRegistered(String scheme);

    /**
     * Intercepts {@code scheme} with files.
     *
     * @param scheme the scheme
     * @param handler answers each request with a callback
     * @return {@code true} if done, {@code false} if it is intercepted already
     */
    boolean interceptFileProtocol(String scheme, ProtocolCallbackHandler handler);

    /**
     * Intercepts {@code scheme} with bytes.
     *
     * @param scheme the scheme
     * @param handler answers each request with a callback
     * @return {@code true} if done, {@code false} if it is intercepted already
     */
    boolean interceptBufferProtocol(String scheme, ProtocolCallbackHandler handler);

    /**
     * Intercepts {@code scheme} with text.
     *
     * @param scheme the scheme
     * @param handler answers each request with a callback
     * @return {@code true} if done, {@code false} if it is intercepted already
     */
    boolean interceptStringProtocol(String scheme, ProtocolCallbackHandler handler);

    /**
     * Intercepts {@code scheme} with the responses of other URLs.
     *
     * @param scheme the scheme
     * @param handler answers each request with a callback
     * @return {@code true} if done, {@code false} if it is intercepted already
     */
    boolean interceptHttpProtocol(String scheme, ProtocolCallbackHandler handler);

    /**
     * Intercepts {@code scheme} with streams.
     *
     * @param scheme the scheme
     * @param handler answers each request with a callback
     * @return {@code true} if done, {@code false} if it is intercepted already
     */
    boolean interceptStreamProtocol(String scheme, ProtocolCallbackHandler handler);

    /**
     * Removes the interception of {@code scheme}.
     *
     * @param scheme the scheme
     * @return {@code true} if done, {@code false} if there was none
     */
    boolean uninterceptProtocol(String scheme);

    /**
     * Whether {@code scheme} is intercepted (by an intercept method or {@link #handle} of http/https).
     *
     * @param scheme the scheme
     * @return {@code true} if so
     */
    boolean isProtocolIntercepted(String scheme);
}
