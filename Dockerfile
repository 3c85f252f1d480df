# syntax=docker/dockerfile:1
# One image recipe for the four services and the stack-init one-shot. docker-compose.yml passes
# MODULE (a Maven module) and MAIN_CLASS. The build stage does not depend on either, so BuildKit
# builds the project once for every image.

FROM maven:3.9-eclipse-temurin-21 AS build
WORKDIR /src
COPY . .
# Tests run in CI, not here; the Apicurio download is only for the tests and the local stack.
# copy-dependencies puts each module's runtime dependencies in <module>/target/dependency/.
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -q -Dmaven.test.skip=true -Ddownload.plugin.skip=true \
        -pl ingest-api,session-processor,blob-writer,index-projector,local-stack -am \
        package dependency:copy-dependencies -DincludeScope=runtime

FROM eclipse-temurin:21-jre
ARG MODULE
ARG MAIN_CLASS
RUN useradd --system --uid 10001 --home-dir /var/lib/sluice sluice \
    && mkdir -p /var/lib/sluice/state \
    && chown -R sluice /var/lib/sluice
WORKDIR /app
COPY --from=build /src/${MODULE}/target/${MODULE}-*.jar app.jar
COPY --from=build /src/${MODULE}/target/dependency/ lib/
USER sluice
# Configuration is the SLUICE_* variables (io.sluice.runtime.config.Setting); these two differ
# from the defaults in every container.
ENV APP_MAIN_CLASS=${MAIN_CLASS} \
    SLUICE_HTTP_HOST=0.0.0.0 \
    SLUICE_STATE_DIR=/var/lib/sluice/state \
    JAVA_OPTS="-Xmx256m -XX:+UseParallelGC --add-opens java.base/sun.security.provider=ALL-UNNAMED"
# The shell only expands JAVA_OPTS and the main class; exec hands PID 1 to the JVM, so
# `docker stop` (SIGTERM) reaches its shutdown hooks.
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -cp '/app/app.jar:/app/lib/*' \"$APP_MAIN_CLASS\""]
