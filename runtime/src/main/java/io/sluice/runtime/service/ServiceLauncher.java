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
 * serve health and metrics, start, and stop cleanly on SIGTERM / Ctrl-C.
 */
public final class ServiceLauncher {

    private static final Logger log = LoggerFactory.getLogger(ServiceLauncher.class);

    /** What a service module provides: given its configuration and metrics, the service. */
    @FunctionalInterface
    public interface ServiceFactory {
        Service create(SluiceConfig config, Metrics metrics, HttpEndpoints endpoints) throws Exception;
    }

    private ServiceLauncher() {}

    /** Runs the service until the JVM is asked to stop; never returns normally. */
    public static void run(ServiceId id, ServiceFactory factory) {
        SluiceConfig config = SluiceConfig.load();
        log.info("Starting {} with {}", id.moduleName(), config.describe());
        CountDownLatch stopped = new CountDownLatch(1);
        try {
            Metrics metrics = new Metrics(id.moduleName());
            ServiceHolder holder = new ServiceHolder();
            HttpEndpoints endpoints = HttpEndpoints.bind(config.get(Setting.HTTP_HOST), httpPort(config, id),
                    holder::readiness, metrics);
            holder.service = factory.create(config, metrics, endpoints);
            Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name(id.moduleName() + "-shutdown").unstarted(() -> {
                log.info("Stopping {}", id.moduleName());
                endpoints.close();
                holder.service.close();
                stopped.countDown();
            }));
            endpoints.start();
            holder.service.start();
            log.info("{} started; HTTP on {}:{}", id.moduleName(), config.get(Setting.HTTP_HOST), endpoints.port());
            stopped.await();
        } catch (Exception e) {
            log.error("{} failed to start", id.moduleName(), e);
            System.exit(1);
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
