package io.sluice.session.topology;

import io.sluice.events.ChunkStored;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Stored-chunk reports that arrived before their upload was opened here. Kafka Streams orders
 * records across the co-partitioned input topics only as well as it can: when the request
 * partition lags (large chunk records still being fetched), the blob writer's small reports can be
 * processed first, even ahead of the {@code UploadOpened}. Dropping them would leave the upload
 * waiting forever for stores that already happened, so they are kept, keyed
 * {@code <uploadId>/<index>/<sha256>}, and applied when the session opens. Reports for an upload
 * that never opens are dropped once the request log no longer holds anything that could open it.
 */
final class EarlyReportStore {

    /** A kept report: the chunk and digest it names, and the tenant it claims. */
    record EarlyReport(int index, String sha256, String tenant) {}

    private final KeyValueStore<String, byte[]> store;

    EarlyReportStore(KeyValueStore<String, byte[]> store) {
        this.store = store;
    }

    void keep(ChunkStored report, long atMillis) {
        String key = String.format(Locale.ROOT, "%s/%010d/%s", report.getUploadId(), report.getIndex(), report.getSha256());
        byte[] tenant = report.getTenant().getBytes(StandardCharsets.UTF_8);
        store.put(key, ByteBuffer.allocate(Long.BYTES + tenant.length).putLong(atMillis).put(tenant).array());
    }

    /** Removes and returns the reports kept for an upload, in index order. */
    List<EarlyReport> drain(String uploadId) {
        List<KeyValue<String, byte[]>> found = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> reports = store.prefixScan(uploadId + "/", new StringSerializer())) {
            reports.forEachRemaining(found::add);
        }
        List<EarlyReport> drained = new ArrayList<>(found.size());
        for (KeyValue<String, byte[]> entry : found) {
            store.delete(entry.key);
            String[] parts = entry.key.split("/");
            String tenant = new String(entry.value, Long.BYTES, entry.value.length - Long.BYTES, StandardCharsets.UTF_8);
            drained.add(new EarlyReport(Integer.parseInt(parts[1]), parts[2], tenant));
        }
        return drained;
    }

    /** Drops reports kept since before {@code cutoffMillis}. */
    void dropOlderThan(long cutoffMillis) {
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> all = store.all()) {
            all.forEachRemaining(entry -> {
                if (ByteBuffer.wrap(entry.value).getLong() < cutoffMillis) expired.add(entry.key);
            });
        }
        expired.forEach(store::delete);
    }
}
