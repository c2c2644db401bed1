package io.github.fxsession.internal.webrequest;

import static io.github.fxsession.fuzz.Fuzz.answers;
import static io.github.fxsession.fuzz.Fuzz.grammar;
import static io.github.fxsession.fuzz.Fuzz.parsesOrRejects;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** webRequest URL patterns: parsed or rejected with Chromium's message, and matching any URL answers in time. */
class UrlPatternFuzzTest {

    private static final String[] FRAGMENTS = {"<all_urls>", "*", "http", "https", "file", "ws", "chrome-extension",
        "://", ":", "//", "/", "*.", "example.com", ".", "[::1]", ":8080", ":*", ":99999", "?", "#", "a", "%2F",
        "/*", "*a*a*a*a*a*a*a*a*b", "@", "é"};

    @Provide
    Arbitrary<String> patterns() {
        return grammar(FRAGMENTS);
    }

    @Provide
    Arbitrary<String> urls() {
        return grammar("https://", "http://", "file://", "example.com", "www.example.com", ":443", "/", "?", "#",
                "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "a", "[", "]", "@", ":");
    }

    @Property(tries = 1000)
    void urlPatternsParseOrAreRejectedAndMatchInTime(@ForAll("patterns") String pattern, @ForAll("urls") String url) {
        UrlPattern parsed = parsesOrRejects(pattern, () -> UrlPattern.parse(pattern), IllegalArgumentException.class);
        if (parsed != null) {
            answers(pattern + " | " + url, () -> parsed.matches(url));
        }
    }
}
