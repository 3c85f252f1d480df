package io.sluice.testkit;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import org.opentest4j.TestAbortedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts each server on its first request, once, and stops everything it started in reverse order.
 * A start that failed is not retried: later requests fail at once with the first failure as cause,
 * instead of every test class paying for the same failing start-up.
 */
abstract class LazyInfrastructure implements Infrastructure {

    private static final Logger LOG = LoggerFactory.getLogger(LazyInfrastructure.class);

    private final String providerName;
    private final Deque<AutoCloseable> toClose = new ArrayDeque<>();
    private final StartOnce<KafkaServer> kafka = new StartOnce<>("Kafka", this::startKafka);
    private final StartOnce<SchemaRegistryServer> registry = new StartOnce<>("schema registry", this::startRegistry);
    private final StartOnce<S3Server> s3 = new StartOnce<>("S3 server", this::startS3);
    private boolean closed;

    LazyInfrastructure(String providerName) {
        this.providerName = providerName;
    }

    protected abstract KafkaServer startKafka() throws Exception;

    protected abstract SchemaRegistryServer startRegistry() throws Exception;

    protected abstract S3Server startS3() throws Exception;

    /** Registers something a start method created, to be closed by {@link #close()}. */
    protected final <T extends AutoCloseable> T closeAtEnd(T resource) {
        synchronized (toClose) {
            if (closed) {
                throw new IllegalStateException("This " + providerName + " infrastructure is closed");
            }
            toClose.push(resource);
        }
        return resource;
    }

    @Override
    public final KafkaServer kafka() {
        return kafka.get();
    }

    @Override
    public final SchemaRegistryServer registry() {
        return registry.get();
    }

    @Override
    public final S3Server s3() {
        return s3.get();
    }

    @Override
    public final void close() {
        IllegalStateException failure = null;
        synchronized (toClose) {
            closed = true;
            while (!toClose.isEmpty()) {
                try {
                    toClose.pop().close();
                } catch (Exception e) {
                    if (failure == null) {
                        failure = new IllegalStateException("Cannot stop every " + providerName + " server", e);
                    } else {
                        failure.addSuppressed(e);
                    }
                    if (e instanceof InterruptedException) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Memoizes one server's start; logs how long it took. */
    private final class StartOnce<T> {
        private final String name;
        private final Starter<T> starter;
        private T server;
        private RuntimeException failure;

        StartOnce(String name, Starter<T> starter) {
            this.name = name;
            this.starter = starter;
        }

        synchronized T get() {
            if (server != null) {
                return server;
            }
            if (failure != null) {
                throw new IllegalStateException(name + " failed to start earlier in this JVM", failure);
            }
            long started = System.nanoTime();
            try {
                server = starter.start();
            } catch (TestAbortedException e) {
                // a skipped test (no Docker engine, say) is not a failed start: let the next test skip too
                throw e;
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            } catch (Exception e) {
                failure = new IllegalStateException("Cannot start the " + name + " (" + providerName + ")", e);
                throw failure;
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            LOG.info("Started the {} ({}) in {} ms", name, providerName, took.toMillis());
            return server;
        }
    }

    @FunctionalInterface
    private interface Starter<T> {
        T start() throws Exception;
    }
}
