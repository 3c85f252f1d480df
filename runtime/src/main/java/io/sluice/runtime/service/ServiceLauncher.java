package io.sluice.runtime.service;

import io.sluice.runtime.config.Setting;
import io.sluice.runtime.config.SluiceConfig;
import io.sluice.runtime.http.HttpEndpoints;
import io.sluice.runtime.http.Metrics;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The start-up every service's {@code main} shares: load the configuration, create the service,
 * serve health and metrics, start, and stop cleanly on SIGTERM / Ctrl-C. Tests start services in
 * process through {@link #start}.
 */
public final class ServiceLauncher {

    private static final Logger log = LoggerFactory.getLogger(ServiceLauncher.class);

    /** What a service module provides: given its configuration, metrics and HTTP endpoints, the service. */
    @FunctionalInterface
    public interface ServiceFactory {
        Service create(SluiceConfig config, Metrics metrics, HttpEndpoints endpoints) throws Exception;
    }

    /** A started service with its HTTP endpoints; closing stops both. */
    public record RunningService(ServiceId id, Service service, HttpEndpoints endpoints) implements AutoCloseable {

        public int httpPort() {
            return endpoints.port();
        }

        @Override
        public void close() {
            endpoints.close();
            service.close();
        }
    }

    private ServiceLauncher() {}

    /** Runs the service until the JVM is asked to stop; exits the JVM if it cannot start. */
    public static void run(ServiceId id, ServiceFactory factory) {
        SluiceConfig config = SluiceConfig.load();
        log.info("Starting {} with {}", id.moduleName(), config.describe());
        CountDownLatch stopped = new CountDownLatch(1);
        try {
            RunningService running = start(id, config, factory);
            Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name(id.moduleName() + "-shutdown").unstarted(() -> {
                log.info("Stopping {}", id.moduleName());
                running.close();
                stopped.countDown();
            }));
            log.info("{} started; HTTP on {}:{}", id.moduleName(), config.get(Setting.HTTP_HOST), running.httpPort());
            stopped.await();
        } catch (Exception e) {
            log.error("{} failed to start", id.moduleName(), e);
            System.exit(1);
        }
    }

    /** Creates and starts the service and its HTTP endpoints; readiness may follow later. */
    public static RunningService start(ServiceId id, SluiceConfig config, ServiceFactory factory) throws Exception {
        Metrics metrics = new Metrics(id.moduleName());
        ServiceHolder holder = new ServiceHolder();
        HttpEndpoints endpoints = HttpEndpoints.bind(config.get(Setting.HTTP_HOST), httpPort(config, id),
                holder::readiness, metrics);
        try {
            holder.service = factory.create(config, metrics, endpoints);
            endpoints.start();
            holder.service.start();
            return new RunningService(id, holder.service, endpoints);
        } catch (Exception | Error e) {
            endpoints.close();
            if (holder.service != null) holder.service.close();
            throw e;
        }
    }

    /** The configured port, or the service's own default when {@code SLUICE_HTTP_PORT} is empty. */
    public static int httpPort(SluiceConfig config, ServiceId id) {
        return config.get(Setting.HTTP_PORT).isEmpty() ? id.defaultHttpPort() : config.getInt(Setting.HTTP_PORT);
    }

    /** Lets the health endpoint answer before the service object exists. */
    private static final class ServiceHolder {
        volatile Service service;

        Readiness readiness() {
            Service current = service;
            return current == null ? Readiness.notReady("starting") : current.readiness();
        }
    }
}
