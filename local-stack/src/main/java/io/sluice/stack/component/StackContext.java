package io.sluice.stack.component;

import io.sluice.stack.JavaRuntime;
import io.sluice.stack.PortPlan;
import io.sluice.stack.StackEnvironment;
import io.sluice.stack.StackLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * What every component needs to launch: paths, ports, the JVM, and how many session-processor
 * instances the stack runs ({@link StackEnvironment#SESSION_PROCESSORS_ENV}).
 */
public record StackContext(StackLayout layout, PortPlan ports, JavaRuntime java, int sessionProcessors) {

    public StackContext(StackLayout layout, PortPlan ports, JavaRuntime java) {
        this(layout, ports, java, 1);
    }

    public static StackContext of(StackEnvironment environment) {
        return new StackContext(StackLayout.of(environment), environment.ports(), JavaRuntime.current(),
                environment.sessionProcessors());
    }

    /** The JVM flags every component process gets, before its own; creates the archive directory. */
    public List<String> jvmFlags(String component) throws IOException {
        Files.createDirectories(layout.cdsDir());
        List<String> flags = new ArrayList<>(java.accessFlags());
        flags.addAll(java.classDataSharingFlags(layout.cdsDir().resolve(component + ".jsa")));
        return flags;
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
