package io.sluice.stack.bootstrap;

import io.minio.BucketExistsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.errors.ErrorResponseException;

/** Creates the bucket if it does not exist. Safe to run any number of times. */
public final class BucketBootstrap {

    private BucketBootstrap() {}

    /** @return true when it created the bucket, false when the bucket was already there */
    public static boolean ensureBucket(MinioClient client, String bucket) throws Exception {
        if (client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) return false;
        try {
            client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
            return true;
        } catch (ErrorResponseException e) {
            String code = e.errorResponse().code();
            if ("BucketAlreadyOwnedByYou".equals(code) || "BucketAlreadyExists".equals(code)) return false;
            throw e;
        }
    }
}
