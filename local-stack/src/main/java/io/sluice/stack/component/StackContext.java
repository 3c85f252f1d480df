package io.sluice.stack.component;

import io.sluice.stack.JavaRuntime;
import io.sluice.stack.PortPlan;
import io.sluice.stack.StackEnvironment;
import io.sluice.stack.StackLayout;

/** What every component needs to launch: paths, ports and the JVM. */
public record StackContext(StackLayout layout, PortPlan ports, JavaRuntime java) {

    public static StackContext of(StackEnvironment environment) {
        return new StackContext(StackLayout.of(environment), environment.ports(), JavaRuntime.current());
    }

    public String kafkaBootstrap() {
        return "127.0.0.1:" + ports.kafka();
    }

    public String registryUrl() {
        return "http://127.0.0.1:" + ports.registry() + "/apis/ccompat/v7";
    }

    public String s3Endpoint() {
        return "http://127.0.0.1:" + ports.s3();
    }
}
