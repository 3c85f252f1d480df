package io.sluice.stack.component;

import io.sluice.runtime.service.ServiceId;
import io.sluice.runtime.service.ServiceJvmFlags;
import io.sluice.stack.DevToken;
import io.sluice.stack.readiness.HttpProbe;
import io.sluice.stack.readiness.ReadinessProbe;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One of the four Sluice services, run from its module's jar and {@code classpath.txt}, configured
 * only through {@code SLUICE_*} variables; ready when {@code /health/ready} answers 200. Instance 1
 * is named after its module; a second session-processor instance is {@code session-processor-2},
 * with its own port, state directory and log.
 */
public final class SluiceService implements Component {

    private final StackContext context;
    private final ServiceId id;
    private final int instance;

    public SluiceService(StackContext context, ServiceId id) {
        this(context, id, 1);
    }

    public SluiceService(StackContext context, ServiceId id, int instance) {
        this.context = context;
        this.id = id;
        this.instance = instance;
    }

    public ServiceId id() {
        return id;
    }

    @Override
    public String name() {
        return ServiceEnvironment.instanceName(id, instance);
    }

    @Override
    public int port() {
        return ServiceEnvironment.port(context, id, instance);
    }

    @Override
    public String url() {
        return "http://127.0.0.1:" + port();
    }

    @Override
    public boolean isService() {
        return true;
    }

    @Override
    public LaunchSpec prepare() throws IOException {
        Path jar = context.layout().requireBuilt(context.layout().moduleJar(id.moduleName()));
        String classpath = context.layout().classpath(id.moduleName());
        Path stateDir = ServiceEnvironment.stateDir(context, id, instance);
        Files.createDirectories(stateDir);
        DevToken token = DevToken.loadOrCreate(context.layout().devTokenFile());
        DevToken operator = DevToken.loadOrCreate(context.layout().operatorTokenFile());
        List<String> command = new ArrayList<>();
        command.add(context.java().executable().toString());
        command.addAll(context.jvmFlags(name()));
        command.addAll(ServiceJvmFlags.ALL);
        command.addAll(extraFlags(System.getenv()));
        command.addAll(List.of("-Xmx256m", "-cp", jar + java.io.File.pathSeparator + classpath, id.mainClass()));
        return new LaunchSpec(command, ServiceEnvironment.of(context, id, instance, token.authTokensSetting(),
                operator.operatorTokensSetting()),
                stateDir.getParent());
    }

    @Override
    public ReadinessProbe readinessProbe() {
        return new HttpProbe(URI.create(url() + "/health/ready"));
    }

    @Override
    public Duration startDeadline() {
        return Duration.ofSeconds(90);
    }

    /** Where an operator adds JVM flags of their own for the services (a profiler, a GC experiment). */
    static final String EXTRA_FLAGS_ENV = "SLUICE_STACK_SERVICE_JAVA_OPTS";

    /** The operator's extra flags from {@link #EXTRA_FLAGS_ENV}, split at white space; none if unset. */
    static List<String> extraFlags(Map<String, String> environment) {
        String value = environment.getOrDefault(EXTRA_FLAGS_ENV, "").trim();
        return value.isEmpty() ? List.of() : List.of(value.split("\\s+"));
    }
}
