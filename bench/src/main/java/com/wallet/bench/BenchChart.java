package com.wallet.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The PNG chart of the per-second rows (JFreeChart, headless): three panels over the second of each
 * phase, throughput, p50 and p99 latency, one line per phase. The value axes are logarithmic, since
 * pgbench runs an order of magnitude above the product; a second with nothing finished is a gap.
 */
final class BenchChart {

    static final int WIDTH = 1400;
    static final int HEIGHT = 1200;

    private static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0x17becf), new Color(0xd62728), new Color(0xff7f0e),
        new Color(0x2ca02c), new Color(0x9467bd), new Color(0x7f7f7f), new Color(0x8c564b),
    };

    private BenchChart() {
    }

    static void write(Path png, List<SecondRow> rows, String title, String subtitle) throws IOException {
        ChartUtils.saveChartAsPNG(png.toFile(), chart(rows, title, subtitle), WIDTH, HEIGHT);
    }

    static JFreeChart chart(List<SecondRow> rows, String title, String subtitle) {
        Map<String, List<SecondRow>> byPhase = new LinkedHashMap<>();
        for (SecondRow r : rows) {
            byPhase.computeIfAbsent(r.phase(), p -> new ArrayList<>()).add(r);
        }
        NumberAxis seconds = new NumberAxis("second of the phase");
        seconds.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(seconds);
        plot.setGap(12);
        plot.add(panel(series(byPhase, r -> r.perSecond()), "completed per second", true), 1);
        plot.add(panel(series(byPhase, SecondRow::p50Ms), "p50 latency (ms)", false), 1);
        plot.add(panel(series(byPhase, SecondRow::p99Ms), "p99 latency (ms)", false), 1);

        JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 20), plot, false);
        chart.addSubtitle(new TextTitle(subtitle, new Font(Font.SANS_SERIF, Font.PLAIN, 13)));
        LegendTitle legend = new LegendTitle(plot);
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        chart.addLegend(legend);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /** One series per phase; a value that is not positive (nothing finished, no latency) becomes a gap. */
    private static XYSeriesCollection series(Map<String, List<SecondRow>> byPhase, ToDoubleFunction<SecondRow> value) {
        XYSeriesCollection dataset = new XYSeriesCollection();
        byPhase.forEach((phase, rows) -> {
            XYSeries s = new XYSeries(phase, false, true);
            for (SecondRow r : rows) {
                double v = value.applyAsDouble(r);
                s.add(r.second(), Double.isFinite(v) && v > 0 ? (Number) v : null);
            }
            dataset.addSeries(s);
        });
        return dataset;
    }

    private static XYPlot panel(XYSeriesCollection dataset, String label, boolean inLegend) {
        LogAxis axis = new LogAxis(label);
        axis.setNumberFormatOverride(new DecimalFormat("#,##0.##"));
        axis.setSmallestValue(0.01);
        axis.setTickUnit(new NumberTickUnit(1), false, true);   // labels at 1, 10, 100, ...
        axis.setMinorTickCount(10);
        axis.setMinorTickMarksVisible(true);
        axis.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < dataset.getSeriesCount(); i++) {
            renderer.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
            renderer.setSeriesStroke(i, new BasicStroke(2f));
            renderer.setSeriesShape(i, new Ellipse2D.Double(-3, -3, 6, 6));
            renderer.setSeriesVisibleInLegend(i, inLegend);
        }
        XYPlot panel = new XYPlot(dataset, null, axis, renderer);
        panel.setBackgroundPaint(Color.WHITE);
        panel.setDomainGridlinePaint(new Color(0xdddddd));
        panel.setRangeGridlinePaint(new Color(0xdddddd));
        panel.setRangeMinorGridlinesVisible(true);
        panel.setRangeMinorGridlinePaint(new Color(0xf0f0f0));
        return panel;
    }
}
