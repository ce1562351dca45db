package com.wallet.processor.testhooks;

import com.wallet.processor.wallet.application.port.WalletLocks;

import com.wallet.processor.wallet.adapter.out.redis.RedisLockProperties;
import com.wallet.processor.wallet.application.port.WalletLocks;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Fault-injection hooks for the chaos run (bin/wallet chaos, ChaosIT). Off unless
 * wallet.test-hooks.enabled=true (env WALLET_TEST_HOOKS); bin/wallet sets it only for the local
 * system it starts. Business code is untouched: the real WalletLocks bean is wrapped here.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "wallet.test-hooks", name = "enabled", havingValue = "true")
public class TestHooksConfiguration {

    @Bean
    LockPauseHook lockPauseHook(RedisLockProperties redis) {
        return new LockPauseHook(redis.leaseTime());
    }

    /** Static and lazy (ObjectProvider): a post-processor must not pull beans in early. */
    @Bean
    static BeanPostProcessor pausingWalletLocks(ObjectProvider<LockPauseHook> hook) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof WalletLocks locks && !(bean instanceof PausingWalletLocks)
                        ? new PausingWalletLocks(locks, hook.getObject()) : bean;
            }
        };
    }
}
