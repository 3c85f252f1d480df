package io.sluice.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

@RealServers
class KafkaStreamsExactlyOnceTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String INPUT = "eos-words";
    private static final String OUTPUT = "eos-word-counts";
    private static final String STORE = "word-counts";

    @Test
    void shouldRunExactlyOnceStreamsAppWithRocksDbStore(KafkaServer kafka) throws Exception {
        kafka.createTopic(INPUT, 2, Map.of());
        kafka.createTopic(OUTPUT, 2, Map.of());
        Path stateDirectory = TestDirectories.newDirectory("streams");

        try (KafkaStreams streams = new KafkaStreams(countPerKey().build(), streamsConfig(kafka, stateDirectory))) {
            streams.start();
            Await.until(TIMEOUT, () -> streams.state() == KafkaStreams.State.RUNNING, "the Streams app to be RUNNING");
            produce(kafka, List.of("a", "b", "a", "c", "a", "b"));

            Map<String, Long> expected = Map.of("a", 3L, "b", 2L, "c", 1L);
            assertThat(readCommittedLatestCounts(kafka, expected)).isEqualTo(expected);
            ReadOnlyKeyValueStore<String, Long> store = streams.store(
                    StoreQueryParameters.fromNameAndType(STORE, QueryableStoreTypes.keyValueStore()));
            assertThat(store.get("a")).isEqualTo(3L);
            assertThat(containsRocksDbFiles(stateDirectory)).as("RocksDB files under " + stateDirectory).isTrue();
        }
    }

    private static StreamsBuilder countPerKey() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(INPUT, Consumed.with(Serdes.String(), Serdes.String()))
                .groupByKey()
                .count(Materialized.<String, Long>as(Stores.persistentKeyValueStore(STORE))
                        .withKeySerde(Serdes.String()).withValueSerde(Serdes.Long()))
                .toStream()
                .to(OUTPUT, Produced.with(Serdes.String(), Serdes.Long()));
        return builder;
    }

    private static Properties streamsConfig(KafkaServer kafka, Path stateDirectory) {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "testkit-eos-word-count");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDirectory.toString());
        // short transactions, so the committed output is visible soon
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        return config;
    }

    private static void produce(KafkaServer kafka, List<String> words) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            for (String word : words) {
                producer.send(new ProducerRecord<>(INPUT, word, word)).get();
            }
        }
    }

    /** Latest committed count per word, read until it equals {@code expected} or the deadline passes. */
    private static Map<String, Long> readCommittedLatestCounts(KafkaServer kafka, Map<String, Long> expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "testkit-eos-reader",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Map<String, Long> latest = new HashMap<>();
        try (KafkaConsumer<String, Long> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new LongDeserializer())) {
            consumer.subscribe(List.of(OUTPUT));
            return Await.until(TIMEOUT, () -> {
                for (ConsumerRecord<String, Long> record : consumer.poll(Duration.ofMillis(100))) {
                    latest.put(record.key(), record.value());
                }
                return Map.copyOf(latest);
            }, expected::equals, "committed counts " + expected + " on " + OUTPUT);
        }
    }

    private static boolean containsRocksDbFiles(Path stateDirectory) throws Exception {
        try (Stream<Path> files = Files.walk(stateDirectory)) {
            return files.anyMatch(file -> file.getFileName().toString().endsWith(".sst")
                    || file.getFileName().toString().startsWith("OPTIONS-"));
        }
    }
}
