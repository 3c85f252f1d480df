package io.sluice.bench;

import io.sluice.runtime.config.SluiceConfig;
import io.sluice.stack.DevToken;
import io.sluice.stack.Stack;
import io.sluice.stack.component.Component;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The running stack as the benchmark sees it: the API and its development token, the client
 * settings of the broker and the S3 server, and the processes whose memory it samples (pids from
 * the stack's pid files).
 */
record BenchTarget(String apiUrl, String token, SluiceConfig clientConfig, List<SampledProcess> services,
        List<SampledProcess> infrastructure) {

    static BenchTarget of(Stack stack) throws IOException {
        String token = DevToken.loadOrCreate(stack.context().layout().devTokenFile()).token();
        List<SampledProcess> services = new ArrayList<>();
        List<SampledProcess> infrastructure = new ArrayList<>();
        for (Component component : stack.components().all()) {
            long pid = stack.supervisor().running(component)
                    .orElseThrow(() -> new BenchFailure(component.name() + " is not running")).pid();
            if (component.isService()) {
                services.add(new SampledProcess(component.name(), pid, Optional.of(URI.create(component.url() + "/metrics"))));
            } else {
                infrastructure.add(new SampledProcess(component.name(), pid, Optional.empty()));
            }
        }
        String apiUrl = stack.components().byName("ingest-api").url();
        // the stack's S3 server takes the default keys, which the client settings carry
        return new BenchTarget(apiUrl, token, stack.clientConfig(), List.copyOf(services), List.copyOf(infrastructure));
    }

    List<SampledProcess> allProcesses() {
        List<SampledProcess> all = new ArrayList<>(services);
        all.addAll(infrastructure);
        return all;
    }
}
