package io.github.fxsession.internal.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileNotFoundException;
import java.io.IOException;
import okio.BufferedSink;
import okio.BufferedSource;
import okio.Okio;
import okio.Path;
import org.junit.jupiter.api.Test;

/** The heap file system behind in-memory partitions' HTTP caches does what OkHttp's DiskLruCache needs. */
class MemoryFileSystemTest {

    private final MemoryFileSystem fs = new MemoryFileSystem();
    private final Path dir = Path.get("/Cache");

    private void write(Path file, String text, boolean append) throws IOException {
        try (BufferedSink sink = Okio.buffer(append ? fs.appendingSink(file, false) : fs.sink(file, false))) {
            sink.writeUtf8(text);
        }
    }

    private String read(Path file) throws IOException {
        try (BufferedSource source = Okio.buffer(fs.source(file))) {
            return source.readUtf8();
        }
    }

    @Test
    void filesAreWrittenAppendedMovedListedAndDeleted() throws IOException {
        fs.createDirectory(dir, true);
        write(dir.resolve("journal.tmp"), "a", false);
        write(dir.resolve("journal.tmp"), "b", true);
        fs.atomicMove(dir.resolve("journal.tmp"), dir.resolve("journal"));
        assertThat(read(dir.resolve("journal"))).isEqualTo("ab");
        assertThat(fs.list(dir)).containsExactly(dir.resolve("journal"));
        assertThat(fs.metadataOrNull(dir.resolve("journal")).getSize()).isEqualTo(2L);
        assertThat(fs.size()).isEqualTo(2);
        fs.delete(dir.resolve("journal"), true);
        assertThat(fs.metadataOrNull(dir.resolve("journal"))).isNull();
        assertThat(fs.size()).isZero();
    }

    @Test
    void aSinkTruncatesAndASourceSeesTheFileAsItWasWhenOpened() throws IOException {
        fs.createDirectory(dir, true);
        write(dir.resolve("entry"), "first", false);
        BufferedSource before = Okio.buffer(fs.source(dir.resolve("entry")));
        write(dir.resolve("entry"), "second", false);
        assertThat(before.readUtf8()).isEqualTo("first");
        assertThat(read(dir.resolve("entry"))).isEqualTo("second");
    }

    @Test
    void aFileDoesNotGrowPastTheSizeLimit() throws IOException {
        MemoryFileSystem bounded = new MemoryFileSystem(4);
        bounded.createDirectory(dir, true);
        try (BufferedSink sink = Okio.buffer(bounded.sink(dir.resolve("entry"), false))) {
            sink.writeUtf8("1234").flush();
            assertThatThrownBy(() -> sink.writeUtf8("5").flush()).isInstanceOf(IOException.class)
                    .hasMessage("file larger than 4 bytes: /Cache/entry");
        } catch (IOException closingRetriesTheWrite) {
            // the buffered byte fails again on close
        }
        assertThat(bounded.size()).isEqualTo(4);
    }

    @Test
    void missingFilesAndParentsFailLikeADisk() throws IOException {
        assertThatThrownBy(() -> fs.source(dir.resolve("nothing"))).isInstanceOf(FileNotFoundException.class);
        assertThatThrownBy(() -> fs.sink(dir.resolve("orphan"), false)).isInstanceOf(FileNotFoundException.class)
                .hasMessage("no such directory: /Cache");
        fs.createDirectory(dir, true);
        write(dir.resolve("kept"), "x", false);
        assertThatThrownBy(() -> fs.delete(dir, true)).hasMessage("directory not empty: /Cache");
        fs.delete(dir.resolve("absent"), false);
        assertThat(read(dir.resolve("kept"))).isEqualTo("x");
    }
}
