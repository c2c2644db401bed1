package io.github.fxsession.spellcheck;

import io.github.fxsession.Session;
import java.util.List;

/**
 * The main class of the child JVMs of {@link CustomWordsRestartTest}: one run of an application under the
 * user-data root given in {@code -Dfxsession.userDataPath}.
 *
 * <p>{@code add <partition> <word>} adds the custom word and prints {@code ADDED true|false};
 * {@code check <partition> <word>} prints {@code MISSPELLED true|false} (en-US) and
 * {@code WORDS [list]}. Then the child halts: nothing but what the add call itself wrote survives.
 */
public final class CustomWordsRestartChild {

    static final String ADDED = "ADDED ";
    static final String MISSPELLED = "MISSPELLED ";

    private CustomWordsRestartChild() {
    }

    public static void main(String[] args) {
        Session session = Session.fromPartition(args[1]);
        session.setSpellCheckerLanguages(List.of("en-US"));
        switch (args[0]) {
            case "add" -> System.out.println(ADDED + session.addWordToSpellCheckerDictionary(args[2]));
            case "check" -> {
                System.out.println(MISSPELLED + session.isWordMisspelled(args[2]));
                System.out.println("WORDS " + session.listWordsInSpellCheckerDictionary().join());
            }
            default -> throw new IllegalArgumentException("unknown mode: '" + args[0] + "'");
        }
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }
}
