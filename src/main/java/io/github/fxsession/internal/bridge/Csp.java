package io.github.fxsession.internal.bridge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Adds the bridge script's hash to a Content-Security-Policy, so that the page bridge runs on pages
 * that forbid inline scripts, and nothing else the policy forbids becomes allowed.
 */
final class Csp {

    private Csp() {
    }

    /** {@code policyHeader} with {@code hashSource} allowed for script elements. */
    static String allowScriptHash(String policyHeader, String hashSource) {
        List<String> policies = new ArrayList<>();
        for (String policy : policyHeader.split(",")) {
            policies.add(allowInPolicy(policy, hashSource));
        }
        return String.join(",", policies);
    }

    private static String allowInPolicy(String policy, String hashSource) {
        String[] directives = policy.split(";");
        int scriptSrc = -1;
        int scriptSrcElem = -1;
        int defaultSrc = -1;
        for (int i = 0; i < directives.length; i++) {
            String name = nameOf(directives[i]);
            switch (name) {
                case "script-src" -> scriptSrc = i;
                case "script-src-elem" -> scriptSrcElem = i;
                case "default-src" -> defaultSrc = i;
                default -> { }
            }
        }
        List<String> out = new ArrayList<>(Arrays.asList(directives));
        if (scriptSrcElem >= 0) {
            out.set(scriptSrcElem, withHash(directives[scriptSrcElem], hashSource));
        }
        if (scriptSrc >= 0) {
            out.set(scriptSrc, withHash(directives[scriptSrc], hashSource));
        } else if (defaultSrc >= 0) {
            // A script-src copied from default-src keeps every other resource type as it was.
            String copy = " script-src" + directives[defaultSrc].trim().substring("default-src".length());
            out.add(withHash(copy, hashSource));
        }
        return String.join(";", out);
    }

    private static String nameOf(String directive) {
        String trimmed = directive.trim();
        int space = trimmed.indexOf(' ');
        return (space < 0 ? trimmed : trimmed.substring(0, space)).toLowerCase(Locale.ROOT);
    }

    private static String withHash(String directive, String hashSource) {
        String trimmed = directive.trim();
        String[] tokens = trimmed.split("\\s+");
        boolean unsafeInline = false;
        boolean noncesOrHashes = false;
        List<String> sources = new ArrayList<>();
        for (int i = 1; i < tokens.length; i++) {
            String token = tokens[i];
            String lower = token.toLowerCase(Locale.ROOT);
            if (lower.equals("'none'")) {
                continue;
            }
            if (lower.equals("'unsafe-inline'")) {
                unsafeInline = true;
            }
            if (lower.startsWith("'nonce-") || lower.startsWith("'sha") || lower.equals("'strict-dynamic'")) {
                noncesOrHashes = true;
            }
            sources.add(token);
        }
        if (unsafeInline && !noncesOrHashes) {
            // Inline scripts are allowed already; a hash would switch 'unsafe-inline' off for the page.
            return directive;
        }
        sources.add(hashSource);
        return " " + tokens[0] + " " + String.join(" ", sources);
    }
}
