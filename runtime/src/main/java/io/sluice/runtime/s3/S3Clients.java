package io.sluice.runtime.s3;

import io.minio.BucketExistsArgs;
import io.minio.MinioClient;
import io.sluice.runtime.config.Setting;
import io.sluice.runtime.config.SluiceConfig;
import io.sluice.runtime.service.DependencyProbe;
import java.time.Duration;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;

/** The MinIO SDK client as every component (and the testkit) builds it, and a bucket probe. */
public final class S3Clients {

    private S3Clients() {}

    public static MinioClient minio(SluiceConfig config) {
        return minio(config.get(Setting.S3_ENDPOINT), config.get(Setting.S3_REGION),
                config.get(Setting.S3_ACCESS_KEY), config.get(Setting.S3_SECRET_KEY), httpClient());
    }

    public static MinioClient minio(String endpoint, String region, String accessKey, String secretKey,
            OkHttpClient httpClient) {
        return MinioClient.builder()
                .endpoint(endpoint)
                .region(region)
                .credentials(accessKey, secretKey)
                .httpClient(httpClient)
                .build();
    }

    /**
     * The SDK's own defaults (HTTP/1.1, minutes-long timeouts) plus TCP_NODELAY, which OkHttp leaves
     * off and whose absence halves PUT throughput (measured).
     */
    public static OkHttpClient httpClient() {
        return new OkHttpClient.Builder()
                .protocols(List.of(Protocol.HTTP_1_1))
                .connectTimeout(Duration.ofSeconds(30))
                .writeTimeout(Duration.ofMinutes(5))
                .readTimeout(Duration.ofMinutes(5))
                .socketFactory(new NoDelaySocketFactory())
                .build();
    }

    public static DependencyProbe bucketProbe(MinioClient client, String bucket) {
        return new DependencyProbe() {
            @Override
            public String name() {
                return "s3 bucket " + bucket;
            }

            @Override
            public void check() throws Exception {
                if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
                    throw new IllegalStateException("bucket " + bucket + " does not exist");
                }
            }
        };
    }
}
