package io.sluice.bench;

import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.RemoveObjectsArgs;
import io.minio.Result;
import io.minio.StatObjectArgs;
import io.minio.messages.DeleteError;
import io.minio.messages.DeleteObject;
import io.minio.messages.Item;
import java.util.ArrayList;
import java.util.List;

/**
 * The same bytes PUT straight into the same S3 server, in a bucket of the benchmark's own
 * ({@value #BUCKET}), each object checked for its size afterwards and deleted once its figure is
 * taken, so the store holds no more than Sluice's own data.
 */
final class DirectBaseline {

    static final String BUCKET = "sluice-bench";

    private final DirectObjectWriter writer;
    private final MinioClient admin;
    private final String prefix;

    DirectBaseline(DirectObjectWriter writer, MinioClient admin, String runId) {
        this.writer = writer;
        this.admin = admin;
        this.prefix = "direct/" + runId + "/";
    }

    /** The file as one object in one PUT, from one buffer of its size. */
    void putWhole(GeneratedFile file) throws Exception {
        byte[] bytes = new byte[Math.toIntExact(file.size())];
        int length = file.fillPiece(0, bytes.length, bytes);
        writer.put(BUCKET, key(file), bytes, length);
    }

    /** The file as one object, a multipart upload with {@code streams} parts in flight. */
    void putMultipart(GeneratedFile file, int partSize, int streams) throws Exception {
        writer.putMultipart(BUCKET, key(file), file, partSize, streams);
    }

    /** The object is there with the file's size: the PUT measured what it claims. */
    void requireStored(GeneratedFile file) throws Exception {
        long stored = admin.statObject(StatObjectArgs.builder().bucket(BUCKET).object(key(file)).build()).size();
        if (stored != file.size()) {
            throw new BenchFailure("direct object " + key(file) + " has " + stored + " bytes, not " + file.size());
        }
    }

    /** Deletes every object this run wrote. */
    void deleteAll() throws Exception {
        List<DeleteObject> objects = new ArrayList<>();
        for (Result<Item> item : admin.listObjects(ListObjectsArgs.builder().bucket(BUCKET).prefix(prefix)
                .recursive(true).build())) {
            objects.add(new DeleteObject(item.get().objectName()));
        }
        if (objects.isEmpty()) return;
        for (Result<DeleteError> error : admin.removeObjects(RemoveObjectsArgs.builder().bucket(BUCKET)
                .objects(objects).build())) {
            DeleteError failed = error.get();
            throw new BenchFailure("could not delete " + failed.objectName() + ": " + failed.message());
        }
    }

    private String key(GeneratedFile file) {
        return prefix + file.name();
    }
}
