package io.github.fxsession.internal.spellcheck;

import com.sun.jna.Memory;
import com.sun.jna.ptr.PointerByReference;
import dumonts.hunspell.bindings.HunspellLibrary;
import java.nio.charset.Charset;
import java.nio.file.Path;

/**
 * One native Hunspell handle used for {@code spell} only, through the binding's own JNA functions
 * ({@link HunspellLibrary}, the functions {@code dumonts.hunspell.Hunspell} wraps) with one native buffer
 * reused for every word. The wrapper's {@code spell} allocates and frees a JNA {@link Memory} (malloc, a
 * cleaner registration, free) for each word, about a microsecond of a check that misses the compiled forms;
 * the answer is the same: the word is encoded the same way (the dictionary's charset, {@link String#getBytes}),
 * NUL-terminated, and passed to the same {@code Hunspell_spell}.
 *
 * <p>Threading: not thread-safe; the owner serialises calls ({@link HunspellDictionary} holds its lock).
 */
final class NativeSpeller implements AutoCloseable {

    private final PointerByReference handle;
    private final Charset charset;
    private Memory buffer = new Memory(128);
    private boolean closed;

    /**
     * @throws IllegalStateException when Hunspell cannot create a handle for these files
     * @throws IllegalArgumentException when Java has no charset for the dictionary's {@code SET}
     */
    NativeSpeller(Path aff, Path dic) {
        PointerByReference created = HunspellLibrary.Hunspell_create(aff.toString(), dic.toString());
        if (created == null) {
            throw new IllegalStateException("Hunspell cannot load " + dic + " with " + aff);
        }
        try {
            charset = Charset.forName(HunspellLibrary.Hunspell_get_dic_encoding(created).getString(0));
        } catch (RuntimeException e) {
            HunspellLibrary.Hunspell_destroy(created);
            throw e;
        }
        handle = created;
    }

    /** Hunspell's answer for {@code word}. */
    boolean spell(String word) {
        if (closed) {
            throw new IllegalStateException("spell after close");
        }
        byte[] bytes = word.getBytes(charset);
        if (bytes.length + 1 > buffer.size()) {
            long size = Math.max(bytes.length + 1, 2 * buffer.size());
            buffer.close();
            buffer = new Memory(size);
        }
        buffer.write(0, bytes, 0, bytes.length);
        buffer.setByte(bytes.length, (byte) 0);
        return HunspellLibrary.Hunspell_spell(handle, buffer) != 0;
    }

    /** Frees the handle and the buffer; a second call does nothing. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            HunspellLibrary.Hunspell_destroy(handle);
            buffer.close();
        }
    }
}
