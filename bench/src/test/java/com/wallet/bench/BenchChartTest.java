package com.wallet.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchChartTest {

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    @Test
    void drawsOnePngWithALinePerPhaseInEachOfThreePanels(@TempDir Path dir) throws Exception {
        List<SecondRow> rows = List.of(
                new SecondRow(Phases.PG_UNIFORM, 0, 6000, 1.2, 3.4),
                new SecondRow(Phases.PG_UNIFORM, 1, 6100, 1.1, 3.1),
                new SecondRow(Phases.E2E_UNIFORM, 0, 150, 300, 900),
                new SecondRow(Phases.E2E_UNIFORM, 1, 0, Double.NaN, Double.NaN),
                new SecondRow(Phases.E2E_UNIFORM, 2, 170, 310, 950));
        Path png = dir.resolve("bench.png");

        BenchChart.write(png, rows, "wallet bench test", "BENCH e2e_tps=1");

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(BenchChart.WIDTH);
        assertThat(image.getHeight()).isEqualTo(BenchChart.HEIGHT);
        var plot = (org.jfree.chart.plot.CombinedDomainXYPlot) BenchChart.chart(rows, "t", "s").getPlot();
        assertThat(plot.getSubplots()).hasSize(3);
        assertThat(plot.getSubplots()).allSatisfy(p -> assertThat(((org.jfree.chart.plot.XYPlot) p).getDataset().getSeriesCount()).isEqualTo(2));
    }
}
