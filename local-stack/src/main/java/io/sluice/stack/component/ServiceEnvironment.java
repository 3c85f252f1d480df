package io.sluice.stack.component;

import io.sluice.runtime.config.Setting;
import io.sluice.runtime.service.ServiceId;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code SLUICE_*} variables a service gets in the local stack: where the broker, the registry
 * and the S3 server are, its own port and state directory, and the development token. Everything
 * else keeps its {@link Setting} default. docker-compose.yml sets the same names.
 */
public final class ServiceEnvironment {

    private ServiceEnvironment() {}

    public static Map<String, String> of(StackContext context, ServiceId id, String authTokens) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(Setting.KAFKA_BOOTSTRAP_SERVERS.env(), context.kafkaBootstrap());
        env.put(Setting.SCHEMA_REGISTRY_URL.env(), context.registryUrl());
        env.put(Setting.S3_ENDPOINT.env(), context.s3Endpoint());
        env.put(Setting.S3_ACCESS_KEY.env(), Setting.S3_ACCESS_KEY.defaultValue());
        env.put(Setting.S3_SECRET_KEY.env(), Setting.S3_SECRET_KEY.defaultValue());
        env.put(Setting.S3_BUCKET.env(), Setting.S3_BUCKET.defaultValue());
        env.put(Setting.HTTP_HOST.env(), "127.0.0.1");
        env.put(Setting.HTTP_PORT.env(), String.valueOf(context.ports().service(id)));
        env.put(Setting.STATE_DIR.env(), stateDir(context, id).toString());
        env.put(Setting.AUTH_TOKENS.env(), authTokens);
        return env;
    }

    public static Path stateDir(StackContext context, ServiceId id) {
        return context.layout().dataDir(id.moduleName()).resolve("state");
    }
}
