package io.sluice.stack.component;

import io.sluice.runtime.config.Setting;
import io.sluice.runtime.service.ServiceId;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code SLUICE_*} variables a service gets in the local stack: where the broker, the registry
 * and the S3 server are, its own port and state directory, the development token and the operator
 * token. Everything
 * else keeps its {@link Setting} default. docker-compose.yml sets the same names.
 */
public final class ServiceEnvironment {

    private ServiceEnvironment() {}

    public static Map<String, String> of(StackContext context, ServiceId id, String authTokens) {
        return of(context, id, 1, authTokens);
    }

    /**
     * The variables of one instance of a service: its own port and state directory. When the stack
     * runs several session-processor instances, each keeps a standby replica of the others' tasks.
     */
    public static Map<String, String> of(StackContext context, ServiceId id, int instance, String authTokens) {
        return of(context, id, instance, authTokens, "");
    }

    /** @param operatorTokens the value of {@code SLUICE_OPERATOR_TOKENS}: who may read the admin routes */
    public static Map<String, String> of(StackContext context, ServiceId id, int instance, String authTokens,
            String operatorTokens) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(Setting.KAFKA_BOOTSTRAP_SERVERS.env(), context.kafkaBootstrap());
        env.put(Setting.SCHEMA_REGISTRY_URL.env(), context.registryUrl());
        env.put(Setting.S3_ENDPOINT.env(), context.s3Endpoint());
        env.put(Setting.S3_ACCESS_KEY.env(), Setting.S3_ACCESS_KEY.defaultValue());
        env.put(Setting.S3_SECRET_KEY.env(), Setting.S3_SECRET_KEY.defaultValue());
        env.put(Setting.S3_BUCKET.env(), Setting.S3_BUCKET.defaultValue());
        env.put(Setting.HTTP_HOST.env(), "127.0.0.1");
        env.put(Setting.HTTP_PORT.env(), String.valueOf(port(context, id, instance)));
        env.put(Setting.STATE_DIR.env(), stateDir(context, id, instance).toString());
        env.put(Setting.AUTH_TOKENS.env(), authTokens);
        env.put(Setting.OPERATOR_TOKENS.env(), operatorTokens);
        if (id == ServiceId.SESSION_PROCESSOR && context.sessionProcessors() > 1) {
            env.put(Setting.STANDBY_REPLICAS.env(), String.valueOf(context.sessionProcessors() - 1));
        }
        return env;
    }

    public static Path stateDir(StackContext context, ServiceId id) {
        return stateDir(context, id, 1);
    }

    public static Path stateDir(StackContext context, ServiceId id, int instance) {
        return context.layout().dataDir(instanceName(id, instance)).resolve("state");
    }

    /** {@code session-processor} for the first instance, {@code session-processor-2} for the second. */
    public static String instanceName(ServiceId id, int instance) {
        return instance == 1 ? id.moduleName() : id.moduleName() + "-" + instance;
    }

    static int port(StackContext context, ServiceId id, int instance) {
        if (instance == 1) return context.ports().service(id);
        if (id == ServiceId.SESSION_PROCESSOR && instance == 2) return context.ports().secondSessionProcessor();
        throw new IllegalArgumentException("No port for instance " + instance + " of " + id.moduleName());
    }
}
