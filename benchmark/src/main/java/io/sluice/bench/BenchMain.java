package io.sluice.bench;

import io.sluice.client.ConnectionLostException;
import io.sluice.client.SluiceApiException;
import io.sluice.stack.Stack;
import io.sluice.stack.StackEnvironment;
import io.sluice.stack.StackFailure;
import io.sluice.stack.component.StackContext;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code ./sluice bench}: the script hands it here. Exit codes: 0 done, 1 failed (a figure could not
 * be measured, or Sluice failed under the load), 2 usage error, 130 interrupted.
 */
@Command(name = "./sluice bench", mixinStandardHelpOptions = true,
        description = "Measure throughput, latency and memory of the local stack beside direct S3 PUTs "
                + "(the stack is started if not all ready, and stays up).")
public final class BenchMain implements Callable<Integer> {

    @Option(names = "--smoke", description = "Every step scaled down to seconds: checks the tool, measures nothing.")
    boolean smoke;

    @Option(names = "--scale", description = "The read side at scale: fill the status and index topics (10 million "
            + "entries), restart the API, measure its heap, start-up and reads.")
    boolean scale;

    @Option(names = {"--out", "-o"}, paramLabel = "FILE",
            description = "Where the results go (default: target/bench/results.json, or scale.json with --scale).")
    Path output;

    private BenchMain() {}

    public static void main(String[] args) {
        // Before any logger exists: the stack CLI's quiet logging, not runtime's service logging.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "io/sluice/stack/cli-logback.xml");
        }
        CommandLine commandLine = new CommandLine(new BenchMain());
        commandLine.setExecutionExceptionHandler((failure, line, parsed) -> {
            line.getErr().println("error: " + (failure.getMessage() != null ? failure.getMessage() : failure));
            if (!(failure instanceof BenchFailure || failure instanceof StackFailure
                    || failure instanceof SluiceApiException || failure instanceof ConnectionLostException)) {
                failure.printStackTrace(line.getErr());
            }
            return failure instanceof InterruptedException ? 130 : 1;
        });
        int status = commandLine.execute(args);
        // Kafka and S3 clients leave non-daemon threads behind; the benchmark is over when it returns.
        System.exit(status);
    }

    @Override
    public Integer call() throws Exception {
        Stack stack = new Stack(StackContext.of(StackEnvironment.current()), System.out);
        return new BenchCommand(stack, System.err).run(smoke, scale, Optional.ofNullable(output));
    }
}
