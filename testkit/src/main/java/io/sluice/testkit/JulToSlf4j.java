package io.sluice.testkit;

import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Routes java.util.logging (OkHttp's and the JDK HTTP client's warnings, among others) into SLF4J,
 * so that logback-test.xml governs every log line of a test JVM.
 */
final class JulToSlf4j {

    private JulToSlf4j() {
    }

    static synchronized void install() {
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
    }
}
