package io.github.fxsession.cookies;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.util.Subscription;

/**
 * The cookie store of one partition: Electron's {@code Cookies} class ({@code ses.cookies}).
 *
 * <pre>{@code
 * Cookies cookies = Session.fromPartition("persist:work").cookies();
 * cookies.set(CookieDetails.builder("https://example.com").name("a").value("1").build()).join();
 * List<Cookie> all = cookies.get(CookieFilter.all()).join();
 * Subscription watch = cookies.onChanged(event -> System.out.println(event.cause() + " " + event.cookie()));
 * }</pre>
 *
 * <p>The store is the one every request of the partition uses ({@code Cookie} out, {@code Set-Cookie}
 * in, each redirect hop on its own) and the one {@code document.cookie} reads and writes in its pages.
 * It applies RFC 6265bis as Chromium does, with Chromium's limits: 180 cookies per domain (purged to
 * 150), 3300 in all (purged to 3000), least recently used first, 4096 bytes per cookie.
 *
 * <h2>Threading</h2>
 * Any thread. The futures complete on the calling thread for {@link #get}, {@link #set} and
 * {@link #remove}, on the partition's storage thread for {@link #flushStore()}. Change listeners are
 * called on the partition's cookie event thread, one at a time, in the order of the changes; they must
 * not block and must not touch the scene graph (use {@code Platform.runLater}).
 *
 * @since 0.2
 */
public interface Cookies {

    /**
     * The cookies that match {@code filter} (Electron's {@code cookies.get(filter)}), most specific
     * path first, then oldest first (the order of a {@code Cookie} header).
     *
     * @param filter which cookies; {@link CookieFilter#all()} for every one
     * @return a future failing with {@link IllegalArgumentException} for an invalid {@code url}
     */
    CompletableFuture<List<Cookie>> get(CookieFilter filter);

    /**
     * Sets a cookie (Electron's {@code cookies.set(details)}), overwriting one with the same name, domain
     * and path. A cookie with an expiry in the past removes the one it overwrites.
     *
     * @param details the cookie; properties left {@code null} take Electron's defaults
     * @return a future failing with {@link IllegalArgumentException} when the details are invalid: a bad
     *     url, a domain that does not match the url, a name or value with {@code ;} or control characters,
     *     a name with {@code =}, neither name nor value,
     *     a cookie the browser would refuse (public-suffix domain, bad prefix, too large)
     */
    CompletableFuture<Void> set(CookieDetails details);

    /**
     * Removes the cookies named {@code name} that match {@code url} (Electron's
     * {@code cookies.remove(url, name)}).
     *
     * @param url the URL the cookies would be sent to (SameSite aside, HttpOnly ones included)
     * @param name the cookies' name
     * @return a future failing with {@link IllegalArgumentException} for an invalid {@code url}
     */
    CompletableFuture<Void> remove(String url, String name);

    /**
     * Writes every cookie change to disk now (Electron's {@code cookies.flushStore()}); completes at once
     * for in-memory partitions.
     *
     * @return a future completed once the cookies are on disk
     */
    CompletableFuture<Void> flushStore();

    /**
     * Calls {@code listener} for each change (Electron's {@code 'changed'} event). Changes are reported
     * as {@link CookieChangeCause} explains, on the partition's cookie event thread
     * ({@code fxsession-cookie-events-<partition>}); a listener that throws is logged and the others
     * still get the event.
     *
     * @param listener called for each change, in order
     * @return the subscription; {@link Subscription#unsubscribe()} stops the calls
     */
    Subscription onChanged(CookieChangeListener listener);
}
