package io.sluice.ingest.assets;

import io.minio.GetObjectArgs;
import io.minio.MinioClient;
import java.io.InputStream;

/** Opens an asset's object in the bucket as a stream: the bytes pass through, never buffered whole. */
public final class AssetObjects {

    private final MinioClient minio;
    private final String bucket;

    public AssetObjects(MinioClient minio, String bucket) {
        this.minio = minio;
        this.bucket = bucket;
    }

    /** The whole object. */
    public InputStream open(String objectKey) throws Exception {
        return minio.getObject(GetObjectArgs.builder().bucket(bucket).object(objectKey).build());
    }

    /** {@code length} bytes from {@code offset}. */
    public InputStream open(String objectKey, long offset, long length) throws Exception {
        return minio.getObject(GetObjectArgs.builder().bucket(bucket).object(objectKey)
                .offset(offset).length(length).build());
    }
}
