package io.github.fxsession.samples;

import io.github.fxsession.SessionWebView;
import io.github.fxsession.samples.scenebuilder.TwoPartitionsSample;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.concurrent.CompletableFuture;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import javafx.application.Platform;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;

/**
 * Run in a child JVM with the library jar on a plain class path (see {@link TwoPartitionsSampleTest}): does
 * what Scene Builder's {@code Import JAR/FXML File} does with a jar (its JarExplorer: every top-level,
 * concrete {@link Node} class of the jar is instantiated from a one-element FXML document by an
 * {@link FXMLLoader} and listed as a component when that works), printing {@code component NAME STATUS},
 * then loads the Scene Builder sample and prints {@code result ...}: SessionWebView's status and the sample's
 * views.
 */
public final class SceneBuilderImportCheck {

    private SceneBuilderImportCheck() {
    }

    /** Argument: the jar to explore. */
    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.startup(() -> {
            try {
                String status = explore(jar);
                TwoPartitionsSample.Views views = TwoPartitionsSample.load();
                SessionWebView left = views.left();
                SessionWebView right = views.right();
                System.out.println("result SessionWebView " + status + ", sample left=" + left.getSession().getPartition()
                        + " right=" + right.getSession().getPartition()
                        + " zoom=" + right.getZoom()
                        + " named=" + SessionWebView.class.getModule().isNamed()
                        + " from=" + Path.of(SessionWebView.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
                done.complete(null);
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        });
        try {
            done.join();
        } finally {
            System.out.flush();
            Runtime.getRuntime().halt(0);
        }
    }

    /** Prints each component's status, returns SessionWebView's. */
    private static String explore(Path jar) throws Exception {
        String result = "NOT FOUND";
        ClassLoader loader = SceneBuilderImportCheck.class.getClassLoader();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry entry : Collections.list(file.entries())) {
                String name = entry.getName();
                if (!name.endsWith(".class") || name.contains("$") || name.startsWith("module-info")) {
                    continue;
                }
                String className = name.substring(0, name.length() - ".class".length()).replace('/', '.');
                String status;
                try {
                    Class<?> type = loader.loadClass(className);
                    if (Modifier.isAbstract(type.getModifiers()) || !Node.class.isAssignableFrom(type)) {
                        continue;
                    }
                    String fxml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<?import " + className + "?>\n<"
                            + type.getSimpleName() + "/>\n";
                    FXMLLoader fxmlLoader = new FXMLLoader();
                    fxmlLoader.setClassLoader(loader);
                    fxmlLoader.load(new ByteArrayInputStream(fxml.getBytes(StandardCharsets.UTF_8)));
                    status = "OK";
                } catch (Exception | LinkageError e) {
                    status = "FAILED " + e;
                }
                System.out.println("component " + className + " " + status);
                if (className.equals(SessionWebView.class.getName())) {
                    result = status;
                }
            }
        }
        return result;
    }
}
