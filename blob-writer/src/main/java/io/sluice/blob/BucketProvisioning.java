package io.sluice.blob;

import io.minio.BucketExistsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.errors.ErrorResponseException;
import io.sluice.runtime.s3.S3Clients;
import io.sluice.runtime.service.DependencyProbe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bucket as a readiness dependency that the blob writer, as the bucket's first writer, creates
 * when it is missing. Run by a {@code DependencyWatch}, so the creation is tried at start and again
 * every few seconds while the store is unreachable.
 */
final class BucketProvisioning implements DependencyProbe {

    private static final Logger log = LoggerFactory.getLogger(BucketProvisioning.class);

    private final MinioClient client;
    private final String bucket;
    private final DependencyProbe exists;

    BucketProvisioning(MinioClient client, String bucket) {
        this.client = client;
        this.bucket = bucket;
        this.exists = S3Clients.bucketProbe(client, bucket);
    }

    @Override
    public String name() {
        return exists.name();
    }

    @Override
    public void check() throws Exception {
        if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
            try {
                client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
                log.info("Created bucket {}", bucket);
            } catch (ErrorResponseException e) {
                // another instance created it in between
                if (!"BucketAlreadyOwnedByYou".equals(e.errorResponse().code())) throw e;
            }
        }
        exists.check();
    }
}
