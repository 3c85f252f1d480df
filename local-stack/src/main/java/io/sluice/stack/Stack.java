package io.sluice.stack;

import io.sluice.runtime.config.Setting;
import io.sluice.runtime.config.SluiceConfig;
import io.sluice.stack.component.Component;
import io.sluice.stack.component.KafkaBroker;
import io.sluice.stack.component.StackComponents;
import io.sluice.stack.component.StackContext;
import io.sluice.stack.process.LogTail;
import io.sluice.stack.process.ProcessSupervisor;
import io.sluice.stack.readiness.ProbeResult;
import io.sluice.stack.readiness.Readiness;
import io.sluice.stack.readiness.ReadinessProbe;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/** The components of one stack and the start, stop and probe steps every command is made of. */
public final class Stack {

    private final StackContext context;
    private final StackComponents components;
    private final ProcessSupervisor supervisor;
    private final PrintStream out;
    /**
     * Launches hold it shared, a full stop exclusively: a Ctrl-C waits for launches under way and
     * then no new one begins, so no process is left behind, unrecorded.
     */
    private final ReadWriteLock launching = new ReentrantReadWriteLock();
    private volatile boolean stopping;

    public Stack(StackContext context, PrintStream out) {
        this.context = context;
        this.components = new StackComponents(context);
        this.supervisor = new ProcessSupervisor(context.layout());
        this.out = out;
    }

    public StackContext context() {
        return context;
    }

    public StackComponents components() {
        return components;
    }

    public ProcessSupervisor supervisor() {
        return supervisor;
    }

    public PrintStream out() {
        return out;
    }

    public boolean stopping() {
        return stopping;
    }

    /** The named components in stack order, each once. */
    public List<Component> resolve(List<String> names) {
        List<Component> named = names.stream().map(components::byName).distinct().toList();
        return components.all().stream().filter(named::contains).toList();
    }

    /**
     * Starts every component of the group that is not running and waits until each is ready, all
     * at once: the group takes about the time of its slowest member, and each is reported as it
     * becomes ready.
     */
    public void startAndAwait(List<Component> group) throws InterruptedException {
        List<String> failures = new ArrayList<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> starts = new ArrayList<>();
            for (Component component : group) {
                starts.add(executor.submit(() -> {
                    bringUp(component);
                    return null;
                }));
            }
            for (Future<?> start : starts) {
                try {
                    start.get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof RuntimeException failure)) throw new IllegalStateException(e.getCause());
                    if (!(failure instanceof StackFailure || failure instanceof StackLayout.BuildOutputMissing)) throw failure;
                    failures.add(failure.getMessage());
                }
            }
        }
        if (!failures.isEmpty()) throw new StackFailure(String.join("\n", failures));
    }

    private void bringUp(Component component) throws IOException, InterruptedException {
        Optional<ProcessHandle> running = runningBeforeStart(component);
        ProcessHandle handle = running.orElseGet(() -> launch(component));
        awaitReady(component, handle, running.isEmpty());
    }

    private Optional<ProcessHandle> runningBeforeStart(Component component) throws IOException {
        Optional<ProcessHandle> running = supervisor.running(component);
        running.ifPresent(handle -> line(component, "already running (pid " + handle.pid() + ")"));
        return running;
    }

    private ProcessHandle launch(Component component) {
        launching.readLock().lock();
        try {
            if (stopping) throw new StackFailure("Stopping: " + component.name() + " not started");
            try {
                Process process = supervisor.start(component);
                line(component, "starting (pid " + process.pid() + ", log " + context.layout().logFile(component.name()) + ")");
                return process.toHandle();
            } catch (IOException e) { // its configuration could not be written, or storage not formatted
                throw new StackFailure(component.name() + " could not start: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackFailure("Interrupted while starting " + component.name());
            }
        } finally {
            launching.readLock().unlock();
        }
    }

    private void awaitReady(Component component, ProcessHandle handle, boolean startedNow) throws InterruptedException {
        try (ReadinessProbe probe = component.readinessProbe()) {
            Readiness.await(component.name(), probe, Optional.of(handle), component.startDeadline());
            Optional<Instant> start = handle.info().startInstant();
            String after = startedNow && start.isPresent()
                    ? String.format(" %.1f s after start", Duration.between(start.get(), Instant.now()).toMillis() / 1000.0)
                    : "";
            line(component, "ready" + after + ", at " + component.url());
        } catch (Readiness.ExitedBeforeReady | Readiness.NotReadyInTime e) {
            throw new StackFailure(e.getMessage() + "; last lines of " + context.layout().logFile(component.name())
                    + ":\n" + LogTail.excerpt(context.layout().logFile(component.name()), 20));
        }
    }

    /**
     * Stops the given components in reverse dependency order: the services together (none depends
     * on another), then the registry and the S3 server together, the broker last.
     */
    public void stop(List<Component> toStop) {
        List<Component> services = toStop.stream().filter(Component::isService).toList();
        List<Component> kafka = toStop.stream().filter(c -> c.name().equals(KafkaBroker.NAME)).toList();
        List<Component> others = toStop.stream().filter(c -> !services.contains(c) && !kafka.contains(c)).toList();
        for (List<Component> stage : List.of(services, others, kafka)) stopTogether(stage);
    }

    private void stopTogether(List<Component> stage) {
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<CompletableFuture<Void>> stops = new ArrayList<>();
            for (Component component : stage) stops.add(CompletableFuture.runAsync(() -> stopOne(component), executor));
            CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    /** Ctrl-C or a failed foreground start: no new process is launched, and every component stops. */
    public void stopEverything() {
        stopping = true;
        launching.writeLock().lock();
        try {
            stop(components.all());
        } finally {
            launching.writeLock().unlock();
        }
    }

    private void stopOne(Component component) {
        long start = System.nanoTime();
        try {
            boolean stopped = supervisor.stop(component);
            if (stopped) line(component, String.format("stopped after %.1f s", (System.nanoTime() - start) / 1e9));
        } catch (IOException e) {
            throw new UncheckedIOException("Stopping " + component.name() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackFailure("Interrupted while stopping " + component.name());
        }
    }

    /** One probe per running component, in parallel; empty for a component that is not running. */
    public Map<Component, Optional<ProbeResult>> probeAll() {
        Map<Component, CompletableFuture<Optional<ProbeResult>>> futures = new LinkedHashMap<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Component component : components.all()) {
                futures.put(component, CompletableFuture.supplyAsync(() -> probe(component), executor));
            }
        }
        Map<Component, Optional<ProbeResult>> results = new LinkedHashMap<>();
        futures.forEach((component, future) -> results.put(component, future.join()));
        return results;
    }

    private Optional<ProbeResult> probe(Component component) {
        try {
            if (supervisor.running(component).isEmpty()) return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (ReadinessProbe probe = component.readinessProbe()) {
            return Optional.of(probe.check());
        }
    }

    /** Client settings pointing at this stack, for the topic and bucket bootstrap. */
    public SluiceConfig clientConfig() {
        return SluiceConfig.of(Map.of(
                Setting.KAFKA_BOOTSTRAP_SERVERS, context.kafkaBootstrap(),
                Setting.SCHEMA_REGISTRY_URL, context.registryUrl(),
                Setting.S3_ENDPOINT, context.s3Endpoint()));
    }

    public void line(Component component, String message) {
        out.printf("%-19s %s%n", component.name(), message);
    }
}
