package com.wallet.launcher;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A service {@code up} starts: its name (log and pid file), module (jar), port, heap and the variables
 * only it gets (on top of {@link ServiceEnvironment}'s).
 */
record Service(String name, String module, int port, String xmx, Map<String, String> ownEnv) {

    Service {
        ownEnv = Collections.unmodifiableMap(new LinkedHashMap<>(ownEnv));
    }

    /** The services in start order: the emulator, gateway, PROCESSOR_INSTANCES processors, webhook-ingest. */
    static List<Service> lineup(Settings settings) {
        List<Service> services = new ArrayList<>();
        Map<String, String> emulator = new LinkedHashMap<>();
        emulator.put("STRIPE_WEBHOOK_URL",
                settings.value("STRIPE_WEBHOOK_URL", "http://127.0.0.1:" + Settings.WEBHOOK_PORT + "/webhooks/stripe"));
        emulator.put("STRIPE_EMULATOR_STATE_FILE", settings.value("STRIPE_EMULATOR_STATE_FILE", settings.emulatorStateFile().toString()));
        services.add(new Service("stripe-emulator", "stripe-emulator", Settings.EMULATOR_PORT, "256m", emulator));
        services.add(new Service("gateway", "gateway", Settings.GATEWAY_PORT, "512m",
                Map.of("RATE_LIMIT_MUTATIONS_PER_SECOND", settings.value("RATE_LIMIT_MUTATIONS_PER_SECOND", "100"))));
        for (int i = 1; i <= settings.processorInstances(); i++) {
            // Local mode only: the chaos run's lock-pause hook (processor README "Test hooks").
            services.add(new Service("processor-" + i, "processor", Settings.processorPort(i), "512m",
                    Map.of("WALLET_TEST_HOOKS", settings.value("WALLET_TEST_HOOKS", "true"))));
        }
        services.add(new Service("webhook-ingest", "webhook-ingest", Settings.WEBHOOK_PORT, "256m", Map.of()));
        return services;
    }
}
