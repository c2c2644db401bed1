package io.github.fxsession.permission;

import io.github.fxsession.Session;

/**
 * The main class of a child JVM: {@code remember <partition> <origin> <permission> <granted>} stores a
 * decision and waits until it is on disk; {@code list <partition>} prints the remembered decisions, one
 * {@code DECISION origin permission granted} line each, then {@code DONE}. The user-data root comes from
 * {@code -Dfxsession.userDataPath}.
 */
public final class RememberPermissionChild {

    private RememberPermissionChild() {
    }

    public static void main(String[] args) {
        Session session = Session.fromPartition(args[1]);
        if (args[0].equals("remember")) {
            session.permissionDecisions().remember(args[2], Permission.fromElectronName(args[3]), Boolean.parseBoolean(args[4]));
            flush(session);
        } else {
            for (RememberedPermission decision : session.permissionDecisions().list()) {
                System.out.println("DECISION " + decision.origin() + " " + decision.permission() + " " + decision.granted());
            }
        }
        System.out.println("DONE");
        System.out.flush();
        System.exit(0);
    }

    /** Waits until the background writer has put the decision on disk. */
    private static void flush(Session session) {
        java.nio.file.Path file = session.getStoragePath().resolve("Permissions.json");
        long end = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < end) {
            try {
                if (java.nio.file.Files.exists(file) && java.nio.file.Files.readString(file).contains("decisions")) {
                    return;
                }
                Thread.sleep(20);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("the decision was not written to " + file);
    }
}
