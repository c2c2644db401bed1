package io.github.fxsession.internal.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.script.Invocable;
import javax.script.ScriptEngine;
import javax.script.ScriptException;
import org.openjdk.nashorn.api.scripting.AbstractJSObject;
import org.openjdk.nashorn.api.scripting.NashornScriptEngineFactory;
import org.openjdk.nashorn.api.tree.CompilationUnitTree;
import org.openjdk.nashorn.api.tree.DoWhileLoopTree;
import org.openjdk.nashorn.api.tree.ForInLoopTree;
import org.openjdk.nashorn.api.tree.ForLoopTree;
import org.openjdk.nashorn.api.tree.FunctionDeclarationTree;
import org.openjdk.nashorn.api.tree.FunctionExpressionTree;
import org.openjdk.nashorn.api.tree.Parser;
import org.openjdk.nashorn.api.tree.SimpleTreeVisitorES5_1;
import org.openjdk.nashorn.api.tree.StatementTree;
import org.openjdk.nashorn.api.tree.Tree;
import org.openjdk.nashorn.api.tree.WhileLoopTree;

/**
 * A compiled PAC script in its own sandboxed Nashorn engine, evaluated on its own daemon thread (never
 * the caller's, never the FX thread) with a time limit.
 *
 * <h2>Sandbox</h2>
 * The engine runs with {@code --no-java} and a class filter that exposes no class, so {@code Java},
 * {@code Packages} and Java classes are unreachable; {@code load}, {@code loadWithNewGlobal},
 * {@code exit}, {@code quit} and {@code print} are removed before the script runs. The host offers only
 * {@code dnsResolve}, {@code myIpAddress} and the clock.
 *
 * <h2>Time limit</h2>
 * Nashorn cannot be interrupted, so every loop body and function body of the script gets a call to a
 * tick function that throws once the deadline has passed (and keeps throwing, so a {@code catch} cannot
 * swallow it): a {@code while (true) {}} ends by itself shortly after the time limit. A script stuck in
 * a built-in (a pathological regular expression) is abandoned with its thread and engine; the next call
 * compiles a fresh engine.
 */
public final class PacScript implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(PacScript.class.getName());
    private static final String HELPERS = readHelpers();
    private static final String TIMED_OUT = "PAC script timed out";
    private static final Duration ENGINE_START = Duration.ofSeconds(30);
    private static final NashornScriptEngineFactory FACTORY = new NashornScriptEngineFactory();
    private static final String PRELUDE = """
            (function (global) {
                var now = Date.now, deadline = Infinity, expired = false, ticks = 0;
                function hide(name, value) {
                    Object.defineProperty(global, name, {value: value, writable: false, configurable: false, enumerable: false});
                }
                ['load', 'loadWithNewGlobal', 'exit', 'quit', 'print', 'printf', 'readFully', 'readLine',
                 'Java', 'Packages', 'JavaImporter', 'java', 'javax', 'javafx', 'com', 'org', 'edu', 'net'].forEach(function (name) {
                    try { delete global[name]; } catch (e) {}
                    if (name in global) { try { hide(name, undefined); } catch (e) {} }
                });
                hide('__pacArm', function (millis) { deadline = now() + millis; expired = false; ticks = 0; });
                hide('__pacTick', function () {
                    if (expired || ((++ticks & 255) === 0 && now() > deadline)) {
                        expired = true;
                        throw new Error('PAC script timed out');
                    }
                });
            })(this);
            """;

    private final String source;
    private final String name;
    private final Duration timeout;
    private final Clock clock;
    private final Resolver dns;
    private final String instrumented;
    private ExecutorService executor;
    private Invocable engine;

    /** Host-name resolution as PAC's {@code dnsResolve} sees it (replaceable in tests). */
    @FunctionalInterface
    public interface Resolver {
        /** The first IPv4 address of {@code host}, or null when it does not resolve. */
        String resolve(String host);

        Resolver SYSTEM = host -> {
            try {
                for (InetAddress address : InetAddress.getAllByName(host)) {
                    if (address instanceof Inet4Address) {
                        return address.getHostAddress();
                    }
                }
                return null;
            } catch (UnknownHostException | SecurityException e) {
                return null;
            }
        };
    }

    /** A thrown, timed-out or meaningless evaluation, or a script that does not compile. */
    public static final class PacException extends Exception {
        PacException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private PacScript(String source, String name, Duration timeout, Clock clock, Resolver dns) {
        this.source = source;
        this.name = name;
        this.timeout = timeout;
        this.clock = clock;
        this.dns = dns;
        this.instrumented = instrument(source, name);
    }

    /**
     * Compiles {@code source} (named {@code name} in messages), waiting at most {@code timeout} for its
     * top-level code.
     *
     * @throws PacException if it does not compile, throws, takes too long, or defines no {@code FindProxyForURL}
     */
    public static PacScript compile(String source, String name, Duration timeout, Clock clock, Resolver dns)
            throws PacException {
        Objects.requireNonNull(source, "source == null");
        PacScript script;
        try {
            script = new PacScript(source, name, timeout, clock, dns);
        } catch (RuntimeException e) {
            throw new PacException("PAC script " + name + " does not parse: " + e.getMessage(), e);
        }
        script.start();
        return script;
    }

    private synchronized void start() throws PacException {
        executor = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "fxsession-pac");
            thread.setDaemon(true);
            return thread;
        });
        Future<Invocable> compiled = executor.submit(this::newEngine);
        try {
            // creating an engine is slow on a busy machine and is not the script's fault; the script's own
            // top level is held to the time limit by its ticks
            engine = compiled.get(timeout.toMillis() + ENGINE_START.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            abandon();
            throw new PacException("PAC script " + name + " failed to load: " + message(e.getCause()), e.getCause());
        } catch (TimeoutException e) {
            abandon();
            throw new PacException("PAC script " + name + " timed out while loading", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abandon();
            throw new PacException("interrupted while loading PAC script " + name, e);
        }
    }

    private Invocable newEngine() throws ScriptException {
        ScriptEngine scriptEngine = FACTORY.getScriptEngine(
                new String[] {"--no-java", "--no-syntax-extensions", "--language=es5"},
                PacScript.class.getClassLoader(), className -> false);
        scriptEngine.put("dnsResolve", function(args -> args.length < 1 || args[0] == null ? null : dns.resolve(String.valueOf(args[0]))));
        scriptEngine.put("myIpAddress", function(args -> myIpAddress()));
        scriptEngine.put("__pacClock", function(args -> (double) clock.millis()));
        scriptEngine.eval(PRELUDE);
        scriptEngine.eval(HELPERS);
        scriptEngine.eval("__pacArm(" + timeout.toMillis() + ");");
        scriptEngine.eval(instrumented);
        Object find = scriptEngine.eval("typeof FindProxyForURL");
        if (!"function".equals(find)) {
            throw new ScriptException("the script defines no function FindProxyForURL(url, host)");
        }
        return (Invocable) scriptEngine;
    }

    /**
     * Calls {@code FindProxyForURL(url, host)}.
     *
     * @return what it returned, a PAC string
     * @throws PacException if it throws, takes longer than the time limit or returns something other than a string
     */
    public String findProxyForUrl(String url, String host) throws PacException {
        ExecutorService current;
        Invocable target;
        synchronized (this) {
            if (engine == null) {
                start();
            }
            current = executor;
            target = engine;
        }
        Future<Object> result = current.submit(() -> {
            target.invokeFunction("__pacArm", (double) timeout.toMillis());
            return target.invokeFunction("FindProxyForURL", url, host);
        });
        Object value;
        try {
            // the ticks stop the script at the time limit; this wait only catches a script stuck in a built-in
            value = result.get(timeout.toMillis() + Math.max(1000, timeout.toMillis()), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (message(e.getCause()).contains(TIMED_OUT)) {
                throw timedOut(url, e.getCause());
            }
            throw new PacException("FindProxyForURL(" + url + ") failed in " + name + ": " + message(e.getCause()), e.getCause());
        } catch (TimeoutException e) {
            result.cancel(true);
            synchronized (this) {
                if (engine == target) {
                    abandon();
                }
            }
            throw timedOut(url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PacException("interrupted while evaluating " + name, e);
        }
        if (!(value instanceof String string)) {
            throw new PacException("FindProxyForURL(" + url + ") in " + name + " returned " + describe(value) + ", not a string", null);
        }
        return string;
    }

    private PacException timedOut(String url, Throwable cause) {
        return new PacException("FindProxyForURL(" + url + ") in " + name + " timed out after " + timeout.toMillis() + " ms", cause);
    }

    private static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        String type = value.getClass().getSimpleName();
        return type.contains("Undefined") ? "undefined" : "a " + type;
    }

    private static String message(Throwable error) {
        String message = error.getMessage();
        return message == null ? error.getClass().getSimpleName() : message;
    }

    /** Leaves the engine and its thread to end on their own; the next call compiles a fresh engine. */
    private void abandon() {
        if (executor != null) {
            executor.shutdownNow();
        }
        executor = null;
        engine = null;
    }

    @Override
    public synchronized void close() {
        abandon();
    }

    /** The script as loaded, before instrumentation. */
    public String source() {
        return source;
    }

    private static AbstractJSObject function(java.util.function.Function<Object[], Object> body) {
        return new AbstractJSObject() {
            @Override
            public Object call(Object thiz, Object... args) {
                return body.apply(args);
            }

            @Override
            public boolean isFunction() {
                return true;
            }
        };
    }

    private static String myIpAddress() {
        try {
            List<NetworkInterface> interfaces = Collections.list(NetworkInterface.getNetworkInterfaces());
            for (NetworkInterface networkInterface : interfaces) {
                if (!networkInterface.isUp() || networkInterface.isLoopback()) {
                    continue;
                }
                for (InetAddress address : Collections.list(networkInterface.getInetAddresses())) {
                    if (address instanceof Inet4Address && !address.isLinkLocalAddress()) {
                        return address.getHostAddress();
                    }
                }
            }
        } catch (SocketException e) {
            LOG.log(System.Logger.Level.DEBUG, "no network interfaces for myIpAddress()", e);
        }
        return "127.0.0.1";
    }

    /** {@code source} with a tick at the start of every loop body and function body. */
    static String instrument(String source, String name) {
        List<String> errors = new ArrayList<>();
        CompilationUnitTree unit = Parser.create().parse(name, source, d -> errors.add(d.getMessage()));
        if (unit == null || !errors.isEmpty()) {
            throw new IllegalArgumentException(errors.isEmpty() ? "syntax error" : errors.get(0));
        }
        record Insert(long position, String text) {
        }
        List<Insert> inserts = new ArrayList<>();
        unit.accept(new SimpleTreeVisitorES5_1<Void, Void>() {
            private void body(StatementTree statement) {
                inserts.add(new Insert(statement.getStartPosition(), "{__pacTick();"));
                inserts.add(new Insert(statement.getEndPosition(), "}"));
            }

            private void function(Tree body) {
                long start = body.getStartPosition();
                if (start >= 0 && start < source.length() && source.charAt((int) start) == '{') {
                    inserts.add(new Insert(start + 1, "__pacTick();"));
                }
            }

            @Override
            public Void visitWhileLoop(WhileLoopTree node, Void unused) {
                body(node.getStatement());
                return super.visitWhileLoop(node, unused);
            }

            @Override
            public Void visitDoWhileLoop(DoWhileLoopTree node, Void unused) {
                body(node.getStatement());
                return super.visitDoWhileLoop(node, unused);
            }

            @Override
            public Void visitForLoop(ForLoopTree node, Void unused) {
                body(node.getStatement());
                return super.visitForLoop(node, unused);
            }

            @Override
            public Void visitForInLoop(ForInLoopTree node, Void unused) {
                body(node.getStatement());
                return super.visitForInLoop(node, unused);
            }

            @Override
            public Void visitFunctionDeclaration(FunctionDeclarationTree node, Void unused) {
                function(node.getBody());
                return super.visitFunctionDeclaration(node, unused);
            }

            @Override
            public Void visitFunctionExpression(FunctionExpressionTree node, Void unused) {
                function(node.getBody());
                return super.visitFunctionExpression(node, unused);
            }
        }, null);
        inserts.sort(Comparator.comparingLong(Insert::position).reversed());
        StringBuilder out = new StringBuilder(source);
        for (Insert insert : inserts) {
            out.insert((int) insert.position(), insert.text());
        }
        return out.toString();
    }

    private static String readHelpers() {
        try (InputStream in = PacScript.class.getResourceAsStream("pac-helpers.js")) {
            if (in == null) {
                throw new IllegalStateException("pac-helpers.js is missing from the fxsession module");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
