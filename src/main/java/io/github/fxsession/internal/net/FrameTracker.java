package io.github.fxsession.internal.net;

import io.github.fxsession.internal.session.EngineBinding;
import io.github.fxsession.internal.session.SessionCore;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * Finds the engine behind the one request WebView sends without its engine's User-Agent: the request
 * for a frame's own document.
 *
 * <p>Three sources of evidence, in order: <em>expectations</em> (an attached engine announced that
 * one of its frames is about to load a URL: the network chain reads {@code <iframe src>} from each
 * document as it streams to WebKit, and the page bridge reports frames created or navigated by
 * script); the <em>Referer</em> (a document that only one session has open); and, when only one
 * session has engines at all, that session. Where two sessions' documents are about to load the same
 * frame URL at the same time, the document stream of the second waits (on its loader thread, at most
 * {@value #EXCLUSIVE_WAIT_MILLIS} ms) until the first frame request has been claimed, so the two
 * requests never overlap. What is still ambiguous fails closed with {@link AmbiguousFrameException}:
 * a frame shows an error rather than another partition's data.
 *
 * <p>Threading: any thread; all state is guarded by this class's lock.
 */
public final class FrameTracker {

    static final long EXPECTATION_TTL_NANOS = 30_000_000_000L;
    static final long EXCLUSIVE_WAIT_MILLIS = 3_000;
    private static final int MAX_EXPECTATIONS = 4_096;
    private static final int DOCUMENTS_PER_ENGINE = 32;

    private record Expectation(EngineBinding binding, String url, long deadline) {
    }

    private static final Object LOCK = new Object();
    private static final Deque<Expectation> EXPECTATIONS = new ArrayDeque<>();
    private static final Map<EngineBinding, Deque<String>> DOCUMENTS = new WeakHashMap<>();

    private FrameTracker() {
    }

    /** An attached engine's frame is about to load {@code url}; FX thread safe (never waits). */
    public static void expect(EngineBinding binding, String url) {
        String canonical = Urls.canonical(url);
        if (canonical == null) {
            return;
        }
        synchronized (LOCK) {
            add(binding, canonical);
        }
    }

    /**
     * Like {@link #expect} but first waits, bounded, until no other session expects the same URL; call
     * only on a loader thread, before the bytes that create the frame reach WebKit.
     */
    public static void expectExclusively(EngineBinding binding, String url) {
        String canonical = Urls.canonical(url);
        if (canonical == null) {
            return;
        }
        long end = System.currentTimeMillis() + EXCLUSIVE_WAIT_MILLIS;
        synchronized (LOCK) {
            while (otherSessionExpects(binding.session(), canonical)) {
                long left = end - System.currentTimeMillis();
                if (left <= 0) {
                    break;
                }
                try {
                    LOCK.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            add(binding, canonical);
        }
    }

    /**
     * Records that {@code binding} received the document at {@code url} (for Referer matching); a new
     * main-frame document replaces everything the engine had open.
     */
    public static void documentServed(EngineBinding binding, String url, boolean mainFrame) {
        String canonical = Urls.canonical(url);
        if (canonical == null) {
            return;
        }
        synchronized (LOCK) {
            Deque<String> docs = DOCUMENTS.computeIfAbsent(binding, b -> new ArrayDeque<>());
            if (mainFrame) {
                docs.clear();
            }
            docs.remove(canonical);
            docs.addFirst(canonical);
            while (docs.size() > DOCUMENTS_PER_ENGINE) {
                docs.removeLast();
            }
        }
    }

    /**
     * A frame request of {@code binding} was answered with a redirect: WebKit asks for the next hop as a
     * new frame request, on another thread and again without User-Agent. Call on the loader thread
     * before the redirect reaches WebKit.
     */
    static void redirected(EngineBinding binding, String location) {
        expectExclusively(binding, location);
    }

    /**
     * The engine whose frame asked for {@code url}, {@code null} when no engine is attached at all
     * (the request then belongs to the default session).
     *
     * @throws AmbiguousFrameException when the evidence points at more than one session
     */
    static EngineBinding resolve(String url, String referer) throws AmbiguousFrameException {
        String canonical = Urls.canonical(url);
        synchronized (LOCK) {
            purge();
            List<Expectation> matches = new ArrayList<>();
            for (Expectation e : EXPECTATIONS) {
                if (e.url().equals(canonical)) {
                    matches.add(e);
                }
            }
            if (referer != null && !referer.isEmpty()) {
                // An expectation only counts for a frame of a document its engine really has open:
                // a stale one (a frame that never loaded) must not capture another page's frame.
                matches.removeIf(e -> !hasDocument(e.binding(), referer) && !hasOrigin(e.binding(), referer));
            }
            Set<SessionCore> sessions = sessionsOf(matches);
            if (sessions.size() > 1 && referer != null) {
                List<Expectation> exact = new ArrayList<>(matches);
                exact.removeIf(e -> !hasDocument(e.binding(), referer));
                if (!exact.isEmpty()) {
                    matches = exact;
                    sessions = sessionsOf(matches);
                }
            }
            if (sessions.size() == 1) {
                Expectation chosen = matches.get(0);
                EXPECTATIONS.remove(chosen);
                LOCK.notifyAll();
                return chosen.binding();
            }
            if (sessions.isEmpty()) {
                EngineBinding byReferer = byReferer(referer);
                if (byReferer != null) {
                    return byReferer;
                }
                List<EngineBinding> live = EngineBinding.live();
                Set<SessionCore> liveSessions = new LinkedHashSet<>();
                live.forEach(b -> liveSessions.add(b.session()));
                if (liveSessions.isEmpty()) {
                    return null;
                }
                if (liveSessions.size() == 1) {
                    return live.get(live.size() - 1);
                }
            }
            throw new AmbiguousFrameException(url, referer);
        }
    }

    private static EngineBinding byReferer(String referer) {
        if (referer == null || referer.isEmpty()) {
            return null;
        }
        for (boolean exact : new boolean[] {true, false}) {
            Set<SessionCore> sessions = new LinkedHashSet<>();
            EngineBinding first = null;
            for (EngineBinding binding : EngineBinding.live()) {
                if (exact ? hasDocument(binding, referer) : hasOrigin(binding, referer)) {
                    sessions.add(binding.session());
                    if (first == null) {
                        first = binding;
                    }
                }
            }
            if (sessions.size() == 1) {
                return first;
            }
            if (sessions.size() > 1) {
                return null;
            }
        }
        return null;
    }

    private static boolean hasDocument(EngineBinding binding, String referer) {
        Deque<String> docs = DOCUMENTS.get(binding);
        return docs != null && docs.contains(Urls.canonical(referer));
    }

    private static boolean hasOrigin(EngineBinding binding, String referer) {
        String origin = Urls.origin(referer);
        Deque<String> docs = DOCUMENTS.get(binding);
        if (origin == null || docs == null) {
            return false;
        }
        for (String doc : docs) {
            if (origin.equals(Urls.origin(doc))) {
                return true;
            }
        }
        return false;
    }

    private static Set<SessionCore> sessionsOf(List<Expectation> expectations) {
        Set<SessionCore> sessions = new LinkedHashSet<>();
        expectations.forEach(e -> sessions.add(e.binding().session()));
        return sessions;
    }

    private static boolean otherSessionExpects(SessionCore session, String canonical) {
        purge();
        for (Expectation e : EXPECTATIONS) {
            if (e.url().equals(canonical) && e.binding().session() != session) {
                return true;
            }
        }
        return false;
    }

    private static void add(EngineBinding binding, String canonical) {
        purge();
        if (EXPECTATIONS.size() >= MAX_EXPECTATIONS) {
            EXPECTATIONS.removeFirst();
        }
        EXPECTATIONS.addLast(new Expectation(binding, canonical, System.nanoTime() + EXPECTATION_TTL_NANOS));
    }

    private static void purge() {
        long now = System.nanoTime();
        boolean removed = false;
        for (Iterator<Expectation> it = EXPECTATIONS.iterator(); it.hasNext();) {
            Expectation e = it.next();
            if (now - e.deadline() > 0 || e.binding().engine() == null) {
                it.remove();
                removed = true;
            }
        }
        if (removed) {
            LOCK.notifyAll();
        }
    }

    /** A frame's document request that could belong to more than one partition. */
    public static final class AmbiguousFrameException extends IOException {
        AmbiguousFrameException(String url, String referer) {
            super("fxsession: cannot tell which partition the frame request for " + url + " (Referer: "
                    + referer + ") belongs to; it was refused rather than risk sending another partition's"
                    + " cookies. Frames created by innerHTML in pages open in several partitions at once"
                    + " cannot be told apart; create them with src set by script or in the HTML instead.");
        }
    }
}
