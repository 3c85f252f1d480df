package io.sluice.client.upload;

/** What a {@link FileUploader} tells as it goes; every method has a default that does nothing. */
public interface UploadListener {

    UploadListener NONE = new UploadListener() {};

    /**
     * The upload is known: {@code alreadyThere} bytes of {@code size} need not be sent (a resumed upload's
     * chunks the server has).
     */
    default void started(String uploadId, long size, long alreadyThere, boolean resumed) {}

    /** A chunk of {@code bytes} was acknowledged (it is in Kafka). */
    default void chunkSent(int bytes) {}

    /** Every chunk is sent; the finish (verification, storage) is under way. */
    default void finishing() {}
}
