package io.sluice.e2e;

import io.sluice.testkit.RealServers;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class that runs against this JVM's shared {@link InProcessPipeline}: its lifecycle and
 * test methods can take an {@code InProcessPipeline} parameter (and the servers' types).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@RealServers
@ExtendWith(SharedPipeline.class)
@interface OnSharedPipeline {
}
