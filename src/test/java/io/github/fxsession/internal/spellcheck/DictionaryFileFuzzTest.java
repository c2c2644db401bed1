package io.github.fxsession.internal.spellcheck;

import static io.github.fxsession.fuzz.Fuzz.grammar;
import static io.github.fxsession.fuzz.Fuzz.parsesOrRejects;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Downloaded {@code .dic} files: the check in front of native Hunspell rejects every malformed one with an
 * {@code IOException} and a message. The affix file is empty here, so native Hunspell is never reached:
 * random bytes given to the native library could bring the whole test JVM down rather than fail a test.
 */
class DictionaryFileFuzzTest {

    private static Path folder;

    @BeforeContainer
    static void createFolder() throws IOException {
        folder = Files.createTempDirectory("fxsession-fuzz-dictionary");
        Files.write(folder.resolve("xx.aff"), new byte[0]);
    }

    @AfterContainer
    static void deleteFolder() throws IOException {
        io.github.fxsession.fuzz.Fuzz.deleteTree(folder);
    }

    @Provide
    Arbitrary<String> dictionaries() {
        return grammar("1", "2", "123", "\n", "\r\n", "\uFEFF", "ï»¿", "word", "/", "/AB", "\t", " ", "#", "é", "-1",
                "\0", "\u00ff");
    }

    @Property(tries = 1000)
    void malformedDictionariesAreRejectedBeforeHunspell(@ForAll("dictionaries") String dic) throws IOException {
        Path file = folder.resolve("xx.dic");
        Files.write(file, dic.getBytes(StandardCharsets.UTF_8));
        parsesOrRejects(dic, () -> HunspellDictionary.load("xx", folder.resolve("xx.aff"), file), IOException.class);
    }
}
