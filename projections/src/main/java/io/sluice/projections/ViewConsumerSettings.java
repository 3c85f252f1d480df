package io.sluice.projections;

import io.sluice.runtime.config.SluiceConfig;
import io.sluice.runtime.kafka.KafkaClients;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** How a view's consumer is configured. */
final class ViewConsumerSettings {

    private ViewConsumerSettings() {}

    /**
     * Committed data only; no group, so no offsets are committed and every view reads the whole
     * topic. Values stay bytes: the view decodes them itself, so it can tell a poison record from a
     * registry that is briefly away.
     */
    static Properties readCommittedWithoutGroup(SluiceConfig config, String clientId) {
        Properties properties = KafkaClients.common(config, clientId);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Small records, applied one database batch per poll: larger polls mean fewer batches when
        // a view loads history.
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return properties;
    }
}
