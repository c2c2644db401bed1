package io.github.fxsession.download;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What the save dialog of a download shows when neither a {@code 'will-download'} listener nor the
 * session's download folder chose a path: a JavaFX {@link javafx.stage.FileChooser}.
 *
 * <pre>{@code
 * item.setSaveDialogOptions(new SaveDialogOptions("Save the report", Path.of("/home/me/report.pdf"),
 *         List.of(new SaveDialogOptions.Filter("PDF", List.of("pdf")))));
 * }</pre>
 *
 * <p>Electron: {@code item.setSaveDialogOptions(options)}, with the fields a JavaFX {@code FileChooser}
 * can show: {@code title}, {@code defaultPath}, {@code filters}. Electron's {@code buttonLabel},
 * {@code message}, {@code nameFieldLabel}, {@code showsTagField} and {@code properties} have no
 * counterpart in JavaFX's native file chooser and are not offered.
 *
 * <p>Threading: any thread (immutable).
 *
 * @param title the dialog's title, or {@code null} for the platform's
 * @param defaultPath the proposed file (its folder and name), or {@code null} for the item's file name
 * @param filters the file types offered, in order; empty for none
 * @since 0.2
 */
public record SaveDialogOptions(String title, Path defaultPath, List<Filter> filters) {

    /**
     * Checks and copies the components.
     *
     * @throws NullPointerException if {@code filters} is null or holds null
     */
    public SaveDialogOptions {
        filters = List.copyOf(Objects.requireNonNull(filters, "filters == null"));
    }

    /**
     * A file type of the dialog.
     *
     * @param name what the dialog shows, such as {@code "PDF"}
     * @param extensions extensions without dot, such as {@code "pdf"}; {@code "*"} for all files
     */
    public record Filter(String name, List<String> extensions) {

        /**
         * Checks and copies the components.
         *
         * @throws IllegalArgumentException if {@code extensions} is empty or has a blank entry
         */
        public Filter {
            Objects.requireNonNull(name, "name == null");
            extensions = List.copyOf(Objects.requireNonNull(extensions, "extensions == null"));
            if (extensions.isEmpty() || extensions.stream().anyMatch(String::isBlank)) {
                throw new IllegalArgumentException("extensions must be non-empty and non-blank: " + extensions);
            }
        }
    }
}
