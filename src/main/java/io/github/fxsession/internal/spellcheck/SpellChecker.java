package io.github.fxsession.internal.spellcheck;

import io.github.fxsession.internal.util.AtomicFiles;
import io.github.fxsession.internal.util.Listeners;
import io.github.fxsession.spellcheck.SpellcheckDictionaryListener;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.util.Subscription;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * One partition's spellchecker: enabled flag, languages, custom words (kept in
 * {@code <storagePath>/Custom Dictionary.txt} for persistent partitions), downloaded dictionaries (cached in
 * {@code <storagePath>/Dictionaries}) and the four dictionary events. Words are correct when any enabled
 * language's Hunspell dictionary accepts them or they are custom words; answers are cached until the
 * languages or the custom words change.
 *
 * <p>Threading: any thread. Dictionary loads, downloads and events run in order on this session's
 * spellcheck thread; suggestions on a shared pool.
 */
public final class SpellChecker {

    private static final System.Logger LOG = System.getLogger(SpellChecker.class.getName());
    private static final String CUSTOM_WORDS_FILE = "Custom Dictionary.txt";
    private static final int CACHE_LIMIT = 200_000;
    private static final int SUGGESTION_CACHE_LIMIT = 10_000;
    private static final int PREFETCH = 20;
    private static final ExecutorService SUGGESTIONS = Executors.newFixedThreadPool(2, daemon("fxsession-spellcheck-suggest"));

    private final String name;
    private final Path storagePath;
    private final Supplier<OkHttpClient> client;
    private final ThreadPoolExecutor worker;
    private final Object customLock = new Object();
    private volatile boolean enabled = true;
    private volatile List<String> languages;
    private volatile String downloadUrl;
    private volatile Path downloadDirectory;
    private volatile Set<String> customWords;
    private volatile Resolved resolved;
    private final Map<String, CompletableFuture<Void>> loads = new ConcurrentHashMap<>();
    private final Map<String, HunspellDictionary> downloaded = new ConcurrentHashMap<>();
    private final Map<String, Boolean> cache = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<List<String>>> suggestionCache = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();
    private final List<SpellcheckDictionaryListener> initialized = new CopyOnWriteArrayList<>();
    private final List<SpellcheckDictionaryListener> downloadBegin = new CopyOnWriteArrayList<>();
    private final List<SpellcheckDictionaryListener> downloadSuccess = new CopyOnWriteArrayList<>();
    private final List<SpellcheckDictionaryListener> downloadFailure = new CopyOnWriteArrayList<>();

    /**
     * @param name        the partition, for thread names and logs
     * @param storagePath the partition's folder, null for in-memory partitions
     * @param client      the partition's HTTP client (its proxy applies to downloads)
     */
    public SpellChecker(String name, Path storagePath, Supplier<OkHttpClient> client) {
        this.name = Objects.requireNonNull(name, "name == null");
        this.storagePath = storagePath;
        this.client = Objects.requireNonNull(client, "client == null");
        this.worker = new ThreadPoolExecutor(0, 1, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                daemon("fxsession-spellcheck " + name));
        this.languages = List.of(Dictionaries.defaultLanguage(Locale.getDefault()));
    }

    private static java.util.concurrent.ThreadFactory daemon(String threadName) {
        return r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        };
    }

    // ---- enabled, languages, download URL ----

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enable) {
        enabled = enable;
        generation.incrementAndGet();
        if (enable) {
            ensureLoaded();
        }
    }

    public List<String> languages() {
        return languages;
    }

    public void setLanguages(List<String> codes) {
        Objects.requireNonNull(codes, "languages == null");
        List<String> copy = List.copyOf(new LinkedHashSet<>(codes));
        for (String code : copy) {
            if (!Dictionaries.isAvailable(code)) {
                throw new IllegalArgumentException("Invalid language code provided: \"" + code + "\"");
            }
        }
        languages = copy;
        clearCaches();
        ensureLoaded();
    }

    public List<String> availableLanguages() {
        return Dictionaries.AVAILABLE;
    }

    public void setDownloadUrl(String url) {
        Objects.requireNonNull(url, "url == null");
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || uri.getHost() == null) {
                throw new URISyntaxException(url, "not an http(s) URL with a host");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("The URL you provided to setSpellCheckerDictionaryDownloadURL is not a valid URL: \"" + url + "\"");
        }
        downloadUrl = url;
    }

    // ---- checking ----

    /** Whether {@code word} is misspelled in every enabled language; false while disabled. */
    public boolean isMisspelled(String word) {
        Objects.requireNonNull(word, "word == null");
        if (!enabled || word.isEmpty()) {
            return false;
        }
        Boolean cached = cache.get(word);
        if (cached != null) {
            return cached;
        }
        boolean misspelled = check(word);
        if (cache.size() >= CACHE_LIMIT) {
            cache.clear();
        }
        cache.put(word, misspelled);
        return misspelled;
    }

    /** The check without the result cache (benchmarks measure it separately). */
    public boolean checkUncached(String word) {
        return check(word);
    }

    private boolean check(String word) {
        if (isCustom(word)) {
            return false;
        }
        HunspellDictionary[] dictionaries = checkDictionaries();
        if (dictionaries.length == 0) {
            return false;
        }
        for (HunspellDictionary d : dictionaries) {
            if (d.knownForm(word)) {
                return false; // a form Hunspell accepted when the set was compiled
            }
        }
        for (HunspellDictionary d : dictionaries) {
            if (d.spellNative(word)) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@link #dictionaries()} for checks, without its per-call cost once it has nothing left to start: the
     * answer is kept while every enabled language is loaded, until the {@link #generation} moves (languages,
     * a loaded or downloaded dictionary).
     */
    private HunspellDictionary[] checkDictionaries() {
        List<String> codes = languages;
        long now = generation.get(); // read before the dictionaries: a download landing after moves it
        Resolved known = resolved;
        if (known != null && known.generation == now && known.languages == codes) {
            return known.dictionaries;
        }
        HunspellDictionary[] result = dictionaries().toArray(HunspellDictionary[]::new);
        if (result.length == codes.size() && loads.keySet().containsAll(codes)) {
            resolved = new Resolved(now, codes, result); // nothing to load or retry: dictionaries() would repeat this
        }
        return result;
    }

    /** The dictionaries of one languages list (compared by identity: each setLanguages makes a new list). */
    private record Resolved(long generation, List<String> languages, HunspellDictionary[] dictionaries) {
    }

    /**
     * Completes when every enabled language that is loaded has its compiled word forms in use (checks are
     * Hunspell's answers before and after; only their speed changes).
     */
    public CompletableFuture<Void> formsReady() {
        return CompletableFuture.allOf(dictionaries().stream()
                .map(d -> d.compileForms().exceptionally(e -> null))
                .toArray(CompletableFuture[]::new));
    }

    /**
     * Completes when every enabled language's fast suggestion engine is built (starting the builds if
     * needed); until then native Hunspell suggests (same answers' quality, slower). For benchmarks and tests.
     */
    public CompletableFuture<Void> suggestionEnginesReady() {
        return CompletableFuture.allOf(dictionaries().stream()
                .map(d -> d.fastEngineReady().exceptionally(e -> null))
                .toArray(CompletableFuture[]::new));
    }

    /** Changes whenever answers may change (languages, custom words, dictionaries, enabled). */
    public long generation() {
        return generation.get();
    }

    /**
     * Suggestions from every enabled language (computed in parallel), in language order, without
     * duplicates. Answers are kept
     * (10,000 words), and a request for a word whose suggestions are being computed (e.g. by
     * {@link #prefetchSuggestions}) joins that computation.
     */
    public CompletableFuture<List<String>> suggestions(String word) {
        Objects.requireNonNull(word, "word == null");
        if (!enabled || word.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        CompletableFuture<List<String>> known = suggestionCache.get(word);
        if (known != null) {
            return known;
        }
        if (suggestionCache.size() >= SUGGESTION_CACHE_LIMIT) {
            suggestionCache.clear();
        }
        List<HunspellDictionary> dictionaries = dictionaries();
        return suggestionCache.computeIfAbsent(word, w -> {
            // one task per language, so two languages use both cores; merged in language order
            List<CompletableFuture<List<String>>> each = new ArrayList<>();
            for (HunspellDictionary d : dictionaries) {
                each.add(CompletableFuture.supplyAsync(() -> d.suggest(w), SUGGESTIONS));
            }
            return CompletableFuture.allOf(each.toArray(CompletableFuture[]::new)).thenApply(done -> {
                Set<String> all = new LinkedHashSet<>();
                for (CompletableFuture<List<String>> f : each) {
                    all.addAll(f.join());
                }
                return List.copyOf(all);
            });
        });
    }

    /**
     * Starts computing the suggestions of words the page just marked, so that a right-click on one finds
     * them ready (a suggestion takes milliseconds to tens of milliseconds). At most {@value #PREFETCH} words a call.
     */
    public void prefetchSuggestions(List<String> misspelled) {
        for (int i = 0; i < misspelled.size() && i < PREFETCH; i++) {
            suggestions(misspelled.get(i));
        }
    }

    private List<HunspellDictionary> dictionaries() {
        ensureLoaded();
        List<HunspellDictionary> result = new ArrayList<>();
        for (String code : languages) {
            if (Dictionaries.isBundled(code)) {
                result.add(Dictionaries.bundled(code));
            } else {
                HunspellDictionary d = downloaded.get(code);
                if (d != null) {
                    result.add(d);
                }
            }
        }
        return result;
    }

    private void clearCaches() {
        generation.incrementAndGet();
        cache.clear();
        suggestionCache.clear();
    }

    // ---- custom words ----

    private boolean isCustom(String word) {
        Set<String> words = customWords();
        if (words.isEmpty()) {
            return false;
        }
        return words.contains(word) || words.contains(word.toLowerCase(Locale.ROOT));
    }

    private Set<String> customWords() {
        Set<String> words = customWords;
        if (words == null) {
            synchronized (customLock) {
                if (customWords == null) {
                    customWords = readCustomWords();
                }
                words = customWords;
            }
        }
        return words;
    }

    private Set<String> readCustomWords() {
        Set<String> words = new TreeSet<>();
        if (storagePath != null) {
            Path file = storagePath.resolve(CUSTOM_WORDS_FILE);
            AtomicFiles.deleteStaleTemp(file);
            try {
                if (Files.exists(file)) {
                    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                        if (!line.isEmpty()) {
                            words.add(line);
                        }
                    }
                }
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot read " + file, e);
            }
        }
        return java.util.Collections.unmodifiableSet(words);
    }

    /** Whether custom words can be added: only persistent partitions keep them, as in Electron. */
    public boolean canKeepWords() {
        return storagePath != null;
    }

    public List<String> listWords() {
        return List.copyOf(customWords());
    }

    /** Adds a custom word; false for "", words with line breaks, words already there and in-memory partitions. */
    public boolean addWord(String word) {
        return changeWord(word, true);
    }

    /** Removes a custom word; false when it is not there and on in-memory partitions. */
    public boolean removeWord(String word) {
        return changeWord(word, false);
    }

    private boolean changeWord(String word, boolean add) {
        Objects.requireNonNull(word, "word == null");
        if (storagePath == null || word.isEmpty() || word.indexOf('\n') >= 0 || word.indexOf('\r') >= 0) {
            return false;
        }
        synchronized (customLock) {
            Set<String> words = new TreeSet<>(customWords());
            if (!(add ? words.add(word) : words.remove(word))) {
                return false;
            }
            StringBuilder text = new StringBuilder();
            words.forEach(w -> text.append(w).append('\n'));
            try {
                AtomicFiles.write(storagePath.resolve(CUSTOM_WORDS_FILE), text.toString().getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                LOG.log(System.Logger.Level.ERROR, "cannot write the custom words of " + name, e);
                return false;
            }
            customWords = java.util.Collections.unmodifiableSet(words);
            cache.clear();
            generation.incrementAndGet();
            return true;
        }
    }

    // ---- loading and downloading ----

    /** Starts loading (bundled, cached) or downloading each enabled language not loaded yet; not while disabled. */
    private void ensureLoaded() {
        if (!enabled) {
            return;
        }
        for (String code : languages) {
            if (!loads.containsKey(code)) {
                loads.computeIfAbsent(code, c -> CompletableFuture.runAsync(() -> load(c), worker));
            }
        }
    }

    private void load(String code) {
        if (Dictionaries.isBundled(code)) {
            try {
                Dictionaries.bundled(code).useCachedForms(Dictionaries.formsCache());
                clearCaches();
                fire(initialized, code);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "cannot load the bundled " + code + " dictionary", e);
                loads.remove(code);
            }
            return;
        }
        try {
            Path dir = downloadDirectory();
            Path aff = dir.resolve(code + ".aff");
            Path dic = dir.resolve(code + ".dic");
            if (Files.exists(aff) && Files.exists(dic)) {
                try {
                    use(code, HunspellDictionary.load(code, aff, dic));
                    return;
                } catch (IOException e) {
                    LOG.log(System.Logger.Level.WARNING, "the cached " + code + " dictionary is unusable; downloading it again", e);
                }
            }
            download(code, dir, aff, dic);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.ERROR, "cannot prepare the " + code + " dictionary of " + name, e);
            loads.remove(code);
        }
    }

    private void download(String code, Path dir, Path aff, Path dic) {
        String base = downloadUrl;
        if (!enabled) {
            loads.remove(code); // nothing downloaded while disabled; setEnabled(true) starts it
            return;
        }
        fire(downloadBegin, code);
        Path affTemp = null;
        Path dicTemp = null;
        try {
            if (base == null) {
                throw new IOException("no dictionary download URL: call setSpellCheckerDictionaryDownloadURL first");
            }
            affTemp = fetch(base + code + ".aff", dir);
            dicTemp = fetch(base + code + ".dic", dir);
            HunspellDictionary.load(code, affTemp, dicTemp).close(); // verified before it replaces anything
            AtomicFiles.moveAtomically(affTemp, aff);
            AtomicFiles.moveAtomically(dicTemp, dic);
            HunspellDictionary loaded = HunspellDictionary.load(code, aff, dic);
            fire(downloadSuccess, code);
            use(code, loaded);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot download the " + code + " dictionary of " + name + ": " + e.getMessage());
            loads.remove(code); // a later setSpellCheckerLanguages tries again
            fire(downloadFailure, code);
        } finally {
            deleteQuietly(affTemp);
            deleteQuietly(dicTemp);
        }
    }

    private void use(String code, HunspellDictionary dictionary) {
        HunspellDictionary previous = downloaded.put(code, dictionary);
        dictionary.useCachedForms(Dictionaries.formsCache());
        clearCaches();
        if (previous != null) {
            previous.close();
        }
        fire(initialized, code);
    }

    private Path fetch(String url, Path dir) throws IOException {
        Request request = new Request.Builder().url(url).build();
        try (Response response = client.get().newCall(request).execute()) {
            if (!response.isSuccessful()) {
                throw new IOException("GET " + url + " answered " + response.code());
            }
            Path temp = Files.createTempFile(dir, "download", ".part");
            ResponseBody body = response.body();
            try (InputStream in = body.byteStream()) {
                Files.copy(in, temp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                deleteQuietly(temp);
                throw e;
            }
            try (var channel = java.nio.channels.FileChannel.open(temp, java.nio.file.StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            return temp;
        }
    }

    private Path downloadDirectory() throws IOException {
        Path dir = downloadDirectory;
        if (dir == null) {
            dir = storagePath != null ? storagePath.resolve("Dictionaries") : Files.createTempDirectory("fxsession-dictionaries-" + Math.abs(name.hashCode()));
            Files.createDirectories(dir);
            downloadDirectory = dir;
        }
        return dir;
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a leftover .part file is harmless
            }
        }
    }

    // ---- events ----

    public Subscription onInitialized(SpellcheckDictionaryListener listener) {
        return subscribe(initialized, listener);
    }

    public Subscription onDownloadBegin(SpellcheckDictionaryListener listener) {
        return subscribe(downloadBegin, listener);
    }

    public Subscription onDownloadSuccess(SpellcheckDictionaryListener listener) {
        return subscribe(downloadSuccess, listener);
    }

    public Subscription onDownloadFailure(SpellcheckDictionaryListener listener) {
        return subscribe(downloadFailure, listener);
    }

    private static Subscription subscribe(List<SpellcheckDictionaryListener> list, SpellcheckDictionaryListener listener) {
        return Listeners.add(list, listener);
    }

    private void fire(List<SpellcheckDictionaryListener> list, String code) {
        for (SpellcheckDictionaryListener l : list) {
            try {
                l.dictionaryEvent(code);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "a spellcheck dictionary listener threw", e);
            }
        }
    }

    /** Frees this session's downloaded dictionaries (bundled ones are shared for the JVM's lifetime). */
    public void close() {
        worker.shutdownNow();
        downloaded.values().forEach(HunspellDictionary::close);
        downloaded.clear();
        generation.incrementAndGet();
    }
}
