package io.sluice.stack.component;

import io.sluice.runtime.config.Setting;
import io.sluice.runtime.config.SluiceConfig;
import io.sluice.runtime.s3.S3Clients;
import io.sluice.stack.readiness.ReadinessProbe;
import io.sluice.stack.readiness.S3Probe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * S3Proxy 4.1.0 on its filesystem backend: objects are files under {@code .sluice/data/s3}. The
 * access and secret keys are the {@link Setting} defaults, so a service run by hand needs no
 * S3 configuration. The keys go in a properties file rather than on the command line, where
 * {@code ps} would show them.
 */
public final class S3Server implements Component {

    public static final String NAME = "s3";

    /**
     * S3Proxy reads the body of every PUT signed with its payload hash (all the MinIO SDK sends over
     * plain HTTP) whole into its heap before checking the hash. At 256 MiB, 64 PUTs of 16 MiB at
     * once (the benchmark's direct baseline; the blob writer also allows itself 64 requests in
     * flight) ran it out of memory: requests failed with 500 or 400. 1 GiB took them, measured; the
     * heap is only committed as it is used, so an idle stack stays as small.
     */
    static final String HEAP = "-Xmx1g";

    private final StackContext context;

    public S3Server(StackContext context) {
        this.context = context;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int port() {
        return context.ports().s3();
    }

    @Override
    public String url() {
        return context.s3Endpoint();
    }

    @Override
    public boolean isService() {
        return false;
    }

    @Override
    public LaunchSpec prepare() throws IOException {
        Path jar = context.layout().requireBuilt(context.layout().s3ProxyJar());
        Path baseDir = context.layout().dataDir(NAME);
        Files.createDirectories(baseDir);
        Files.createDirectories(context.layout().confDir());
        Path properties = context.layout().confDir().resolve("s3proxy.properties");
        Files.writeString(properties, String.join("\n",
                "# Written by ./sluice at every start of the S3 server; edits are overwritten.",
                "s3proxy.endpoint=" + context.s3Endpoint(),
                "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + Setting.S3_ACCESS_KEY.defaultValue(),
                "s3proxy.credential=" + Setting.S3_SECRET_KEY.defaultValue(),
                "jclouds.provider=filesystem-nio2",
                "jclouds.filesystem.basedir=" + baseDir,
                ""));
        Path logback = context.layout().confDir().resolve("s3proxy-logback.xml");
        KafkaBroker.copyResource("s3proxy-logback.xml", logback);
        List<String> command = new ArrayList<>();
        command.add(context.java().executable().toString());
        command.addAll(context.jvmFlags(NAME));
        command.addAll(List.of(HEAP, "-Dlogback.configurationFile=" + logback,
                "-jar", jar.toString(), "--properties", properties.toString()));
        return new LaunchSpec(command, Map.of(), baseDir);
    }

    @Override
    public ReadinessProbe readinessProbe() {
        SluiceConfig config = SluiceConfig.of(Map.of(Setting.S3_ENDPOINT, context.s3Endpoint()));
        return new S3Probe(S3Clients.minio(config));
    }

    @Override
    public Duration startDeadline() {
        return Duration.ofSeconds(30);
    }
}
