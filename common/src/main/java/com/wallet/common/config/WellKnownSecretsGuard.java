package com.wallet.common.config;

import java.util.Map;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Checks a service's secrets with {@link WellKnownSecrets} before any other bean is created (so before
 * any connection is tried): declare it as a {@code static @Bean} with the variable each property comes
 * from, e.g. {@code Map.of("STRIPE_SECRET_KEY", "wallet.stripe.secret-key")}.
 */
public final class WellKnownSecretsGuard implements BeanFactoryPostProcessor, EnvironmentAware {

    private final Map<String, String> propertyByVariable;
    private Environment environment;

    public WellKnownSecretsGuard(Map<String, String> propertyByVariable) {
        this.propertyByVariable = Map.copyOf(propertyByVariable);
    }

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        propertyByVariable.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e ->
                WellKnownSecrets.refuseOutsideLocalMode(environment, e.getKey(), environment.getProperty(e.getValue())));
    }
}
