package io.sluice.stack.component;

import io.sluice.runtime.service.ServiceId;
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

/**
 * One of the four Sluice services, run from its module's jar and {@code classpath.txt}, configured
 * only through {@code SLUICE_*} variables; ready when {@code /health/ready} answers 200.
 */
public final class SluiceService implements Component {

    private final StackContext context;
    private final ServiceId id;

    public SluiceService(StackContext context, ServiceId id) {
        this.context = context;
        this.id = id;
    }

    public ServiceId id() {
        return id;
    }

    @Override
    public String name() {
        return id.moduleName();
    }

    @Override
    public int port() {
        return context.ports().service(id);
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
        Path jar = context.layout().requireBuilt(context.layout().moduleJar(name()));
        String classpath = context.layout().classpath(name());
        Path stateDir = ServiceEnvironment.stateDir(context, id);
        Files.createDirectories(stateDir);
        DevToken token = DevToken.loadOrCreate(context.layout().devTokenFile());
        List<String> command = new ArrayList<>();
        command.add(context.java().executable().toString());
        command.addAll(context.jvmFlags(name()));
        command.addAll(List.of("-Xmx256m", "-cp", jar + java.io.File.pathSeparator + classpath, id.mainClass()));
        return new LaunchSpec(command, ServiceEnvironment.of(context, id, token.authTokensSetting()), stateDir.getParent());
    }

    @Override
    public ReadinessProbe readinessProbe() {
        return new HttpProbe(URI.create(url() + "/health/ready"));
    }

    @Override
    public Duration startDeadline() {
        return Duration.ofSeconds(90);
    }
}
