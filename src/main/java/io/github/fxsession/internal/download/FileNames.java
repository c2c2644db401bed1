package io.github.fxsession.internal.download;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Download file names: the suggestion (RFC 6266 {@code Content-Disposition}, URL path, MIME type), the
 * sanitising that makes any suggestion a safe single file name, and unique names in a folder.
 */
public final class FileNames {

    static final String FALLBACK = "download";
    private static final int MAX_UTF8_BYTES = 200;
    private static final Set<String> RESERVED = Set.of("CON", "PRN", "AUX", "NUL",
            "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
            "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9");
    private static final Map<String, String> EXTENSIONS = Map.ofEntries(
            Map.entry("application/pdf", "pdf"), Map.entry("application/zip", "zip"),
            Map.entry("application/gzip", "gz"), Map.entry("application/x-gzip", "gz"),
            Map.entry("application/x-tar", "tar"), Map.entry("application/json", "json"),
            Map.entry("application/xml", "xml"), Map.entry("text/xml", "xml"), Map.entry("text/plain", "txt"),
            Map.entry("text/html", "html"), Map.entry("text/csv", "csv"), Map.entry("text/calendar", "ics"),
            Map.entry("image/png", "png"), Map.entry("image/jpeg", "jpg"), Map.entry("image/gif", "gif"),
            Map.entry("image/svg+xml", "svg"), Map.entry("image/webp", "webp"), Map.entry("audio/mpeg", "mp3"),
            Map.entry("video/mp4", "mp4"), Map.entry("application/octet-stream", "bin"),
            Map.entry("application/msword", "doc"), Map.entry("application/vnd.ms-excel", "xls"),
            Map.entry("application/x-7z-compressed", "7z"), Map.entry("application/epub+zip", "epub"),
            Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
            Map.entry("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"));

    private FileNames() {
    }

    /**
     * The sanitised name for a download: {@code filename*} of {@code contentDisposition} (RFC 6266 and
     * 8187, UTF-8 or ISO-8859-1), else its {@code filename}, else the last segment of the URL path, else
     * {@code download} with an extension for {@code mimeType}.
     */
    public static String suggest(String contentDisposition, String url, String mimeType) {
        Map<String, String> params = dispositionParameters(contentDisposition);
        String name = decodeExtValue(params.get("filename*"));
        if (blank(name)) {
            name = params.get("filename");
        }
        if (blank(name)) {
            name = lastPathSegment(url);
        }
        if (blank(name) || sanitize(name).equals(FALLBACK)) {
            String extension = mimeType == null ? null : EXTENSIONS.get(mimeType);
            return extension == null ? FALLBACK : FALLBACK + "." + extension;
        }
        return sanitize(name);
    }

    /** Whether {@code contentDisposition}'s type is {@code attachment}. */
    public static boolean isAttachment(String contentDisposition) {
        if (contentDisposition == null) {
            return false;
        }
        int semicolon = contentDisposition.indexOf(';');
        String type = semicolon < 0 ? contentDisposition : contentDisposition.substring(0, semicolon);
        return type.trim().equalsIgnoreCase("attachment");
    }

    /**
     * A single file name safe on Windows, macOS and Linux: no path separators or characters Windows
     * forbids, no control characters, no unpaired surrogates, no leading or trailing dots and spaces (so
     * never {@code .} or {@code ..}), no reserved device name (such as {@code CON} or {@code com1.txt}), at most 200 UTF-8
     * bytes (extension kept); {@code download} when nothing is left.
     */
    public static String sanitize(String name) {
        StringBuilder out = new StringBuilder(name.length());
        name.codePoints().forEach(c -> {
            boolean bad = c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || "/\\:*?\"<>|".indexOf(c) >= 0
                    || c == 0x202e || c == 0x202d || Character.getType(c) == Character.FORMAT
                    || Character.getType(c) == Character.SURROGATE; // unpaired: no file system can name it
            out.appendCodePoint(bad ? '_' : c);
        });
        String clean = strip(out.toString());
        int dot = clean.indexOf('.');
        String stem = (dot < 0 ? clean : clean.substring(0, dot)).trim().toUpperCase(Locale.ROOT);
        if (RESERVED.contains(stem)) {
            clean = "_" + clean;
        }
        clean = truncate(clean);
        return clean.isEmpty() || clean.chars().allMatch(c -> c == '_') && clean.length() < 2 ? FALLBACK : clean;
    }

    /**
     * A path in {@code folder} for {@code name} that neither exists nor has a {@code .part} file, other
     * than {@code ownPart}: {@code name}, then {@code name (1).ext}, {@code name (2).ext}...
     */
    public static Path unique(Path folder, String name, Path ownPart) {
        int dot = name.lastIndexOf('.');
        String stem = dot <= 0 ? name : name.substring(0, dot);
        String extension = dot <= 0 ? "" : name.substring(dot);
        for (int i = 0; ; i++) {
            Path candidate = folder.resolve(i == 0 ? name : stem + " (" + i + ")" + extension);
            Path part = partOf(candidate);
            if (!Files.exists(candidate) && (part.equals(ownPart) || !Files.exists(part))) {
                return candidate;
            }
        }
    }

    /** Where the bytes of {@code target} wait until it is complete: {@code target + ".part"}. */
    public static Path partOf(Path target) {
        return target.resolveSibling(target.getFileName() + ".part");
    }

    /** The MIME type of a {@code Content-Type} value, lower case and without parameters; "" for none. */
    public static String mimeType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    // ---- parsing -----------------------------------------------------------------------------------

    /** Parameters of a {@code Content-Disposition} value, names lower case; quoted strings unquoted. */
    static Map<String, String> dispositionParameters(String value) {
        Map<String, String> params = new LinkedHashMap<>();
        if (value == null) {
            return params;
        }
        int i = value.indexOf(';');
        while (i >= 0 && i < value.length()) {
            i++;
            int eq = value.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String name = value.substring(i, eq).trim().toLowerCase(Locale.ROOT);
            int j = eq + 1;
            while (j < value.length() && value.charAt(j) == ' ') {
                j++;
            }
            StringBuilder v = new StringBuilder();
            if (j < value.length() && value.charAt(j) == '"') {
                j++;
                while (j < value.length() && value.charAt(j) != '"') {
                    char c = value.charAt(j);
                    if (c == '\\' && j + 1 < value.length()) {
                        c = value.charAt(++j);
                    }
                    v.append(c);
                    j++;
                }
                i = value.indexOf(';', j);
            } else {
                int end = value.indexOf(';', j);
                v.append((end < 0 ? value.substring(j) : value.substring(j, end)).trim());
                i = end;
            }
            params.putIfAbsent(name, v.toString());
        }
        return params;
    }

    /** An RFC 8187 ext-value, {@code charset'lang'pct-encoded}; {@code null} when malformed or another charset. */
    static String decodeExtValue(String value) {
        if (value == null) {
            return null;
        }
        int first = value.indexOf('\'');
        int second = first < 0 ? -1 : value.indexOf('\'', first + 1);
        if (second < 0) {
            return null;
        }
        String charsetName = value.substring(0, first).trim().toUpperCase(Locale.ROOT);
        Charset charset = switch (charsetName) {
            case "UTF-8" -> StandardCharsets.UTF_8;
            case "ISO-8859-1" -> StandardCharsets.ISO_8859_1;
            default -> null;
        };
        return charset == null ? null : percentDecode(value.substring(second + 1), charset);
    }

    static String lastPathSegment(String url) {
        if (url == null) {
            return null;
        }
        String path = url;
        int scheme = path.indexOf("://");
        if (scheme >= 0) {
            int slash = path.indexOf('/', scheme + 3);
            path = slash < 0 ? "" : path.substring(slash);
        }
        int cut = indexOfAny(path, '?', '#');
        if (cut >= 0) {
            path = path.substring(0, cut);
        }
        String segment = path.substring(path.lastIndexOf('/') + 1);
        return percentDecode(segment, StandardCharsets.UTF_8);
    }

    private static int indexOfAny(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }

    private static String percentDecode(String s, Charset charset) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length()
                    && Character.digit(s.charAt(i + 1), 16) >= 0 && Character.digit(s.charAt(i + 2), 16) >= 0) {
                bytes.write(Integer.parseInt(s, i + 1, i + 3, 16));
                i += 2;
            } else {
                byte[] raw = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(raw, 0, raw.length);
            }
        }
        return bytes.toString(charset);
    }

    private static String strip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && (s.charAt(start) == '.' || Character.isWhitespace(s.charAt(start)))) {
            start++;
        }
        while (end > start && (s.charAt(end - 1) == '.' || Character.isWhitespace(s.charAt(end - 1)))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static String truncate(String name) {
        if (name.getBytes(StandardCharsets.UTF_8).length <= MAX_UTF8_BYTES) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && name.length() - dot <= 16 ? name.substring(dot) : "";
        String stem = name.substring(0, name.length() - extension.length());
        int budget = MAX_UTF8_BYTES - extension.getBytes(StandardCharsets.UTF_8).length;
        StringBuilder kept = new StringBuilder();
        int used = 0;
        for (int i = 0; i < stem.length(); ) {
            int cp = stem.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (used + size > budget) {
                break;
            }
            kept.appendCodePoint(cp);
            used += size;
            i += Character.charCount(cp);
        }
        return strip(kept.toString()) + extension;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
