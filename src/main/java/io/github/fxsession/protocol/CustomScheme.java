package io.github.fxsession.protocol;

import java.util.Locale;
import java.util.Objects;

/**
 * A scheme and its privileges, for {@link Protocol#registerSchemesAsPrivileged(java.util.List)}
 * (Electron's {@code CustomScheme}).
 *
 * <p>Threading: immutable, any thread.
 *
 * @param scheme the scheme name, lower case letters, digits and {@code -} (stored lower case)
 * @param privileges what it may do; a name that cannot be a privileged scheme, or a built-in scheme,
 *     throws {@link IllegalArgumentException}
 * @since 0.2
 */
public record CustomScheme(String scheme, SchemePrivileges privileges) {

    /** Checks the components (see the class description). */
    public CustomScheme {
        Objects.requireNonNull(scheme, "scheme == null");
        Objects.requireNonNull(privileges, "privileges == null");
        scheme = scheme.toLowerCase(Locale.ROOT);
        if (!scheme.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("a privileged scheme is letters, digits and '-', starting with a letter: '"
                    + scheme + "'");
        }
        if (io.github.fxsession.internal.protocol.Schemes.isBuiltIn(scheme)) {
            throw new IllegalArgumentException("built-in schemes cannot be registered as privileged: '" + scheme + "'");
        }
    }
}
