package com.wallet.common.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.json.JsonMapper;

/**
 * The monitoring that ships with docker-compose.yml (ops/prometheus, ops/grafana): mounted from files
 * that exist, wired to each other (rule_files, the dashboard provider's path, the data source uid),
 * parseable, and naming only metrics that exist. The services' meter names are read from their
 * sources (every {@code Counter/Timer/DistributionSummary/Gauge.builder} and {@code meters.timer}
 * naming a {@code wallet.*} meter) and turned into the series Micrometer's Prometheus registry writes;
 * the few series from Kafka's clients, Spring Boot and Prometheus itself are listed here.
 */
class OpsMonitoringTest {

    /** Series the dashboard and rules use that no source of ours names. */
    private static final Set<String> EXTERNAL_SERIES = Set.of(
            "up", "ALERTS",                                             // Prometheus itself
            "http_server_requests_seconds_count",                       // Spring Boot
            "kafka_consumer_fetch_manager_records_lag",                 // Kafka clients (Boot's factories)
            "kafka_consumer_fetch_manager_records_lag_max",
            "kafka_producer_topic_record_send_total");
    private static final Set<String> PROMQL_WORDS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right", "bool", "and", "or", "unless", "offset");
    private static final List<String> MODULES = List.of("gateway", "processor", "webhook-ingest", "common");
    private static final Pattern BUILDER = Pattern.compile(
            "\\b(Counter|Timer|DistributionSummary|Gauge)\\.builder\\(\\s*(?:\"([^\"]+)\"|(\\w+))");
    private static final Pattern REGISTRY_TIMER = Pattern.compile("\\bmeters\\.timer\\(\\s*(?:\"([^\"]+)\"|(\\w+))");
    private static final Pattern CONSTANT = Pattern.compile("static final String (\\w+) = \"([^\"]+)\";");
    private static final Pattern BASE_UNIT = Pattern.compile("\\.baseUnit\\(\"(\\w+)\"\\)");

    private final Path root = Repository.root();
    private final Map<String, Object> compose = yaml(root.resolve("docker-compose.yml"));

    @Test
    void shouldMountThePrometheusRulesAndConfigItLoads() {
        Map<String, String> mounts = mounts("prometheus");
        assertThat(mounts).containsEntry("./ops/prometheus/prometheus.yml", "/etc/prometheus/prometheus.yml")
                .containsEntry("./ops/prometheus/alerts.yml", "/etc/prometheus/alerts.yml");
        mounts.keySet().forEach(source -> assertThat(root.resolve(source)).as(source).isRegularFile());
        @SuppressWarnings("unchecked")
        List<String> ruleFiles = (List<String>) yaml(root.resolve("ops/prometheus/prometheus.yml")).get("rule_files");
        assertThat(ruleFiles).as("rule_files of prometheus.yml, each mounted").isNotEmpty()
                .allSatisfy(file -> assertThat(mounts.values()).contains(file));
    }

    @Test
    void shouldMountTheDashboardsWhereTheProvisionedProviderReadsThem() {
        Map<String, String> mounts = mounts("grafana");
        assertThat(mounts).containsEntry("./ops/grafana/provisioning", "/etc/grafana/provisioning")
                .containsEntry("./ops/grafana/dashboards", "/etc/grafana/dashboards");
        Map<String, Object> provider = first(yaml(root.resolve("ops/grafana/provisioning/dashboards/wallet.yml")), "providers");
        assertThat(((Map<?, ?>) provider.get("options")).get("path")).isEqualTo("/etc/grafana/dashboards");
        assertThat(dashboards()).isNotEmpty();
        @SuppressWarnings("unchecked")
        Map<String, Object> grafanaEnv = (Map<String, Object>) service("grafana").get("environment");
        String home = String.valueOf(grafanaEnv.get("GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH"));
        assertThat(root.resolve("ops/grafana/dashboards").resolve(Path.of("/etc/grafana/dashboards").relativize(Path.of(home))))
                .as("the home dashboard").isRegularFile();
    }

    @Test
    void shouldQueryTheComposePrometheusFromEveryPanel() {
        Map<String, Object> datasource = first(yaml(root.resolve("ops/grafana/provisioning/datasources/prometheus.yml")),
                "datasources");
        assertThat(datasource).containsEntry("type", "prometheus").containsEntry("url", "http://prometheus:9090");
        for (Map<String, Object> dashboard : dashboards().values()) {
            List<Map<String, Object>> panels = panels(dashboard);
            assertThat(panels).isNotEmpty();
            assertThat(panels.stream().map(p -> p.get("id")).distinct()).as("panel ids").hasSameSizeAs(panels);
            for (Map<String, Object> panel : panels) {
                assertThat(((Map<?, ?>) panel.get("datasource")).get("uid")).as(panel.get("title") + "")
                        .isEqualTo(datasource.get("uid"));
                assertThat(targets(panel)).as(panel.get("title") + " has queries").isNotEmpty()
                        .allSatisfy(t -> assertThat(String.valueOf(t.get("expr"))).isNotBlank());
            }
        }
    }

    @Test
    void shouldGiveEveryAlertASeverityASummaryAndADescription() {
        List<Map<String, Object>> rules = alertRules();
        assertThat(rules).hasSizeGreaterThanOrEqualTo(10);
        assertThat(rules.stream().map(r -> r.get("alert")).distinct()).as("alert names").hasSameSizeAs(rules);
        String readme = read(root.resolve("README.md"));
        for (Map<String, Object> rule : rules) {
            String name = String.valueOf(rule.get("alert"));
            assertThat(String.valueOf(rule.get("expr"))).as(name).isNotBlank();
            assertThat(((Map<?, ?>) rule.get("labels")).get("severity")).as(name).isIn("critical", "warning");
            Map<?, ?> annotations = (Map<?, ?>) rule.get("annotations");
            assertThat(String.valueOf(annotations.get("summary"))).as(name).isNotBlank().isNotEqualTo("null");
            assertThat(String.valueOf(annotations.get("description"))).as(name).isNotBlank().isNotEqualTo("null");
            assertThat(readme).as("README explains " + name).contains("`" + name + "`");
        }
    }

    @Test
    void shouldNameOnlyMetricsTheServicesOrKafkaExport() {
        Set<String> known = new TreeSet<>(EXTERNAL_SERIES);
        known.addAll(walletSeries());
        Map<String, String> used = usedSeries();
        assertThat(used).isNotEmpty();
        used.forEach((series, where) -> assertThat(known).as(series + " (" + where + ") is exported by a service")
                .contains(series));
    }

    @Test
    void shouldShowEveryWalletMeterOnTheDashboard() {
        Set<String> onDashboard = new TreeSet<>();
        dashboards().values().forEach(d -> panels(d).forEach(p -> targets(p).forEach(
                t -> onDashboard.addAll(metricNames(String.valueOf(t.get("expr")))))));
        for (Map.Entry<String, List<String>> meter : walletMeters().entrySet()) {
            assertThat(meter.getValue()).as(meter.getKey() + " has a panel").anyMatch(onDashboard::contains);
        }
    }

    @Test
    void shouldReadTheMetricNamesOutOfAPromQlExpression() {
        assertThat(metricNames("sum by (topic) (rate(foo_total{job=\"a\",topic=~\"x|y\"}[$__rate_interval]))"
                + " / on (topic) group_left bar_seconds_count > 0 and up == 0 unless histogram_quantile(0.99, baz_bucket)"))
                .containsExactlyInAnyOrder("foo_total", "bar_seconds_count", "up", "baz_bucket");
    }

    /** promtool, where installed, parses the rules and their PromQL; skipped otherwise. */
    @Test
    void shouldPassPromtoolCheckRules() throws Exception {
        Process p;
        try {
            p = new ProcessBuilder("promtool", "check", "rules", root.resolve("ops/prometheus/alerts.yml").toString())
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "no promtool here");
            return;
        }
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
    }

    /** Every series the dashboards and the alert rules query, with where it is used. */
    private Map<String, String> usedSeries() {
        Map<String, String> used = new HashMap<>();
        dashboards().forEach((file, d) -> panels(d).forEach(p -> targets(p).forEach(t -> metricNames(
                String.valueOf(t.get("expr"))).forEach(m -> used.putIfAbsent(m, file + ": " + p.get("title"))))));
        alertRules().forEach(r -> metricNames(String.valueOf(r.get("expr")))
                .forEach(m -> used.putIfAbsent(m, "alert " + r.get("alert"))));
        return used;
    }

    /** The metric names of a PromQL expression: identifiers outside labels, ranges and strings that are not calls. */
    static Set<String> metricNames(String expr) {
        String bare = expr.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("(?<![\\w.:])([a-zA-Z_:][a-zA-Z0-9_:]*)(?![\\w:])(?!\\s*\\()").matcher(bare);
        while (m.find()) {
            if (!PROMQL_WORDS.contains(m.group(1))) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** Every series Micrometer's Prometheus registry writes for the services' wallet.* meters. */
    private Set<String> walletSeries() {
        Set<String> series = new TreeSet<>();
        walletMeters().values().forEach(series::addAll);
        return series;
    }

    /** wallet.* meter name (as in the sources) -> its Prometheus series. */
    private Map<String, List<String>> walletMeters() {
        Set<String> histograms = histogramMeters();
        Map<String, List<String>> meters = new HashMap<>();
        for (Path source : sources()) {
            String text = read(source);
            Map<String, String> constants = new HashMap<>();
            Matcher c = CONSTANT.matcher(text);
            while (c.find()) {
                constants.put(c.group(1), c.group(2));
            }
            Matcher b = BUILDER.matcher(text);
            while (b.find()) {
                String name = b.group(2) != null ? b.group(2) : constants.get(b.group(3));
                if (name != null && name.startsWith("wallet.")) {
                    int end = text.indexOf(".register(", b.end());
                    Matcher unit = BASE_UNIT.matcher(end < 0 ? "" : text.substring(b.end(), end));
                    meters.put(name, series(b.group(1), name, unit.find() ? unit.group(1) : null, histograms.contains(name)));
                }
            }
            Matcher t = REGISTRY_TIMER.matcher(text);
            while (t.find()) {
                String name = t.group(1) != null ? t.group(1) : constants.get(t.group(2));
                if (name != null && name.startsWith("wallet.")) {
                    meters.put(name, series("Timer", name, null, histograms.contains(name)));
                }
            }
        }
        assertThat(meters).as("meters found in the sources").containsKeys("wallet.gateway.mutations",
                "wallet.commands.processed", "wallet.webhooks.refused", "wallet.outbox.oldest.age");
        return meters;
    }

    private static List<String> series(String kind, String name, String baseUnit, boolean histogram) {
        String base = name.replace('.', '_');
        List<String> series = new ArrayList<>();
        switch (kind) {
            case "Counter" -> series.add(base + "_total");
            case "Gauge" -> series.add(baseUnit == null ? base : base + "_" + baseUnit);
            default -> {
                String prefix = "Timer".equals(kind) ? base + "_seconds" : baseUnit == null ? base : base + "_" + baseUnit;
                series.addAll(List.of(prefix + "_count", prefix + "_sum", prefix + "_max"));
                if (histogram) {
                    series.add(prefix + "_bucket");
                }
            }
        }
        return series;
    }

    /** Meters with management.metrics.distribution.percentiles-histogram true in a service's application.yml. */
    @SuppressWarnings("unchecked")
    private Set<String> histogramMeters() {
        Set<String> names = new TreeSet<>();
        for (String module : MODULES) {
            Path yml = root.resolve(module).resolve("src/main/resources/application.yml");
            if (!Files.exists(yml)) {
                continue;
            }
            for (Object document : new Yaml().loadAll(read(yml))) {
                Object node = document;
                for (String key : List.of("management", "metrics", "distribution", "percentiles-histogram")) {
                    node = node instanceof Map<?, ?> map ? map.get(key) : null;
                }
                if (node instanceof Map<?, ?> flags) {
                    ((Map<String, Object>) flags).forEach((name, on) -> {
                        if (Boolean.TRUE.equals(on)) {
                            names.add(name);
                        }
                    });
                }
            }
        }
        return names;
    }

    private List<Path> sources() {
        List<Path> files = new ArrayList<>();
        for (String module : MODULES) {
            Path dir = root.resolve(module).resolve("src/main/java");
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.filter(f -> f.toString().endsWith(".java")).forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> alertRules() {
        Map<String, Object> file = yaml(root.resolve("ops/prometheus/alerts.yml"));
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) file.get("groups")) {
            assertThat(String.valueOf(group.get("name"))).isNotBlank();
            rules.addAll((List<Map<String, Object>>) group.get("rules"));
        }
        return rules;
    }

    /** Every dashboard JSON by file name, parsed by Jackson (strict JSON). */
    @SuppressWarnings("unchecked")
    private Map<String, Map<String, Object>> dashboards() {
        Map<String, Map<String, Object>> dashboards = new HashMap<>();
        JsonMapper json = JsonMapper.builder().build();
        try (Stream<Path> files = Files.list(root.resolve("ops/grafana/dashboards"))) {
            files.filter(f -> f.toString().endsWith(".json"))
                    .forEach(f -> dashboards.put(f.getFileName().toString(), json.readValue(read(f), Map.class)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        dashboards.forEach((file, d) -> assertThat(d).as(file).containsKeys("uid", "title", "panels"));
        return dashboards;
    }

    /** The dashboard's panels that query (rows excluded; panels inside collapsed rows included). */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> panels(Map<String, Object> dashboard) {
        List<Map<String, Object>> panels = new ArrayList<>();
        for (Map<String, Object> panel : (List<Map<String, Object>>) dashboard.get("panels")) {
            if ("row".equals(panel.get("type"))) {
                panels.addAll((List<Map<String, Object>>) panel.getOrDefault("panels", List.of()));
            } else {
                panels.add(panel);
            }
        }
        return panels;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> targets(Map<String, Object> panel) {
        return (List<Map<String, Object>>) panel.getOrDefault("targets", List.of());
    }

    /** A service's bind mounts of this repository: source -> target. */
    private Map<String, String> mounts(String service) {
        Map<String, String> mounts = new HashMap<>();
        for (Object volume : (List<?>) service(service).get("volumes")) {
            String[] parts = String.valueOf(volume).split(":");
            if (parts[0].startsWith("./")) {
                mounts.put(parts[0], parts[1]);
            }
        }
        return mounts;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> service(String name) {
        return ((Map<String, Map<String, Object>>) compose.get("services")).get(name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> first(Map<String, Object> file, String list) {
        List<Map<String, Object>> entries = (List<Map<String, Object>>) file.get(list);
        assertThat(entries).as(list).hasSize(1);
        return entries.get(0);
    }

    private static Map<String, Object> yaml(Path file) {
        return new Yaml().load(read(file));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
