package io.github.fxsession.internal.cookies;

import io.github.fxsession.cookies.SameSite;
import io.github.fxsession.internal.util.AtomicFiles;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.util.MinimalPrettyPrinter;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The cookie file of a persistent partition, {@code <storagePath>/Cookies.json}, in the format
 * {@code docs/cookie-store-format.md} documents:
 *
 * <pre>{@code
 * {"format":"fxsession-cookies","version":1,"cookies":[
 * {"name":"sid","value":"1","domain":"example.com","hostOnly":true,"path":"/","secure":true,"httpOnly":true,
 *  "sameSite":"lax","persistent":true,"expiresAt":1767225600000,"createdAt":1764115200000,"lastAccessAt":1764115200000}
 * ]}
 * }</pre>
 *
 * <h2>Writing</h2>
 * {@link #write(List)} never changes the file in place: it writes {@value #TEMP_SUFFIX} beside it, forces
 * it to the disk, renames it over the file atomically and forces the directory (where the platform can),
 * so a crash at any moment leaves either the previous file or the new one, whole.
 *
 * <h2>Reading</h2>
 * {@link #read()} gives the cookies of the file; a missing file is an empty store. A file that cannot be
 * used entirely (not JSON, another format or version, a cookie with an invalid field) is never deleted nor
 * silently emptied: it is moved aside to {@code Cookies.json.corrupt-<UTC time>}, a warning names both
 * files and the reason, and the {@link LoadResult} carries the problem. The cookies that are valid are
 * still loaded. A temporary file left by a crash during a write is deleted.
 *
 * <p>Threading: not thread-safe; one writer at a time (the partition's {@link CookiePersister}).
 */
public final class CookieFile {

    /** The file name in a partition's storage directory. */
    public static final String FILE_NAME = "Cookies.json";
    /** The {@code format} property of every cookie file. */
    public static final String FORMAT = "fxsession-cookies";
    /** The format version this class writes and reads. */
    public static final int VERSION = 1;
    static final String TEMP_SUFFIX = ".tmp";
    static final String CORRUPT_INFIX = ".corrupt-";

    private static final System.Logger LOG = System.getLogger(CookieFile.class.getName());
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // the generator must leave the channel open: it is forced to the disk after the JSON is written
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private final Path file;
    private final Path temp;

    public CookieFile(Path file) {
        this.file = Objects.requireNonNull(file, "file == null").toAbsolutePath();
        this.temp = this.file.resolveSibling(this.file.getFileName() + TEMP_SUFFIX);
    }

    /** The cookie file of the partition stored in {@code storageDirectory}. */
    public static CookieFile in(Path storageDirectory) {
        return new CookieFile(storageDirectory.resolve(FILE_NAME));
    }

    public Path path() {
        return file;
    }

    /**
     * What {@link #read()} found.
     *
     * @param cookies the valid cookies of the file, in file order; empty for a missing file
     * @param problem why the file was moved aside, or {@code null} when it was fine (or missing)
     * @param movedTo where the unusable file went, or {@code null}
     */
    public record LoadResult(List<StoredCookie> cookies, String problem, Path movedTo) {

        public LoadResult {
            cookies = List.copyOf(cookies);
        }

        public boolean corrupt() {
            return problem != null;
        }
    }

    /**
     * Reads the file: its cookies, or the problem that made it move aside (see the class comment).
     *
     * @throws UncheckedIOException when the file exists but cannot be read at all, or cannot be moved
     *     aside: then nothing may overwrite it
     */
    public LoadResult read() {
        deleteStaleTemp();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException missing) {
            return new LoadResult(List.of(), null, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the cookie file " + file, e);
        }
        List<StoredCookie> cookies = new ArrayList<>();
        String problem;
        try {
            problem = parse(bytes, cookies);
        } catch (JacksonException e) {
            cookies.clear();
            problem = "not valid JSON: " + e.getOriginalMessage();
        }
        if (problem == null) {
            return new LoadResult(cookies, null, null);
        }
        Path aside = moveAside(problem);
        return new LoadResult(cookies, problem, aside);
    }

    /**
     * Replaces the file with {@code cookies}, atomically and durably (see the class comment).
     *
     * @throws IOException when it could not; the previous file is then unchanged
     */
    public void write(List<StoredCookie> cookies) throws IOException {
        Files.createDirectories(file.getParent());
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
            try (JsonGenerator json = JSON.writer().with(new OneCookiePerLine()).createGenerator(out)) {
                writeJson(json, cookies);
            }
            out.write('\n');
            out.flush();
            channel.force(true);
        }
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system of " + file + " cannot rename atomically", e);
        }
        forceDirectory(file.getParent());
    }

    private static void writeJson(JsonGenerator json, List<StoredCookie> cookies) {
        json.writeStartObject();
        json.writeStringProperty("format", FORMAT);
        json.writeNumberProperty("version", VERSION);
        json.writeArrayPropertyStart("cookies");
        for (StoredCookie c : cookies) {
            json.writeStartObject();
            json.writeStringProperty("name", c.name());
            json.writeStringProperty("value", c.value());
            json.writeStringProperty("domain", c.domain());
            json.writeBooleanProperty("hostOnly", c.hostOnly());
            json.writeStringProperty("path", c.path());
            json.writeBooleanProperty("secure", c.secure());
            json.writeBooleanProperty("httpOnly", c.httpOnly());
            json.writeStringProperty("sameSite", c.sameSite().electronName());
            json.writeBooleanProperty("persistent", c.persistent());
            if (c.persistent()) {
                json.writeNumberProperty("expiresAt", c.expiresAt());
            }
            json.writeNumberProperty("createdAt", c.createdAt());
            json.writeNumberProperty("lastAccessAt", c.lastAccessAt());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    /**
     * Fills {@code cookies} from the file's bytes.
     *
     * @return {@code null} when every part was valid, else the first problem
     */
    private static String parse(byte[] bytes, List<StoredCookie> cookies) {
        JsonNode root = JSON.readTree(bytes);
        if (root == null || root.isMissingNode() || !root.isObject()) {
            return "not a JSON object";
        }
        JsonNode format = root.get("format");
        if (format == null || !format.isString() || !FORMAT.equals(format.stringValue())) {
            return "format is " + format + ", expected \"" + FORMAT + "\"";
        }
        JsonNode version = root.get("version");
        if (version == null || !version.isIntegralNumber() || version.longValue() != VERSION) {
            return "version is " + version + ", expected " + VERSION;
        }
        JsonNode list = root.get("cookies");
        if (list == null || !list.isArray()) {
            return "cookies is " + (list == null ? "missing" : "not an array");
        }
        String problem = null;
        for (int i = 0; i < list.size(); i++) {
            try {
                cookies.add(cookie(list.get(i)));
            } catch (IllegalArgumentException invalid) {
                if (problem == null) {
                    problem = "cookies[" + i + "]: " + invalid.getMessage();
                }
            }
        }
        return problem;
    }

    private static StoredCookie cookie(JsonNode node) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("not an object");
        }
        String name = cookieText(node, "name");
        String value = cookieText(node, "value");
        String domain = string(node, "domain");
        if (domain.isEmpty() || domain.startsWith(".") || !domain.equals(domain.toLowerCase(Locale.ROOT))
                || !domain.chars().allMatch(ch -> ch > 0x20 && ch < 0x7f && ch != ';')) {
            throw new IllegalArgumentException("domain is not canonical: '" + domain + "'");
        }
        String path = cookieText(node, "path");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path does not start with '/': '" + path + "'");
        }
        SameSite sameSite = SameSite.fromElectronName(string(node, "sameSite"));
        boolean persistent = bool(node, "persistent");
        long expiresAt;
        if (persistent) {
            expiresAt = number(node, "expiresAt");
        } else if (node.has("expiresAt")) {
            throw new IllegalArgumentException("a session cookie has an expiresAt");
        } else {
            expiresAt = Long.MAX_VALUE;
        }
        return new StoredCookie(name, value, domain, bool(node, "hostOnly"), path, bool(node, "secure"),
                bool(node, "httpOnly"), sameSite, persistent, expiresAt, number(node, "createdAt"),
                number(node, "lastAccessAt"));
    }

    /** A string that a {@code Cookie} header could carry: no control character (tab aside), no {@code ;}. */
    private static String cookieText(JsonNode node, String property) {
        String text = string(node, property);
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if ((ch < 0x20 && ch != '\t') || ch == 0x7f || ch == ';') {
                throw new IllegalArgumentException(property + " contains " + (ch == ';' ? "';'"
                        : String.format("U+%04X", (int) ch)));
            }
        }
        return text;
    }

    private static String string(JsonNode node, String property) {
        JsonNode value = node.get(property);
        if (value == null || !value.isString()) {
            throw new IllegalArgumentException(property + " is " + describe(value) + ", expected a string");
        }
        return value.stringValue();
    }

    private static boolean bool(JsonNode node, String property) {
        JsonNode value = node.get(property);
        if (value == null || !value.isBoolean()) {
            throw new IllegalArgumentException(property + " is " + describe(value) + ", expected true or false");
        }
        return value.booleanValue();
    }

    private static long number(JsonNode node, String property) {
        JsonNode value = node.get(property);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new IllegalArgumentException(property + " is " + describe(value) + ", expected milliseconds");
        }
        return value.longValue();
    }

    private static String describe(JsonNode value) {
        return value == null ? "missing" : value.toString();
    }

    private Path moveAside(String problem) {
        try {
            Path aside = AtomicFiles.moveAside(file, problem);
            LOG.log(Level.WARNING, "The partition starts with the cookies it could read from {0}", aside);
            return aside;
        } catch (IOException e) {
            throw new UncheckedIOException("the cookie file " + file + " is unusable (" + problem
                    + ") and could not be moved aside", e);
        }
    }

    private void deleteStaleTemp() {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "cannot delete the stale temporary file " + temp, e);
        }
    }

    /** Makes the rename durable where the platform lets a directory be opened (not on Windows). */
    private static void forceDirectory(Path directory) {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException notSupported) {
            // Windows cannot open a directory as a file; NTFS journals the rename itself
        }
    }

    /** Compact JSON with one cookie per line, so that the file can be read and compared by people. */
    private static final class OneCookiePerLine extends MinimalPrettyPrinter {

        @Override
        public void beforeArrayValues(JsonGenerator g) {
            g.writeRaw('\n');
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) {
            g.writeRaw(",\n");
        }

        @Override
        public void writeEndArray(JsonGenerator g, int nrOfValues) {
            g.writeRaw(nrOfValues > 0 ? "\n]" : "]");
        }
    }
}
