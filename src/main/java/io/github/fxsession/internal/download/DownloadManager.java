package io.github.fxsession.internal.download;

import io.github.fxsession.WebContents;
import io.github.fxsession.download.DownloadUrlOptions;
import io.github.fxsession.download.InterruptedDownloadOptions;
import io.github.fxsession.download.SaveDialogOptions;
import io.github.fxsession.download.WillDownloadEvent;
import io.github.fxsession.download.WillDownloadListener;
import io.github.fxsession.internal.net.NetRequest;
import io.github.fxsession.internal.net.NetResponse;
import io.github.fxsession.internal.net.RequestContext;
import io.github.fxsession.internal.net.ResourceType;
import io.github.fxsession.internal.net.Urls;
import io.github.fxsession.internal.session.EngineBinding;
import io.github.fxsession.internal.session.SessionCore;
import io.github.fxsession.internal.util.Listeners;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.ProtocolException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.stage.FileChooser;
import javafx.util.Subscription;
import javax.net.ssl.SSLException;
import okhttp3.Headers;

/**
 * A session's downloads: its download folder, its {@code 'will-download'} listeners, and the requests
 * of {@code downloadURL} and resumes, which run through the session's own chain (cookies, proxy,
 * certificate rules, webRequest) with the session's client.
 *
 * <p>Threading: any thread; listeners and the save dialog on the FX Application Thread; transfers and
 * file work on daemon threads named {@code fxsession-download-N}.
 */
public final class DownloadManager {

    private static final System.Logger LOG = System.getLogger(DownloadManager.class.getName());
    private static final int MAX_REDIRECTS = 20;
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ExecutorService EXECUTOR = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "fxsession-download-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    private final SessionCore session;
    private final List<WillDownloadListener> listeners = new CopyOnWriteArrayList<>();
    private volatile Path downloadPath;

    public DownloadManager(SessionCore session) {
        this.session = Objects.requireNonNull(session, "session == null");
    }

    ExecutorService executor() {
        return EXECUTOR;
    }

    public Subscription onWillDownload(WillDownloadListener listener) {
        return Listeners.add(listeners, listener);
    }

    public void setDownloadPath(Path path) {
        Objects.requireNonNull(path, "path == null");
        if (!path.isAbsolute()) {
            throw new IllegalArgumentException("path must be absolute: '" + path + "'");
        }
        if (Files.exists(path) && !Files.isDirectory(path)) {
            throw new IllegalArgumentException("path must be a folder, not a file: '" + path + "'");
        }
        downloadPath = path.normalize();
    }

    public Path downloadPath() {
        return downloadPath;
    }

    // ---- starting downloads ------------------------------------------------------------------------

    /** Takes over a navigation response of {@code binding} (loader thread): the download reads its body. */
    void takeOver(List<String> urlChain, NetResponse response, EngineBinding binding) {
        Download item = Download.of(this, urlChain, response);
        announce(item, binding);
        item.start(response.body(), 0);
    }

    public void downloadURL(String url, DownloadUrlOptions options) {
        Objects.requireNonNull(url, "url == null");
        Objects.requireNonNull(options, "options == null");
        requireHttpUrl(url);
        Headers.Builder headers = new Headers.Builder();
        for (Map.Entry<String, String> header : options.headers().entrySet()) {
            headers.add(header.getKey(), header.getValue());
        }
        Headers built = headers.build();
        EXECUTOR.execute(() -> {
            List<String> chain = new ArrayList<>();
            NetResponse response;
            try {
                response = fetch(url, built, chain);
            } catch (IOException | RuntimeException e) {
                Download item = Download.failed(this, chain.isEmpty() ? List.of(url) : chain);
                announce(item, null);
                item.interrupt(reasonOf(e));
                return;
            }
            Download item = Download.of(this, chain, response);
            announce(item, null);
            int code = response.code();
            if (code >= 200 && code < 300) {
                item.start(response.body(), 0);
            } else {
                close(response.body());
                item.interrupt("HTTP " + code + " " + response.message());
            }
        });
    }

    public void createInterruptedDownload(InterruptedDownloadOptions options) {
        Objects.requireNonNull(options, "options == null");
        announce(Download.interrupted(this, options), null);
    }

    private static void requireHttpUrl(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new IllegalArgumentException("url must be an absolute http or https URL: '" + url + "'");
    }

    /**
     * Sends a GET for {@code url} through the session's chain, following redirects (each hop added to
     * {@code chain}); returns the first response that is not a redirect. Download thread.
     */
    NetResponse fetch(String url, Headers headers, List<String> chain) throws IOException {
        String current = url;
        for (int hop = 0; ; hop++) {
            chain.add(current);
            NetRequest request = new NetRequest(current, "GET", headers, null,
                    new RequestContext(session, null, ResourceType.MAIN_FRAME, true));
            session.countRequest();
            NetResponse response = session.interceptors().execute(request);
            String location = response.header("Location");
            int code = response.code();
            if (location == null || (code != 301 && code != 302 && code != 303 && code != 307 && code != 308)) {
                return response;
            }
            close(response.body());
            if (hop >= MAX_REDIRECTS) {
                throw new ProtocolException("too many redirects (" + chain.size() + "), last to " + location);
            }
            current = Urls.resolve(current, location);
        }
    }

    // ---- 'will-download' and the destination ------------------------------------------------------

    private void announce(Download item, EngineBinding binding) {
        Object contents = binding == null ? null : binding.facade();
        Platform.runLater(() -> dispatch(item, contents instanceof WebContents web ? web : null));
    }

    private void dispatch(Download item, WebContents contents) {
        WillDownloadEvent event = new WillDownloadEvent();
        for (WillDownloadListener listener : listeners) {
            try {
                listener.willDownload(event, item, contents);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "a 'will-download' listener threw", e);
            }
        }
        item.listenersRan();
        if (event.isDefaultPrevented()) {
            item.cancel();
            return;
        }
        Path requested = item.requestedPath();
        if (requested != null) {
            item.decide(requested, false);
        } else if (downloadPath != null || item.getState() == io.github.fxsession.download.DownloadState.PROGRESSING) {
            chooseDestination(item);
        }
        // else: a download that failed before its first byte asks for a place when a resume completes it
    }

    /** The session's folder, else the save dialog (dismissing it cancels). FX Application Thread. */
    void chooseDestination(Download item) {
        Path folder = downloadPath;
        if (folder != null) {
            item.decide(folder.resolve(item.getFilename()), false);
            return;
        }
        Path chosen = showSaveDialog(item);
        if (chosen == null) {
            item.cancel();
        } else {
            item.decide(chosen, true);
        }
    }

    /** The JavaFX save dialog (a nested event loop: the FX thread keeps running). */
    private static Path showSaveDialog(Download item) {
        FileChooser chooser = new FileChooser();
        SaveDialogOptions options = item.getSaveDialogOptions();
        Path proposed = options != null ? options.defaultPath() : null;
        chooser.setInitialFileName(proposed != null && proposed.getFileName() != null
                ? proposed.getFileName().toString() : item.getFilename());
        Path folder = proposed != null ? proposed.getParent() : null;
        if (folder != null && Files.isDirectory(folder)) {
            chooser.setInitialDirectory(folder.toFile());
        }
        if (options != null) {
            if (options.title() != null) {
                chooser.setTitle(options.title());
            }
            for (SaveDialogOptions.Filter filter : options.filters()) {
                chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(filter.name(),
                        filter.extensions().stream().map(e -> "*." + e).toList()));
            }
        }
        File file = chooser.showSaveDialog(null);
        return file == null ? null : file.toPath().toAbsolutePath();
    }

    /**
     * Creates a fresh part file for {@code name} until the destination is known: in the download folder
     * when there is one (the final move is then a rename), else in the system's temporary folder.
     */
    Path newPartFile(String name) throws IOException {
        Path folder = downloadPath;
        if (folder == null) {
            folder = Path.of(System.getProperty("java.io.tmpdir"), "fxsession-downloads");
        }
        Files.createDirectories(folder);
        for (int i = 0; ; i++) {
            Path candidate = FileNames.partOf(folder.resolve(i == 0 ? name : name + " (" + i + ")"));
            try {
                return Files.createFile(candidate);
            } catch (FileAlreadyExistsException e) {
                // the next one
            }
        }
    }

    /** A short reason for a failed transfer, as {@code getInterruptReason()} reports it. */
    static String reasonOf(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof ConnectException) {
            return "connection failed: " + message;
        }
        if (e instanceof UnknownHostException) {
            return "unknown host: " + message;
        }
        if (e instanceof SSLException) {
            return "TLS failure: " + message;
        }
        if (e instanceof java.net.SocketTimeoutException) {
            return "timed out: " + message;
        }
        return "network error: " + message;
    }

    private static void close(InputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException ignored) {
                // releases the connection only
            }
        }
    }
}
