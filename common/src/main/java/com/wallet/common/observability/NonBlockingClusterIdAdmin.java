package com.wallet.common.observability;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The admin an observed {@link KafkaTemplate} asks for the cluster id (a span attribute). spring-kafka
 * asks on every send until it knows the id, and its own admin waits up to the operation timeout
 * (15-30 s) for a broker, one sender at a time: with Kafka down, every request would queue behind
 * that wait instead of failing after max.block.ms. This one answers at once with the id when known,
 * else with none, and fetches the id in the background.
 */
public final class NonBlockingClusterIdAdmin extends KafkaAdmin {

    private final AtomicBoolean fetching = new AtomicBoolean();

    public NonBlockingClusterIdAdmin(KafkaAdmin admin) {
        super(admin.getConfigurationProperties());
        setOperationTimeout(admin.getOperationTimeout());
    }

    @Override
    public String clusterId() {
        String known = getClusterId();
        if (known == null && fetching.compareAndSet(false, true)) {
            CompletableFuture.runAsync(() -> {
                try {
                    super.clusterId(); // remembers the id when the broker answers
                } finally {
                    fetching.set(false);
                }
            });
        }
        return known;
    }

    /** Gives every KafkaTemplate bean (Boot's included) this admin before it looks for one itself. */
    public static BeanPostProcessor forTemplates(ObjectProvider<KafkaAdmin> admins) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof KafkaTemplate<?, ?> template && template.getKafkaAdmin() == null) {
                    KafkaAdmin admin = admins.getIfUnique();
                    if (admin != null) {
                        template.setKafkaAdmin(new NonBlockingClusterIdAdmin(admin));
                    }
                }
                return bean;
            }
        };
    }
}
