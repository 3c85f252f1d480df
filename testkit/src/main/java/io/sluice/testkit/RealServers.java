package io.sluice.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class that runs against real servers. Its constructors, test methods and lifecycle
 * methods can take {@link KafkaServer}, {@link SchemaRegistryServer}, {@link S3Server} or
 * {@link Infrastructure} parameters. See {@link RealServersExtension}.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@ExtendWith(RealServersExtension.class)
public @interface RealServers {
}
