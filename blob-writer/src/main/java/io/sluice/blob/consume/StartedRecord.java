package io.sluice.blob.consume;

import java.util.concurrent.CompletableFuture;

/**
 * A record whose work is under way.
 *
 * @param offset the record's offset
 * @param bytes its key and value bytes, held until it is done (the loop's memory bound)
 * @param done completes when its work is acknowledged, or it was set aside on the dead-letter topic;
 *     fails when it must be read again
 */
record StartedRecord(long offset, long bytes, CompletableFuture<?> done) {}
