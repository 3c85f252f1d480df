package io.sluice.testkit;

import java.util.Set;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Resolves {@link KafkaServer}, {@link SchemaRegistryServer}, {@link S3Server} and
 * {@link Infrastructure} parameters of constructors, test and lifecycle methods.
 *
 * <p>One {@link Infrastructure} per JVM, kept in the root context's store, which closes it when the
 * test run ends; each server starts on its first request. The provider is named by the JUnit
 * configuration parameter or system property {@code sluice.infra} ({@code processes} by default,
 * {@code containers} under the Maven profile of that name). With {@code containers} and no Docker
 * engine, every test class using this extension is skipped, with a message saying why.
 */
public final class RealServersExtension implements ParameterResolver, ExecutionCondition {

    private static final Namespace NAMESPACE = Namespace.create(RealServersExtension.class);
    private static final Set<Class<?>> RESOLVED_TYPES =
            Set.of(KafkaServer.class, SchemaRegistryServer.class, S3Server.class, Infrastructure.class);

    static {
        JulToSlf4j.install();
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (Infrastructures.CONTAINERS.equals(provider(context)) && !DockerAvailability.isAvailable()) {
            return ConditionEvaluationResult.disabled(DockerAvailability.UNAVAILABLE_MESSAGE);
        }
        return ConditionEvaluationResult.enabled("servers from the " + provider(context) + " provider");
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return RESOLVED_TYPES.contains(parameterContext.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Infrastructure infrastructure = infrastructure(extensionContext);
        Class<?> type = parameterContext.getParameter().getType();
        if (type == KafkaServer.class) {
            return infrastructure.kafka();
        }
        if (type == SchemaRegistryServer.class) {
            return infrastructure.registry();
        }
        if (type == S3Server.class) {
            return infrastructure.s3();
        }
        return infrastructure;
    }

    private static Infrastructure infrastructure(ExtensionContext context) {
        String provider = provider(context);
        // keyed by provider: an engine run could mix configurations (the testkit's own tests do)
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(
                Infrastructure.class.getName() + ":" + provider,
                key -> Infrastructures.create(provider),
                Infrastructure.class);
    }

    private static String provider(ExtensionContext context) {
        // JUnit falls back to system properties for configuration parameters
        return Infrastructures.selectedProvider(
                context.getConfigurationParameter(Infrastructures.PROVIDER_PROPERTY).orElse(null));
    }
}
