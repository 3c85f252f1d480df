package io.sluice.stack.command;

import io.sluice.stack.DevToken;
import io.sluice.stack.Stack;
import io.sluice.stack.StackFailure;
import io.sluice.stack.StackLayout;
import io.sluice.stack.bootstrap.StackBootstrap;
import io.sluice.stack.component.Component;
import io.sluice.stack.component.KafkaBroker;
import io.sluice.stack.component.S3Server;
import io.sluice.stack.component.SchemaRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code up}: starts what is not running (infrastructure, then topics and bucket, then services),
 * waits for each to be ready, prints where everything is. In the foreground it then waits for
 * Ctrl-C, which stops the whole stack through a shutdown hook; with {@code --detach} it returns.
 */
public final class UpCommand {

    private final Stack stack;
    private final PrintStream err;

    public UpCommand(Stack stack, PrintStream err) {
        this.stack = stack;
        this.err = err;
    }

    public int run(List<String> names, boolean detach) throws Exception {
        List<Component> plan = plan(names);
        Thread stopOnSignal = Thread.ofPlatform().name("sluice-stop").unstarted(this::stopOnShutdown);
        Runtime.getRuntime().addShutdownHook(stopOnSignal);
        long start = System.nanoTime();
        try {
            startAll(plan);
        } catch (Exception | Error e) { // an Error too: a detached start must never stop what already ran
            if (stack.stopping()) return 130; // Ctrl-C during start-up: the hook is stopping everything
            // Detached, what did start stays up for inspection; in the foreground, exiting stops it.
            if (detach) Runtime.getRuntime().removeShutdownHook(stopOnSignal);
            if (!(e instanceof StackFailure || e instanceof StackLayout.BuildOutputMissing)) throw e;
            err.println("error: " + e.getMessage());
            err.println(detach ? "What started keeps running: ./sluice status, ./sluice logs <component>, ./sluice down"
                    : "Stopping the stack.");
            return 1;
        }
        stack.out().printf("%nUp in %.1f s.%n", (System.nanoTime() - start) / 1e9);
        printSummary(plan);
        if (detach) {
            Runtime.getRuntime().removeShutdownHook(stopOnSignal);
            return 0;
        }
        stack.out().println("Running in the foreground; Ctrl-C stops the stack.");
        watchExits(plan);
        new CountDownLatch(1).await(); // until the JVM is asked to stop; the hook stops the stack
        return 0;
    }

    /** The named components, plus the infrastructure when a service is named; everything when none is. */
    private List<Component> plan(List<String> names) {
        if (names.isEmpty()) return stack.components().all();
        List<Component> named = stack.resolve(names);
        if (named.stream().noneMatch(Component::isService)) return named;
        List<Component> withInfrastructure = new ArrayList<>(stack.components().infrastructure());
        withInfrastructure.addAll(named.stream().filter(Component::isService).toList());
        return withInfrastructure;
    }

    private void startAll(List<Component> plan) throws Exception {
        stack.startAndAwait(plan.stream().filter(c -> !c.isService()).toList());
        if (isUp(KafkaBroker.NAME)) StackBootstrap.topics(stack.clientConfig(), stack.out());
        if (isUp(SchemaRegistry.NAME)) StackBootstrap.schemas(stack.clientConfig(), stack.out());
        if (isUp(S3Server.NAME)) StackBootstrap.bucket(stack.clientConfig(), stack.out());
        stack.startAndAwait(plan.stream().filter(Component::isService).toList());
    }

    private boolean isUp(String name) throws IOException {
        return stack.supervisor().running(stack.components().byName(name)).isPresent();
    }

    private void printSummary(List<Component> plan) throws IOException {
        PrintStream out = stack.out();
        for (Component component : plan) out.printf("  %-19s %s%n", component.name(), component.url());
        if (plan.stream().anyMatch(Component::isService)) {
            DevToken token = DevToken.loadOrCreate(stack.context().layout().devTokenFile());
            out.printf("%nDevelopment token (tenant '%s', also in %s):%n  %s%n", DevToken.TENANT,
                    stack.context().layout().devTokenFile(), token.token());
            out.printf("  curl -H 'Authorization: Bearer %s' http://127.0.0.1:%d/v1/assets%n", token.token(),
                    stack.components().byName("ingest-api").port());
            DevToken.loadOrCreate(stack.context().layout().operatorTokenFile());
            out.printf("Operator token (the /admin/* routes and every tenant's dashboard figures; never uploads or"
                    + " assets) in %s%n", stack.context().layout().operatorTokenFile());
            out.printf("Dashboard (enter either token): http://127.0.0.1:%d/dashboard%n",
                    stack.components().byName("ingest-api").port());
        }
    }

    /** In the foreground, says so when a component exits on its own (a crash, or ./sluice kill). */
    private void watchExits(List<Component> plan) throws IOException {
        for (Component component : plan) {
            var running = stack.supervisor().running(component);
            running.ifPresent(handle -> handle.onExit().thenRun(() -> {
                if (!stack.stopping()) {
                    err.printf("%s (pid %d) exited; ./sluice logs %s, ./sluice restart %s%n",
                            component.name(), handle.pid(), component.name(), component.name());
                }
            }));
        }
    }

    private void stopOnShutdown() {
        try {
            stack.out().println();
            stack.out().println("Stopping the stack.");
            stack.stopEverything();
        } catch (RuntimeException e) {
            err.println("Stopping failed: " + e.getMessage() + "; ./sluice status shows what still runs");
        }
    }
}
