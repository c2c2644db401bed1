package io.github.fxsession.bench;

import io.github.fxsession.testing.FxToolkit;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.util.StringConverter;
import javax.imageio.ImageIO;

/**
 * Draws the report's ratios as horizontal bars with JavaFX's own {@link BarChart} (no chart library: the
 * project already depends on JavaFX, and a snapshot on the Headless platform renders it) and writes a PNG.
 * The axis is log2 of the ratio, so a bar grows from the 1.0 line (the baseline) to the left for a ratio
 * below 1 and to the right above 1, and 0.5 and 2 are as far from it; a short orange mark is the target.
 * Green: target met; red: target missed; blue: no target.
 *
 * <p>Threading: {@link #write} from any thread but the FX thread, with the toolkit running.
 */
final class BenchChart {

    static final int WIDTH = 1200;
    private static final int ROW = 30;
    private static final int FRAME = 150;

    /** One bar: a ratio, its target (or null), which side is better, whether the target is met (or null). */
    record Bar(String name, double ratio, Double target, BenchResults.BetterIs betterIs, Boolean met) {
    }

    private BenchChart() {
    }

    /** The height of the chart of {@code bars} bars, in pixels. */
    static int height(int bars) {
        return FRAME + ROW * Math.max(1, bars);
    }

    /** Renders {@code bars} and writes them as a PNG of {@link #WIDTH} x {@link #height} pixels to {@code file}. */
    static void write(List<Bar> bars, Path file) throws IOException {
        WritableImage image = FxToolkit.onFx(() -> render(bars));
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] argb = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        BufferedImage png = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        png.setRGB(0, 0, w, h, argb, 0, w);
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        if (!ImageIO.write(png, "png", temp.toFile())) {
            throw new IOException("no PNG writer in ImageIO");
        }
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static WritableImage render(List<Bar> bars) {
        int height = height(bars.size());
        double min = 0;
        double max = 0;
        for (Bar bar : bars) {
            min = Math.min(min, Math.min(log2(bar.ratio()), bar.target() == null ? 0 : log2(bar.target())));
            max = Math.max(max, Math.max(log2(bar.ratio()), bar.target() == null ? 0 : log2(bar.target())));
        }
        double lower = Math.floor(min) - (min == Math.floor(min) && min < 0 ? 1 : 0);
        double upper = Math.ceil(max) + (max == Math.ceil(max) && max > 0 ? 1 : 0);
        lower = Math.min(lower, -1);
        upper = Math.max(upper, 1);
        NumberAxis ratioAxis = new NumberAxis(lower, upper, Math.max(1, Math.ceil((upper - lower) / 16)));
        ratioAxis.setLabel("ratio to the same-run baseline (log scale; the black line is 1.0, orange marks are targets)");
        ratioAxis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number log) {
                double v = log.doubleValue();
                return v >= 0 ? String.format(Locale.ROOT, "%,.0f", Math.pow(2, v))
                        : "1/" + String.format(Locale.ROOT, "%,.0f", Math.pow(2, -v));
            }

            @Override
            public Number fromString(String text) {
                throw new UnsupportedOperationException("labels only");
            }
        });
        CategoryAxis nameAxis = new CategoryAxis();
        List<String> names = new ArrayList<>();
        XYChart.Series<Number, String> series = new XYChart.Series<>();
        for (int i = bars.size() - 1; i >= 0; i--) { // the category axis runs upwards: first bar on top
            Bar bar = bars.get(i);
            String name = label(bar);
            names.add(name);
            series.getData().add(new XYChart.Data<>(log2(bar.ratio()), name));
        }
        nameAxis.getCategories().setAll(names);
        BarChart<Number, String> chart = new BarChart<>(ratioAxis, nameAxis);
        chart.setAnimated(false);
        ratioAxis.setAnimated(false);
        nameAxis.setAnimated(false);
        chart.setLegendVisible(false);
        chart.setCategoryGap(8);
        chart.setTitle("fxsession benchmarks: figure / baseline measured in the same run."
                + "  Green: target met, red: missed, blue: no target");
        chart.getData().add(series);
        chart.setStyle("-fx-background-color: white; -fx-font-size: 11px;");
        for (int i = 0; i < series.getData().size(); i++) {
            Bar bar = bars.get(bars.size() - 1 - i);
            String colour = bar.met() == null ? "#4a78b0" : bar.met() ? "#2e8b3a" : "#c62828";
            series.getData().get(i).getNode().setStyle("-fx-bar-fill: " + colour + ";");
        }
        chart.setMinSize(WIDTH, height);
        chart.setPrefSize(WIDTH, height);
        chart.setMaxSize(WIDTH, height);
        Pane root = new Pane(chart); // the marks go above the chart, in the same pane
        root.setStyle("-fx-background-color: white;");
        Scene scene = new Scene(root, WIDTH, height, Color.WHITE);
        for (int pass = 0; pass < 3; pass++) { // axes size themselves from their labels: settle
            root.applyCss();
            root.layout();
            chart.layout();
        }
        Node plot = chart.lookup(".chart-plot-background");
        Bounds area = root.sceneToLocal(plot.localToScene(plot.getLayoutBounds()));
        root.getChildren().add(line(x(ratioAxis, root, 0), area.getMinY(), x(ratioAxis, root, 0), area.getMaxY(),
                Color.BLACK, 2));
        double band = nameAxis.getCategorySpacing() / 2;
        for (Bar bar : bars) {
            if (bar.target() != null) {
                double x = x(ratioAxis, root, log2(bar.target()));
                double y = root.sceneToLocal(nameAxis.localToScene(0, nameAxis.getDisplayPosition(label(bar)))).getY();
                root.getChildren().add(line(x, y - band, x, y + band, Color.DARKORANGE, 4));
            }
        }
        return scene.snapshot(null);
    }

    private static String label(Bar bar) {
        String name = bar.name().length() <= 90 ? bar.name() : bar.name().substring(0, 89) + "\u2026";
        return String.format(Locale.ROOT, "%s  [%s, %s better]", name, BenchReport.number(bar.ratio()),
                bar.betterIs() == BenchResults.BetterIs.LOWER ? "lower" : "higher");
    }

    private static double x(NumberAxis axis, Pane root, double value) {
        Point2D scene = axis.localToScene(axis.getDisplayPosition(value), 0);
        return root.sceneToLocal(scene).getX();
    }

    private static Line line(double x1, double y1, double x2, double y2, Color colour, double width) {
        Line line = new Line(x1, y1, x2, y2);
        line.setStroke(colour);
        line.setStrokeWidth(width);
        return line;
    }

    private static double log2(double value) {
        return Math.log(value) / Math.log(2);
    }
}
