package io.sluice.testkit;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;

/** S3Proxy inside this JVM on an ephemeral port, storing objects as files, with SigV4 authentication. */
// "try": close() throws what the wrapped server's stop throws; LazyInfrastructure reports it
@SuppressWarnings("try")
final class EmbeddedS3Proxy implements AutoCloseable {

    static final String ACCESS_KEY = "sluice-test";
    static final String SECRET_KEY = "sluice-test-secret-key";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final S3Proxy proxy;
    private final Path baseDirectory;

    private EmbeddedS3Proxy(S3Proxy proxy, Path baseDirectory) {
        this.proxy = proxy;
        this.baseDirectory = baseDirectory;
    }

    /** Starts S3Proxy with its filesystem backend under {@code baseDirectory}. */
    static EmbeddedS3Proxy start(Path baseDirectory) throws Exception {
        Properties backend = new Properties();
        backend.setProperty("jclouds.filesystem.basedir", baseDirectory.toString());
        S3Proxy proxy = S3Proxy.builder()
                // the same backend name the local stack's S3Proxy process is configured with
                .blobStore(BlobStores.create("filesystem-nio2", backend))
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        EmbeddedS3Proxy started = new EmbeddedS3Proxy(proxy, baseDirectory);
        try {
            proxy.start();
            Await.until(START_TIMEOUT, () -> "STARTED".equals(proxy.getState()), "S3Proxy to reach state STARTED");
            return started;
        } catch (Exception | Error e) {
            try {
                started.close();
            } catch (Exception stopFailure) {
                e.addSuppressed(stopFailure);
            }
            throw e;
        }
    }

    /** The bound address; the builder's port 0 only becomes a real port after start. */
    String endpoint() {
        return "http://127.0.0.1:" + proxy.getPort();
    }

    /** Stops the server and deletes its objects (tests upload up to gigabytes), as the Kafka test kit does. */
    @Override
    public void close() throws Exception {
        proxy.stop();
        TestDirectories.deleteRecursively(baseDirectory);
    }
}
