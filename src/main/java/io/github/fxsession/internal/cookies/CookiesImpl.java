package io.github.fxsession.internal.cookies;

import io.github.fxsession.cookies.Cookie;
import io.github.fxsession.cookies.CookieChangeListener;
import io.github.fxsession.cookies.CookieDetails;
import io.github.fxsession.cookies.CookieFilter;
import io.github.fxsession.cookies.Cookies;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.util.Subscription;

/** The public {@link Cookies} of one partition over its {@link CookieStore} (contract; being implemented). */
public final class CookiesImpl implements Cookies {

    private final CookieStore store;

    public CookiesImpl(CookieStore store) {
        this.store = store;
    }

    public CookieStore store() {
        return store;
    }

    @Override
    public CompletableFuture<List<Cookie>> get(CookieFilter filter) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public CompletableFuture<Void> set(CookieDetails details) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public CompletableFuture<Void> remove(String url, String name) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public CompletableFuture<Void> flushStore() {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public Subscription onChanged(CookieChangeListener listener) {
        throw new UnsupportedOperationException("not yet");
    }
}
