package io.github.purenet.cli;

import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The PNG of {@code --plot}: two charts side by side, the loss (training, validation if the run has
 * a validation part, and test) and the accuracy (training and test) after each epoch, with the
 * epoch that early stopping kept marked, drawn with XChart without a display
 * ({@code java.awt.headless}, which {@link Purenet} sets before AWT loads).
 */
final class Plot {

    private static final Color TRAIN = new Color(0x1f, 0x77, 0xb4);
    private static final Color TEST = new Color(0xff, 0x7f, 0x0e);
    private static final Color VALIDATION = new Color(0x2c, 0xa0, 0x2c);
    private static final Color KEPT = new Color(0xd6, 0x27, 0x28);

    private Plot() {
    }

    /**
     * Draws the charts.
     *
     * @param title what was trained, such as {@code digits, 64-128-10 relu,softmax}
     * @param history the results of the epochs, at least one
     * @param kept the epoch whose network early stopping kept, if it did, marked on both charts
     * @return the PNG's bytes
     */
    static byte[] png(String title, Vector<EpochResult> history, Option<Long> kept) {
        double[] epochs = history.map(r -> (double) r.epoch()).toJavaStream().mapToDouble(d -> d).toArray();
        XYChart loss = chart(title + ": loss", "loss", Styler.LegendPosition.InsideNE);
        add(loss, "training", epochs, history.map(EpochResult::trainLoss), TRAIN);
        Vector<EpochResult> validated = history.filter(r -> r.validationLoss().isDefined());
        if (!validated.isEmpty()) {
            add(loss, "validation", validated.map(r -> (double) r.epoch()).toJavaStream().mapToDouble(d -> d).toArray(),
                    validated.map(r -> r.validationLoss().get()), VALIDATION);
        }
        add(loss, "test", epochs, history.map(EpochResult::testLoss), TEST);
        XYChart accuracy = chart(title + ": accuracy", "accuracy (%)", Styler.LegendPosition.InsideSE);
        add(accuracy, "training", epochs, history.map(r -> 100 * r.trainAccuracy()), TRAIN);
        add(accuracy, "test", epochs, history.map(r -> 100 * r.testAccuracy()), TEST);
        kept.forEach(epoch -> {
            Vector<Double> losses = history.flatMap(r -> r.validationLoss().toVector().append(r.trainLoss())
                    .append(r.testLoss())).filter(Double::isFinite);
            Vector<Double> accuracies = history.flatMap(r -> Vector.of(r.trainAccuracy(), r.testAccuracy()));
            mark(loss, "kept: epoch " + epoch, epoch, losses.min().getOrElse(0.0), losses.max().getOrElse(1.0));
            mark(accuracy, "kept: epoch " + epoch, epoch, 100 * accuracies.min().getOrElse(0.0),
                    100 * accuracies.max().getOrElse(1.0));
        });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            BitmapEncoder.saveBitmap(List.of(loss, accuracy), 1, 2, out, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // to memory: does not happen
        }
        return out.toByteArray();
    }

    private static XYChart chart(String title, String yAxis, Styler.LegendPosition legend) {
        XYChart chart = new XYChartBuilder().width(640).height(420).title(title).xAxisTitle("epoch")
                .yAxisTitle(yAxis).build();
        XYStyler styler = chart.getStyler();
        styler.setLegendPosition(legend);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotGridLinesColor(new Color(0xdd, 0xdd, 0xdd));
        styler.setMarkerSize(5);
        styler.setXAxisDecimalPattern("#");
        return chart;
    }

    /** A dashed vertical line from {@code low} to {@code high} at an epoch: the epoch early stopping kept. */
    private static void mark(XYChart chart, String name, long epoch, double low, double high) {
        XYSeries series = chart.addSeries(name, new double[] {epoch, epoch}, new double[] {low, high});
        series.setMarker(SeriesMarkers.NONE);
        series.setLineColor(KEPT);
        series.setLineStyle(SeriesLines.DASH_DASH);
    }

    private static void add(XYChart chart, String name, double[] epochs, Vector<Double> values, Color color) {
        XYSeries series = chart.addSeries(name, epochs, values.toJavaStream().mapToDouble(d -> d).toArray());
        series.setLineColor(color);
        series.setMarkerColor(color);
        series.setMarker(SeriesMarkers.CIRCLE);
    }
}
