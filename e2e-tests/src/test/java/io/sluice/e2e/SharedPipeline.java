package io.sluice.e2e;

import io.sluice.runtime.config.Setting;
import io.sluice.testkit.Infrastructure;
import java.lang.reflect.Method;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ParameterResolutionException;

/**
 * Resolves {@link InProcessPipeline} parameters with the one pipeline of this JVM, started on first
 * use with {@link #SETTINGS} on the servers of {@link io.sluice.testkit.RealServers}. It lives in
 * JUnit's root store, which closes values in reverse order of insertion: the servers are stored
 * before the pipeline, so the services stop before the broker they talk to does.
 */
final class SharedPipeline implements ParameterResolver {

    /**
     * The parking bound every test of the shared pipeline runs with: small enough that a test
     * reaches it with a few chunks, and above every chunk size the tests use (5 MiB at most). The
     * API's 429 check reads a status that lags the session processor: a chunk larger than the bound
     * would be refused as too far ahead whenever the status does not show the chunks before it yet,
     * even in an upload sent in order.
     */
    static final long PARKED_BYTES_MAX = 8 << 20;

    static final Map<Setting, String> SETTINGS = Map.of(Setting.PARKED_BYTES_MAX, Long.toString(PARKED_BYTES_MAX));

    private static final Namespace NAMESPACE = Namespace.create(SharedPipeline.class);

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == InProcessPipeline.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        // The servers first, outside the store's computation: stored before the pipeline, closed after it.
        Infrastructure infrastructure = servers(extensionContext);
        return extensionContext.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(InProcessPipeline.class,
                key -> start(infrastructure), InProcessPipeline.class);
    }

    private static InProcessPipeline start(Infrastructure infrastructure) {
        try {
            return InProcessPipeline.start(infrastructure, "shared", SETTINGS);
        } catch (Exception e) {
            throw new ParameterResolutionException("Cannot start the shared pipeline", e);
        }
    }

    /** The servers, as RealServers hands them to any method that asks for them. */
    private static Infrastructure servers(ExtensionContext context) {
        try {
            Method asking = SharedPipeline.class.getDeclaredMethod("serversOf", Infrastructure.class);
            return (Infrastructure) context.getExecutableInvoker().invoke(asking);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unused") // invoked by JUnit, which resolves its parameter
    private static Infrastructure serversOf(Infrastructure infrastructure) {
        return infrastructure;
    }
}
