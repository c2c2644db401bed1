package io.github.fxsession.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Java snippet of every {@code docs/guide/*.md} is the body of the {@link GuideExamples} method the
 * guide names, so the guides show code that compiles against the public API.
 */
class GuideSnippetsTest {

    private static final Path GUIDES = Path.of("docs", "guide");
    private static final Path EXAMPLES = Path.of("src", "test", "java", "io", "github", "fxsession", "docs",
            "GuideExamples.java");
    private static final Pattern SNIPPET = Pattern.compile("```java\n(.*?)\n```", Pattern.DOTALL);
    private static final Pattern NAMED = Pattern.compile("`GuideExamples\\.(\\w+)`");

    @Test
    void everyGuideSnippetIsTheCompiledExampleItNames() throws IOException {
        String examples = Files.readString(EXAMPLES);
        Set<String> named = new TreeSet<>();
        for (Path guide : guides()) {
            String text = Files.readString(guide);
            Matcher name = NAMED.matcher(text);
            assertThat(name.find()).as(guide + " names its GuideExamples method").isTrue();
            Matcher snippet = SNIPPET.matcher(text);
            assertThat(snippet.find()).as(guide + " has a java snippet").isTrue();
            assertThat(snippet.group(1)).as(guide + " snippet").isEqualTo(body(examples, name.group(1)));
            named.add(name.group(1));
        }
        Matcher methods = Pattern.compile("\n    static void (\\w+)\\(").matcher(examples);
        Set<String> all = new TreeSet<>();
        while (methods.find()) {
            all.add(methods.group(1));
        }
        assertThat(named).as("GuideExamples methods shown by a guide").isEqualTo(all);
    }

    private static List<Path> guides() throws IOException {
        try (Stream<Path> files = Files.list(GUIDES)) {
            return files.filter(f -> f.toString().endsWith(".md")).sorted().toList();
        }
    }

    private static String body(String examples, String method) {
        Matcher m = Pattern.compile("\n    static void " + method + "\\([^)]*\\) \\{\n(.*?)\n    }\n", Pattern.DOTALL)
                .matcher(examples);
        assertThat(m.find()).as("GuideExamples." + method).isTrue();
        return m.group(1).lines().map(l -> l.startsWith("        ") ? l.substring(8) : l)
                .reduce((a, b) -> a + "\n" + b).orElse("");
    }
}
