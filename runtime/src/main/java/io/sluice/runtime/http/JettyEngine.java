package io.sluice.runtime.http;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.function.IntSupplier;
import org.eclipse.jetty.http.spi.JettyHttpServer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The HTTP server every component runs: Jetty 12 behind the JDK's {@code com.sun.net.httpserver}
 * API ({@code jetty-http-spi}), so handlers are written against that small API while Jetty's
 * engine (parser, connection handling, buffer pools) serves them, each exchange on a virtual thread.
 * Chosen over the JDK's own server by {@code ./sluice bench} (docs/benchmarks.md, "The HTTP engine").
 */
final class JettyEngine {

    /**
     * How long a connection may see no bytes either way. Longer than any wait a handler makes
     * before it answers (a finish waits up to {@code SLUICE_FINISH_WAIT}, 30 s by default; a figure
     * stream writes every 15 s), so a waiting request is never cut; idle keep-alive connections
     * close after it.
     */
    static final Duration IDLE_TIMEOUT = Duration.ofMinutes(2);

    /** A server and where it listens once started (the port, when port 0 was asked for). */
    record Bound(HttpServer server, IntSupplier port) {}

    private JettyEngine() {}

    static Bound create(InetSocketAddress address, int backlog, ExecutorService handlers) throws IOException {
        QueuedThreadPool pool = new QueuedThreadPool();
        pool.setName("http-" + address.getPort());
        pool.setVirtualThreadsExecutor(handlers);
        Server jetty = new Server(pool);
        jetty.setHandler(new ContextHandlerCollection()); // where the SPI adds one context per createContext
        JettyHttpServer server = new JettyHttpServer(jetty, false);
        server.bind(address, backlog);
        ServerConnector connector = (ServerConnector) jetty.getConnectors()[0];
        connector.setIdleTimeout(IDLE_TIMEOUT.toMillis());
        for (HttpConnectionFactory factory : connector.getConnectionFactories().stream()
                .filter(HttpConnectionFactory.class::isInstance).map(HttpConnectionFactory.class::cast).toList()) {
            HttpConfiguration http = factory.getHttpConfiguration();
            http.setSendServerVersion(false); // no software or version named to anyone who asks
            http.setSendXPoweredBy(false);
        }
        return new Bound(server, connector::getLocalPort);
    }
}
