package io.github.fxsession.testing;

import io.github.fxsession.Session;
import java.io.IOException;

/**
 * The main class of a child JVM that opens a partition and holds it until its standard input ends (or a
 * line arrives). It prints {@code READY} once the partition is open. Run on the plain class path, with
 * the user-data root in {@code -Dfxsession.userDataPath}.
 *
 * <p>Before saying {@code READY} it collects garbage, as any long-running application does, so that a
 * lock that is only held by an unreachable object shows up as released; and it checks that opening a
 * partition did not start the JavaFX toolkit (a session must be usable before, and without, JavaFX).
 */
public final class HoldPartition {

    /** What the child prints once it holds the partition. */
    public static final String READY = "READY";

    private HoldPartition() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 1) {
            System.err.println("usage: HoldPartition <partition>");
            System.exit(64);
        }
        Session.fromPartition(args[0]);
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(30);
        }
        boolean fxStarted = Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("JavaFX Application Thread"));
        if (fxStarted) {
            System.out.println("opening " + args[0] + " started the JavaFX toolkit");
            System.exit(2);
        }
        System.out.println(READY);
        System.out.flush();
        System.in.read();
    }
}
