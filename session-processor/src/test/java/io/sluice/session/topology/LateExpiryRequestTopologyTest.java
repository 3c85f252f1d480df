package io.sluice.session.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.events.UploadExpired;
import io.sluice.events.UploadState;
import io.sluice.schemas.keys.UploadIds;
import io.sluice.session.domain.Sha256;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the expiry punctuator can add during a replay (README, "Recovery"): seeing a session idle
 * half-way through its replayed history, it appends an ExpiryRequested naming the activity time it
 * saw. That request lands after everything already in the log, so it is read once the rest of the
 * upload's history has been applied, and then it must change nothing.
 */
class LateExpiryRequestTopologyTest {

    private static final int CHUNK = 1000;
    private static final String UPLOAD = UploadIds.newUploadId();

    private final byte[] file = bytes(CHUNK * 2 + 10, 3);
    private SessionProcessorDriver driver;

    @AfterEach
    void close() {
        if (driver != null) driver.close();
    }

    @Test
    void shouldIgnoreALateExpiryRequestForAnUploadThatFinishedAfterTheActivityItNames() throws Exception {
        SessionProcessorDriver d = driver = new SessionProcessorDriver(Long.MAX_VALUE);
        d.open(UPLOAD, file.length, CHUNK);
        Instant openedAt = d.now();
        d.advance(Duration.ofSeconds(1));
        for (int i = 0; i < 3; i++) d.sendChunk(UPLOAD, i, chunk(i));
        d.advance(Duration.ofSeconds(1));
        d.finish(UPLOAD, file.length, Sha256.of(file));
        Instant finishedAt = d.now();
        for (int i = 0; i < 3; i++) d.reportStored(UPLOAD, i, chunk(i));
        d.announceFinished(UPLOAD, file.length, Sha256.of(file));
        d.decisions();
        String before = storedRecord(d);

        d.requestExpiry(UPLOAD, openedAt);   // seen idle after its opening
        d.requestExpiry(UPLOAD, finishedAt); // seen idle while finishing, before its reports were replayed

        assertThat(d.decisions()).isEmpty();
        assertThat(d.statuses().get(UPLOAD).getState()).isEqualTo(UploadState.FINISHED);
        assertThat(storedRecord(d)).isEqualTo(before);
    }

    @Test
    void shouldKeepTheRecordedExpiryWhenTheReplayAsksAgain() throws Exception {
        SessionProcessorDriver d = driver = new SessionProcessorDriver(Long.MAX_VALUE);
        d.open(UPLOAD, file.length, CHUNK);
        d.sendChunk(UPLOAD, 0, chunk(0));
        Instant lastActivity = d.now();
        d.advance(Duration.ofHours(1));
        d.requestExpiry(UPLOAD, lastActivity); // the recorded decision
        assertThat(d.decisions()).last().isInstanceOf(UploadExpired.class);
        String before = storedRecord(d);

        d.advance(Duration.ofHours(1));
        d.requestExpiry(UPLOAD, lastActivity); // the replay's punctuator, for the same idle session

        assertThat(d.decisions()).isEmpty();
        assertThat(d.statuses().get(UPLOAD).getState()).isEqualTo(UploadState.EXPIRED);
        assertThat(storedRecord(d)).as("expired at the recorded time, not the later one").isEqualTo(before);
    }

    private static String storedRecord(SessionProcessorDriver d) {
        return HexFormat.of().formatHex(SessionRecordSerde.write(d.sessionsStore().get(UPLOAD)));
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
