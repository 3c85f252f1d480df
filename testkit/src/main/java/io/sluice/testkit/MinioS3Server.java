package io.sluice.testkit;

import io.minio.BucketExistsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.sluice.runtime.s3.S3Clients;
import java.util.Objects;
import okhttp3.OkHttpClient;

/** {@link S3Server} for any S3-compatible endpoint, reached through one shared MinIO client. */
final class MinioS3Server implements S3Server, AutoCloseable {

    static final String REGION = "us-east-1";

    private final String endpoint;
    private final String accessKey;
    private final String secretKey;
    private final OkHttpClient httpClient;
    private final MinioClient client;

    MinioS3Server(String endpoint, String accessKey, String secretKey) {
        this.endpoint = stripTrailingSlash(Objects.requireNonNull(endpoint, "endpoint"));
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        this.httpClient = S3Clients.httpClient();
        this.client = S3Clients.minio(this.endpoint, REGION, accessKey, secretKey, httpClient);
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Override
    public String endpoint() {
        return endpoint;
    }

    @Override
    public String accessKey() {
        return accessKey;
    }

    @Override
    public String secretKey() {
        return secretKey;
    }

    @Override
    public String region() {
        return REGION;
    }

    @Override
    public MinioClient client() {
        return client;
    }

    @Override
    public synchronized void createBucket(String name) {
        try {
            if (!client.bucketExists(BucketExistsArgs.builder().bucket(name).build())) {
                client.makeBucket(MakeBucketArgs.builder().bucket(name).build());
            }
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create bucket " + name + " at " + endpoint, e);
        }
    }

    /** Releases the HTTP client's threads and pooled connections. */
    @Override
    public void close() {
        httpClient.dispatcher().executorService().shutdown();
        httpClient.connectionPool().evictAll();
    }
}
