package io.sluice.stack;

import io.sluice.runtime.service.ServiceId;
import java.util.ArrayList;
import java.util.List;

/**
 * The fixed localhost ports of the stack, each shifted by one offset. The services' base ports are
 * their {@link ServiceId} defaults, so that {@code ./sluice} and a service started by hand agree.
 */
public record PortPlan(int offset) {

    public static final int KAFKA = 9092;
    public static final int KAFKA_CONTROLLER = 9093;
    public static final int REGISTRY = 8085;
    public static final int S3 = 9000;
    /** The second session-processor instance, when the stack runs two (the first has its ServiceId port). */
    public static final int SECOND_SESSION_PROCESSOR = 8084;

    private static final int LOWEST = 1024;
    private static final int HIGHEST = 65535;

    public PortPlan {
        for (int base : basePorts()) {
            int shifted = base + offset;
            if (shifted < LOWEST || shifted > HIGHEST) {
                throw new IllegalArgumentException("Port offset " + offset + " moves port " + base + " to " + shifted
                        + ", outside " + LOWEST + ".." + HIGHEST);
            }
        }
    }

    public static PortPlan withOffset(int offset) {
        return new PortPlan(offset);
    }

    public int kafka() {
        return KAFKA + offset;
    }

    public int kafkaController() {
        return KAFKA_CONTROLLER + offset;
    }

    public int registry() {
        return REGISTRY + offset;
    }

    public int s3() {
        return S3 + offset;
    }

    public int service(ServiceId id) {
        return id.defaultHttpPort() + offset;
    }

    public int secondSessionProcessor() {
        return SECOND_SESSION_PROCESSOR + offset;
    }

    private static List<Integer> basePorts() {
        List<Integer> ports = new ArrayList<>(List.of(KAFKA, KAFKA_CONTROLLER, REGISTRY, S3, SECOND_SESSION_PROCESSOR));
        for (ServiceId id : ServiceId.values()) ports.add(id.defaultHttpPort());
        return ports;
    }
}
