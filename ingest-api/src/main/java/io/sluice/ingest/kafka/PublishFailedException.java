package io.sluice.ingest.kafka;

/** Kafka did not acknowledge a request event in time: nothing was promised to the client. */
public final class PublishFailedException extends RuntimeException {

    public PublishFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
