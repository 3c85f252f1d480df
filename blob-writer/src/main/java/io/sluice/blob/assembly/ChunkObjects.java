package io.sluice.blob.assembly;

import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.RemoveObjectsArgs;
import io.minio.Result;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.errors.ErrorResponseException;
import io.minio.messages.DeleteError;
import io.minio.messages.DeleteObject;
import io.minio.messages.Item;
import io.sluice.blob.consume.UnprocessableRecordException;
import io.sluice.events.ChunkRef;
import io.sluice.events.DeadLetterReason;
import io.sluice.runtime.concurrent.BoundedConcurrency;
import io.sluice.schemas.keys.ObjectKeys;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The chunk objects of an upload in the bucket: described before assembly, deleted after it. */
public final class ChunkObjects {

    /** HEAD requests at once while describing an upload's chunk objects. */
    private static final int CONCURRENT_DESCRIBES = 16;

    private final MinioClient client;
    private final String bucket;

    public ChunkObjects(MinioClient client, String bucket) {
        this.client = client;
        this.bucket = bucket;
    }

    /**
     * Describes every chunk object, in order, and checks that each holds as many bytes as its chunk.
     * A few requests at a time: an upload can have thousands of chunks.
     *
     * @throws UnprocessableRecordException when a chunk object is missing or has another size: the
     *     session processor verified only chunks the blob writer reported stored, so the store lost
     *     or changed them, and no retry brings them back
     */
    List<StoredChunk> describe(List<ChunkRef> chunks) throws Exception {
        return BoundedConcurrency.map(chunks, CONCURRENT_DESCRIBES, this::describe);
    }

    private StoredChunk describe(ChunkRef chunk) throws Exception {
        StatObjectResponse stat;
        try {
            stat = client.statObject(StatObjectArgs.builder().bucket(bucket).object(chunk.getObjectKey()).build());
        } catch (ErrorResponseException e) {
            if (!S3Errors.isNoSuchKey(e)) throw e;
            throw new UnprocessableRecordException(DeadLetterReason.PROCESSING_FAILED,
                    "chunk object " + chunk.getObjectKey() + " is missing", e);
        }
        if (stat.size() != chunk.getLength()) {
            throw new UnprocessableRecordException(DeadLetterReason.PROCESSING_FAILED, "chunk object "
                    + chunk.getObjectKey() + " holds " + stat.size() + " bytes, the chunk has " + chunk.getLength());
        }
        return new StoredChunk(chunk, stat.etag());
    }

    /**
     * Deletes every object under the upload's chunk prefix: the chunks the asset was made of, and any
     * conflicting duplicates or late redeliveries stored beside them. Lists first, then deletes, so
     * the listing is not paged over a prefix that is shrinking.
     *
     * @return how many objects were deleted
     */
    public int deleteAll(String uploadId) throws Exception {
        List<DeleteObject> objects = new ArrayList<>();
        Iterable<Result<Item>> listing = client.listObjects(ListObjectsArgs.builder().bucket(bucket)
                .prefix(ObjectKeys.chunkPrefix(uploadId)).recursive(true).build());
        for (Result<Item> item : listing) {
            objects.add(new DeleteObject(item.get().objectName()));
        }
        if (objects.isEmpty()) return 0;
        List<String> failures = new ArrayList<>();
        // lazy: the deletes happen while the results are read
        for (Result<DeleteError> result : client.removeObjects(
                RemoveObjectsArgs.builder().bucket(bucket).objects(objects).build())) {
            DeleteError error = result.get();
            failures.add(error.objectName() + " (" + error.code() + ": " + error.message() + ")");
        }
        if (!failures.isEmpty()) {
            throw new IOException("could not delete " + failures.size() + " of " + objects.size()
                    + " chunk objects of " + uploadId + ", e.g. " + failures.getFirst());
        }
        return objects.size();
    }
}
