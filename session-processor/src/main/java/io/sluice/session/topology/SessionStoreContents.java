package io.sluice.session.topology;

import io.sluice.session.domain.SessionData;
import io.sluice.session.domain.Sha256;
import java.util.HexFormat;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Read-only view of this instance's state stores through Kafka Streams interactive queries, for
 * operators and for the replay test: what a replay must rebuild byte for byte. Only the partitions
 * this instance holds are read.
 */
public final class SessionStoreContents {

    private static final HexFormat HEX = HexFormat.of();

    /**
     * One upload session as stored.
     *
     * @param recordHex the whole stored record in its store format (hex): request outcomes,
     *     rejections, times, everything; two sessions are the same exactly when these are equal
     * @param hashStateHex the rolling SHA-256 midstate
     */
    public record Session(String state, int hashFrontier, long bytesHashed, int receivedCount, int storedCount,
            String hashStateHex, long lastActivityMillis, String recordHex) {}

    private SessionStoreContents() {}

    public static SortedMap<String, Session> sessions(KafkaStreams streams) {
        ReadOnlyKeyValueStore<String, SessionRecord> store = streams.store(StoreQueryParameters.fromNameAndType(
                SessionProcessorTopology.SESSIONS_STORE, QueryableStoreTypes.<String, SessionRecord>keyValueStore()));
        SortedMap<String, Session> sessions = new TreeMap<>();
        try (KeyValueIterator<String, SessionRecord> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, SessionRecord> entry = all.next();
                SessionData data = entry.value.data;
                sessions.put(entry.key, new Session(data.state().name(), data.hashFrontier(), data.bytesHashed(),
                        data.receivedCount(), data.storedCount(), HEX.formatHex(data.hashState()), data.lastActivityMillis(),
                        HEX.formatHex(SessionRecordSerde.write(entry.value))));
            }
        }
        return sessions;
    }

    /** The parked chunks (key: upload id and index) and the SHA-256 of their bytes. */
    public static SortedMap<String, String> parkedChunks(KafkaStreams streams) {
        return digests(streams, SessionProcessorTopology.PARKED_CHUNKS_STORE);
    }

    /**
     * Per upload, the SHA-256 of all its chunk entries as stored (keys and values, in key order): equal
     * exactly when every chunk's accepted digest, stored flag and pending reports are.
     */
    public static SortedMap<String, String> chunkEntries(KafkaStreams streams) {
        ReadOnlyKeyValueStore<String, byte[]> store = streams.store(StoreQueryParameters.fromNameAndType(
                SessionProcessorTopology.CHUNK_ENTRIES_STORE, QueryableStoreTypes.<String, byte[]>keyValueStore()));
        SortedMap<String, java.security.MessageDigest> digests = new TreeMap<>();
        try (KeyValueIterator<String, byte[]> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, byte[]> entry = all.next();
                java.security.MessageDigest digest = digests.computeIfAbsent(
                        entry.key.substring(0, entry.key.lastIndexOf('/')), upload -> Sha256.newDigest());
                digest.update(entry.key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                digest.update(entry.value);
            }
        }
        SortedMap<String, String> hex = new TreeMap<>();
        digests.forEach((upload, digest) -> hex.put(upload, HEX.formatHex(digest.digest())));
        return hex;
    }

    /** The stored-chunk reports kept for uploads not opened yet, and the SHA-256 of each stored value. */
    public static SortedMap<String, String> earlyReports(KafkaStreams streams) {
        return digests(streams, SessionProcessorTopology.EARLY_REPORTS_STORE);
    }

    private static SortedMap<String, String> digests(KafkaStreams streams, String storeName) {
        ReadOnlyKeyValueStore<String, byte[]> store = streams.store(StoreQueryParameters.fromNameAndType(storeName,
                QueryableStoreTypes.<String, byte[]>keyValueStore()));
        SortedMap<String, String> digests = new TreeMap<>();
        try (KeyValueIterator<String, byte[]> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, byte[]> entry = all.next();
                digests.put(entry.key, Sha256.hex(Sha256.of(entry.value)));
            }
        }
        return digests;
    }
}
