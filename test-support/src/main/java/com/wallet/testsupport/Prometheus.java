package com.wallet.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * One scrape of a service's /actuator/prometheus, as series ({@code name{labels}}) to values, for
 * tests that check a real operation moved a metric.
 */
public final class Prometheus {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String text;
    private final Map<String, Double> series = new LinkedHashMap<>();

    private Prometheus(String text) {
        this.text = text;
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            // "name{labels} value" (an exemplar or timestamp may follow the value)
            String head = line.contains("}") ? line.substring(0, line.indexOf('}') + 1) : line.substring(0, line.indexOf(' '));
            String rest = line.substring(head.length()).trim();
            String value = rest.split(" ")[0];
            series.put(head, Double.parseDouble(value));
        }
    }

    public static Prometheus scrape(int port) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                .timeout(Duration.ofSeconds(10)).GET().build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("/actuator/prometheus answered " + response.statusCode());
            }
            return new Prometheus(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String text() {
        return text;
    }

    public Map<String, Double> series() {
        return series;
    }

    /** Whether some series' name (before the labels) contains this text. */
    public boolean hasMetricContaining(String part) {
        return series.keySet().stream().anyMatch(s -> name(s).contains(part));
    }

    /** The sum of the series called {@code name} whose labels contain every given {@code key="value"}. */
    public double sum(String name, String... labels) {
        Predicate<String> matches = s -> {
            if (!name(s).equals(name)) {
                return false;
            }
            for (int i = 0; i + 1 < labels.length; i += 2) {
                if (!s.contains(labels[i] + "=\"" + labels[i + 1] + "\"")) {
                    return false;
                }
            }
            return true;
        };
        return series.entrySet().stream().filter(e -> matches.test(e.getKey())).mapToDouble(Map.Entry::getValue).sum();
    }

    private static String name(String series) {
        int brace = series.indexOf('{');
        return brace < 0 ? series : series.substring(0, brace);
    }
}
