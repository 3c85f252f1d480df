package io.sluice.session.topology;

import static io.sluice.session.topology.SessionProcessorDriver.RETENTION;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.events.ForgetRequested;
import io.sluice.events.UploadAborted;
import io.sluice.events.UploadForgotten;
import io.sluice.events.UploadState;
import io.sluice.events.UploadStatus;
import io.sluice.schemas.keys.UploadIds;
import io.sluice.session.domain.Sha256;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.junit.jupiter.api.Test;

/**
 * Contract I10, retention: an ended upload is forgotten once {@code SLUICE_ENDED_RETENTION} has
 * passed, through a request the punctuator writes to the log (so a replay forgets the same
 * uploads), and nothing of it stays in the processor's stores or its projections.
 */
class RetentionTopologyTest {

    private static final int CHUNK = 250;
    private final byte[] file = bytes(CHUNK * 3 + 100, 5);
    private final String upload = UploadIds.newUploadId();

    @Test
    void shouldForgetAFinishedUploadThroughAnEventOnceItsRetentionHasPassed() throws Exception {
        try (SessionProcessorDriver d = new SessionProcessorDriver(Long.MAX_VALUE)) {
            finish(d);
            assertThat(d.receivedChunks(upload)).containsExactly(0, 1, 2, 3);
            Instant finishedAt = d.now();

            d.advance(RETENTION.minusMinutes(1));
            assertThat(d.expiryRequests()).as("nothing is forgotten within the retention").isEmpty();
            d.advance(Duration.ofMinutes(2));

            assertThat(d.expiryRequests()).singleElement().satisfies(request ->
                    assertThat(request.getPayload()).isInstanceOfSatisfying(ForgetRequested.class,
                            forget -> assertThat(forget.getEndedAt()).isEqualTo(finishedAt)));
            assertThat(d.decisions()).singleElement().isInstanceOfSatisfying(UploadForgotten.class, forgotten -> {
                assertThat(forgotten.getState()).isEqualTo(UploadState.FINISHED);
                assertThat(forgotten.getEndedAt()).isEqualTo(finishedAt);
            });
            assertGone(d);
        }
    }

    @Test
    void shouldForgetAnAbortedUploadWithItsParkedChunksAndChunkEntries() throws Exception {
        try (SessionProcessorDriver d = new SessionProcessorDriver(Long.MAX_VALUE)) {
            d.open(upload, file.length, CHUNK);
            d.sendChunk(upload, 2, chunk(2)); // parked: 0 has not come
            d.reportStored(upload, 2, chunk(2));
            d.abort(upload);
            assertThat(d.decisions()).last().isInstanceOf(UploadAborted.class);

            d.advance(RETENTION.plusMinutes(1));

            assertThat(d.decisions()).singleElement().isInstanceOf(UploadForgotten.class);
            assertGone(d);
            assertThat(d.parkedStore().get(ParkedChunkStore.key(upload, 2))).isNull();
        }
    }

    @Test
    void shouldIgnoreAForgetRequestForAnUploadNotEndedOrEndedAtAnotherTime() throws Exception {
        try (SessionProcessorDriver d = new SessionProcessorDriver(Long.MAX_VALUE)) {
            d.open(upload, file.length, CHUNK);
            d.sendChunk(upload, 0, chunk(0));
            d.decisions();
            d.statuses();

            d.requestForget(upload, d.now());
            assertThat(d.decisions()).as("an open upload is not forgotten").isEmpty();

            d.abort(upload);
            d.decisions();
            d.requestForget(upload, d.now().minusSeconds(1));
            assertThat(d.decisions()).as("a request for another end time is stale").isEmpty();
            assertThat(d.sessionsStore().get(upload)).isNotNull();
            assertThat(d.statuses().get(upload).getState()).isEqualTo(UploadState.ABORTED);

            d.requestForget(upload, d.now());
            assertThat(d.decisions()).singleElement().isInstanceOf(UploadForgotten.class);
            d.requestForget(upload, d.now());
            assertThat(d.decisions()).as("forgetting twice changes nothing").isEmpty();
        }
    }

    @Test
    void shouldLetTheSameUploadIdOpenAnewOnceForgotten() throws Exception {
        try (SessionProcessorDriver d = new SessionProcessorDriver(Long.MAX_VALUE)) {
            d.open(upload, file.length, CHUNK);
            d.abort(upload);
            d.requestForget(upload, d.now());
            d.decisions();

            d.open(upload, CHUNK, CHUNK);
            d.sendChunk(upload, 0, chunk(0));

            UploadStatus status = d.statuses().get(upload);
            assertThat(status.getState()).isEqualTo(UploadState.OPEN);
            assertThat(status.getChunkCount()).isEqualTo(1);
            assertThat(status.getReceivedCount()).isEqualTo(1);
        }
    }

    private void finish(SessionProcessorDriver d) {
        d.open(upload, file.length, CHUNK);
        for (int i = 0; i < 4; i++) {
            d.sendChunk(upload, i, chunk(i));
            d.reportStored(upload, i, chunk(i));
        }
        d.finish(upload, file.length, Sha256.of(file));
        d.announceFinished(upload, file.length, Sha256.of(file));
        assertThat(d.statuses().get(upload).getState()).isEqualTo(UploadState.FINISHED);
        d.decisions();
    }

    private void assertGone(SessionProcessorDriver d) {
        Map<String, UploadStatus> statuses = d.statuses();
        assertThat(statuses).as("the status is tombstoned").containsKey(upload);
        assertThat(statuses.get(upload)).isNull();
        assertThat(d.receivedChunks(upload)).as("every chunk progress record is tombstoned").isEmpty();
        assertThat(d.sessionsStore().get(upload)).isNull();
        try (KeyValueIterator<String, byte[]> entries = d.chunkEntriesStore().all()) {
            assertThat(entries).toIterable().extracting((KeyValue<String, byte[]> entry) -> entry.key)
                    .noneMatch(key -> key.startsWith(upload));
        }
    }

    private byte[] chunk(int index) {
        return Arrays.copyOfRange(file, index * CHUNK, Math.min(file.length, (index + 1) * CHUNK));
    }

    private static byte[] bytes(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
