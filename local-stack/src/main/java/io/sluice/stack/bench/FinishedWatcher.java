package io.sluice.stack.bench;

import io.sluice.runtime.config.SluiceConfig;
import io.sluice.runtime.kafka.KafkaClients;
import io.sluice.schemas.topics.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Notes when each upload's {@code UploadFinished} becomes visible: a {@code read_committed}
 * consumer of {@code sluice.uploads-finished}, as any client of the topic sees it, records the
 * {@link System#nanoTime()} at which a record keyed by an upload id arrives. It starts at the end
 * of every partition, so it sees exactly the uploads finished after it started. The value is not
 * decoded: the key (the upload id) is all a latency needs.
 */
final class FinishedWatcher implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(100);

    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<String, CompletableFuture<Long>> arrivals = new ConcurrentHashMap<>();
    private final Thread poller;
    private volatile RuntimeException failure;

    private FinishedWatcher(KafkaConsumer<String, byte[]> consumer) {
        this.consumer = consumer;
        this.poller = Thread.ofPlatform().daemon().name("bench-uploads-finished").unstarted(this::pollUntilClosed);
    }

    /** Returns once the consumer is positioned at the end of every partition. */
    static FinishedWatcher start(SluiceConfig config) {
        Properties properties = KafkaClients.common(config, "sluice-bench-finished-watcher");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50);
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
                new ByteArrayDeserializer());
        String topic = Topics.UPLOADS_FINISHED.name();
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        for (TopicPartition partition : partitions) consumer.position(partition, Duration.ofSeconds(30));
        FinishedWatcher watcher = new FinishedWatcher(consumer);
        watcher.poller.start();
        return watcher;
    }

    /**
     * When {@code uploadId}'s {@code UploadFinished} arrived (nanoTime), waiting up to {@code timeout};
     * empty if it did not arrive in time.
     */
    OptionalLong awaitArrival(String uploadId, Duration timeout) throws InterruptedException {
        try {
            return OptionalLong.of(future(uploadId).get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            if (failure != null) throw new BenchFailure("reading " + Topics.UPLOADS_FINISHED.name() + " failed", failure);
            return OptionalLong.empty();
        } catch (ExecutionException e) {
            throw new BenchFailure("waiting for UploadFinished of " + uploadId + " failed", e.getCause());
        }
    }

    private CompletableFuture<Long> future(String uploadId) {
        return arrivals.computeIfAbsent(uploadId, id -> new CompletableFuture<>());
    }

    private void pollUntilClosed() {
        try {
            while (true) {
                var records = consumer.poll(POLL);
                long arrived = System.nanoTime();
                for (ConsumerRecord<String, byte[]> record : records) future(record.key()).complete(arrived);
            }
        } catch (WakeupException closing) {
            // close() woke the poll: the watcher is done
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
        }
    }

    @Override
    public void close() {
        consumer.wakeup();
        try {
            poller.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the poller is a daemon: it cannot hold the JVM
        }
    }
}
