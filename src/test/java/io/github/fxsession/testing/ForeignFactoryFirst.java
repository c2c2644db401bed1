package io.github.fxsession.testing;

import io.github.fxsession.Session;
import java.net.URL;

/**
 * The main class of a child JVM in which another library installed the JVM's URLStreamHandlerFactory
 * before fxsession was used. It prints {@code ERROR: <message>} for what the first and the second use of
 * fxsession throw.
 */
public final class ForeignFactoryFirst {

    private ForeignFactoryFirst() {
    }

    public static void main(String[] args) {
        URL.setURLStreamHandlerFactory(protocol -> null);
        for (int attempt = 1; attempt <= 2; attempt++) {
            try {
                Session.fromPartition("foreign-factory");
                System.out.println("NO ERROR on attempt " + attempt);
            } catch (IllegalStateException e) {
                System.out.println("ERROR" + attempt + ": " + e.getMessage());
            }
        }
    }
}
