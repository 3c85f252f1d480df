package io.sluice.testkit;

import io.minio.MinioClient;

/** A running S3-compatible object store with SigV4 authentication. */
public interface S3Server {

    /** Base URL without a trailing slash, e.g. http://127.0.0.1:PORT */
    String endpoint();

    String accessKey();

    String secretKey();

    /** The region to sign requests for. */
    String region();

    /** A shared client for this server (its OkHttp client sets TCP_NODELAY). */
    MinioClient client();

    /** Creates the bucket if it does not exist yet. */
    void createBucket(String name);
}
