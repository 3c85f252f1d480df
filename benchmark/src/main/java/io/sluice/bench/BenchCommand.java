package io.sluice.bench;

import io.minio.MinioAsyncClient;
import io.minio.MinioClient;
import io.sluice.client.SluiceApi;
import io.sluice.client.SluiceHttp;
import io.sluice.runtime.config.Setting;
import io.sluice.runtime.config.SluiceConfig;
import io.sluice.runtime.s3.S3Clients;
import io.sluice.stack.Stack;
import io.sluice.stack.bootstrap.BucketBootstrap;
import io.sluice.stack.command.UpCommand;
import io.sluice.stack.readiness.ProbeResult;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * {@code bench}: issue 5's measurements against the local stack, in one run ({@link BenchRun}).
 * Starts the stack (as {@code up --detach}) if it is not all ready, and leaves it running. Prints
 * Markdown tables and writes the figures as JSON ({@code target/bench/results.json} under the
 * repository root unless told otherwise).
 */
public final class BenchCommand {

    public static final Path DEFAULT_OUTPUT = Path.of("target", "bench", "results.json");
    public static final Path DEFAULT_SCALE_OUTPUT = Path.of("target", "bench", "scale.json");
    static final Duration SAMPLE_PERIOD = Duration.ofMillis(200);

    private final Stack stack;
    private final PrintStream out;
    private final PrintStream err;

    public BenchCommand(Stack stack, PrintStream err) {
        this.stack = stack;
        this.out = stack.out();
        this.err = err;
    }

    /** @param scale the read side at scale ({@link ScaleBench}) instead of the upload benchmark */
    public int run(boolean smoke, boolean scale, Optional<Path> output) throws Exception {
        Path file = output.map(Path::toAbsolutePath).orElse(stack.context().layout().projectRoot()
                .resolve(scale ? DEFAULT_SCALE_OUTPUT : DEFAULT_OUTPUT));
        if (!everyComponentReady()) {
            out.println("The stack is not all ready: starting it (./sluice up --detach); it stays up afterwards.");
            int up = new UpCommand(stack, err).run(List.of(), true);
            if (up != 0) return up;
            out.println();
        }
        if (scale) return new ScaleBench(stack).run(smoke ? ScalePlan.smoke() : ScalePlan.full(), file);
        BenchPlan plan = smoke ? BenchPlan.smoke() : BenchPlan.full();
        BenchTarget target = BenchTarget.of(stack);
        out.printf("Benchmark (%s) against %s; every direct figure is taken right before its Sluice counterpart.%n",
                plan.mode(), target.apiUrl());
        BenchReport report = measure(plan, target);
        ReportJson.write(report, file);
        out.println();
        ReportTable.print(report, out);
        out.printf("%nWritten to %s%n", file);
        return 0;
    }

    private boolean everyComponentReady() {
        return stack.probeAll().values().stream().allMatch(probe -> probe.map(ProbeResult::ready).orElse(false));
    }

    private BenchReport measure(BenchPlan plan, BenchTarget target) throws Exception {
        Instant date = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        SluiceConfig config = target.clientConfig();
        MinioClient admin = S3Clients.minio(config);
        BucketBootstrap.ensureBucket(admin, DirectBaseline.BUCKET);
        DirectObjectWriter writer = new DirectObjectWriter(directClient(config, plan));
        DirectBaseline direct = new DirectBaseline(writer, admin, date.toString().replace(":", ""));
        try (FinishedWatcher watcher = FinishedWatcher.start(config);
                ResourceSampler sampler = ResourceSampler.start(target.allProcesses(), SAMPLE_PERIOD)) {
            SluiceUploader uploader = new SluiceUploader(new SluiceApi(
                    new SluiceHttp(target.apiUrl(), target.token(), SluiceApi.DEFAULT_REQUEST_TIMEOUT), false), watcher);
            return new BenchRun(plan, target, uploader, direct, writer, sampler, out).measure(date);
        }
    }

    /**
     * The SDK's client as the services build it (TCP_NODELAY, {@link S3Clients#httpClient()}), but
     * with OkHttp's limit of 5 concurrent async calls per host lifted to the plan's parallelism:
     * the baseline runs as many PUTs at once as Sluice runs uploads.
     */
    private static MinioAsyncClient directClient(SluiceConfig config, BenchPlan plan) {
        int parallelism = Math.max(plan.parallelUploads(), plan.smallConcurrency()) + BenchPlan.FEW_STREAMS;
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(parallelism);
        dispatcher.setMaxRequestsPerHost(parallelism);
        OkHttpClient http = S3Clients.httpClient().newBuilder()
                .dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(parallelism, 5, TimeUnit.MINUTES))
                .build();
        return MinioAsyncClient.builder()
                .endpoint(config.get(Setting.S3_ENDPOINT))
                .region(config.get(Setting.S3_REGION))
                .credentials(config.get(Setting.S3_ACCESS_KEY), config.get(Setting.S3_SECRET_KEY))
                .httpClient(http)
                .build();
    }
}
