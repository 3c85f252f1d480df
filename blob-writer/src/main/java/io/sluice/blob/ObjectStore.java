package io.sluice.blob;

import io.minio.MinioAsyncClient;
import io.minio.MinioClient;
import io.sluice.blob.chunks.ChunkObjectWriter;
import io.sluice.runtime.config.Setting;
import io.sluice.runtime.config.SluiceConfig;
import io.sluice.runtime.s3.S3Clients;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/** The blob writer's S3 clients and bucket, sharing one HTTP client (and its connections). */
public final class ObjectStore implements AutoCloseable {

    /**
     * The SDK runs every call asynchronously, and OkHttp queues asynchronous calls beyond 5 per host
     * by default; the blob writer has more under way at once (chunk PUTs, compose part copies, the
     * reads and writes of streaming copies), bounded elsewhere.
     */
    private static final int MAX_REQUESTS_PER_HOST = 64;

    private final OkHttpClient http;
    private final MinioClient client;
    private final MinioAsyncClient asyncClient;
    private final ChunkObjectWriter chunkWriter;
    private final String bucket;

    private ObjectStore(OkHttpClient http, MinioClient client, MinioAsyncClient asyncClient, String bucket) {
        this.http = http;
        this.client = client;
        this.asyncClient = asyncClient;
        this.chunkWriter = new ChunkObjectWriter(asyncClient);
        this.bucket = bucket;
    }

    public static ObjectStore connect(SluiceConfig config) {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(2 * MAX_REQUESTS_PER_HOST);
        dispatcher.setMaxRequestsPerHost(MAX_REQUESTS_PER_HOST);
        OkHttpClient http = S3Clients.httpClient().newBuilder().dispatcher(dispatcher).build();
        String endpoint = config.get(Setting.S3_ENDPOINT);
        String region = config.get(Setting.S3_REGION);
        String accessKey = config.get(Setting.S3_ACCESS_KEY);
        String secretKey = config.get(Setting.S3_SECRET_KEY);
        MinioClient client = S3Clients.minio(endpoint, region, accessKey, secretKey, http);
        MinioAsyncClient async = MinioAsyncClient.builder().endpoint(endpoint).region(region)
                .credentials(accessKey, secretKey).httpClient(http).build();
        return new ObjectStore(http, client, async, config.get(Setting.S3_BUCKET));
    }

    public MinioClient client() {
        return client;
    }

    /** The same client's asynchronous face, for work that runs several requests at once. */
    public MinioAsyncClient asyncClient() {
        return asyncClient;
    }

    public ChunkObjectWriter chunkWriter() {
        return chunkWriter;
    }

    public String bucket() {
        return bucket;
    }

    /** Stops the HTTP client's threads (they would keep the JVM alive a minute) and drops its connections. */
    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
