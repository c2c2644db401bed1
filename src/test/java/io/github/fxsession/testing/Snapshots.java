package io.github.fxsession.testing;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/** Reading JavaFX snapshots in tests: pixels, colour counts and conversion for {@code ImageIO}. Any thread. */
public final class Snapshots {

    private Snapshots() {
    }

    /** {@return how many different ARGB values the image has} (a blank or unpainted view has one or two) */
    public static long distinctColours(WritableImage image) {
        return Arrays.stream(argb(image)).distinct().count();
    }

    /** {@return the image's pixels, row by row, as ARGB ints} */
    public static int[] argb(WritableImage image) {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        int[] argb = new int[width * height];
        image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        return argb;
    }

    /** {@return the image as an AWT image that {@code ImageIO} can write} */
    public static BufferedImage toBufferedImage(WritableImage image) {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        BufferedImage buffered = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        buffered.setRGB(0, 0, width, height, argb(image), 0, width);
        return buffered;
    }
}
