package io.sluice.stack.readiness;

import io.minio.MinioClient;

/** Ready when an authenticated list-buckets call succeeds: the server is up and knows our keys. */
public final class S3Probe implements ReadinessProbe {

    private final MinioClient client;

    public S3Probe(MinioClient client) {
        this.client = client;
    }

    @Override
    public ProbeResult check() {
        try {
            client.listBuckets();
            return ProbeResult.isReady();
        } catch (Exception e) { // the SDK declares seven checked exceptions; every one means "not ready"
            return ProbeResult.failed(e);
        }
    }
}
