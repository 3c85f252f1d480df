package io.sluice.stack.component;

import io.sluice.stack.readiness.ReadinessProbe;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/** One process of the local stack: the broker, the registry, the S3 server or a service. */
public interface Component {

    /** The name the operator types: {@code kafka}, {@code registry}, {@code s3} or a module name. */
    String name();

    /** The port {@code status} shows and the readiness probe uses. */
    int port();

    /** Every port the process binds, checked to be free before it starts. */
    default List<Integer> ports() {
        return List.of(port());
    }

    /** Where an operator or a client reaches it. */
    String url();

    boolean isService();

    /** Writes its configuration (and formats storage where needed), then says how to run it. */
    LaunchSpec prepare() throws IOException, InterruptedException;

    /** A new probe; the caller closes it. */
    ReadinessProbe readinessProbe();

    Duration startDeadline();

    /** How long a SIGTERM may take before the process is killed. */
    default Duration stopDeadline() {
        return Duration.ofSeconds(20);
    }
}
