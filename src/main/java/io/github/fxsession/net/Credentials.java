package io.github.fxsession.net;

import java.util.Objects;

/**
 * A user name and password given to a server that asked for them.
 *
 * <p>Electron equivalent: the {@code username} and {@code password} of the {@code 'login'} event's callback.
 *
 * <p>Threading: immutable; any thread.
 *
 * @param username the user name
 * @param password the password
 * @since 0.2
 */
public record Credentials(String username, String password) {

    /**
     * Checks the components.
     *
     * @throws IllegalArgumentException if {@code username} contains a colon or a control character (Basic
     *     authentication cannot carry it)
     */
    public Credentials {
        Objects.requireNonNull(username, "username == null");
        Objects.requireNonNull(password, "password == null");
        for (int i = 0; i < username.length(); i++) {
            char c = username.charAt(i);
            if (c == ':' || Character.isISOControl(c)) {
                throw new IllegalArgumentException("username must not contain ':' or control characters: '"
                        + username.replaceAll("\\p{Cntrl}", "?") + "'");
            }
        }
    }

    /** Hides the password. */
    @Override
    public String toString() {
        return "Credentials[username=" + username + ", password=***]";
    }
}
