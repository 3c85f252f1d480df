package io.sluice.schemas.deadletters;

import io.sluice.events.DeadLetter;
import io.sluice.events.DeadLetterReason;
import io.sluice.schemas.registry.SchemaRegistry;
import io.sluice.schemas.registry.SchemaRegistryClient;
import io.sluice.schemas.topics.Topics;
import java.time.Clock;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * What both Streams error handlers need to set a record aside: the envelope's serializer (from
 * {@link DeadLetterDeserializationHandler#REGISTRY_CONFIG}) and the component's name (from
 * {@link DeadLetterDeserializationHandler#COMPONENT_CONFIG}).
 */
record DeadLetterEncoding(Serializer<DeadLetter> serializer, String component, Clock clock) {

    static DeadLetterEncoding from(Map<String, ?> configs) {
        Object registry = configs.get(DeadLetterDeserializationHandler.REGISTRY_CONFIG);
        SchemaRegistry resolved = switch (registry) {
            case SchemaRegistry instance -> instance;
            case String url when !url.isBlank() -> SchemaRegistryClient.of(url);
            case null, default -> throw new ConfigException(DeadLetterDeserializationHandler.REGISTRY_CONFIG, registry,
                    "a SchemaRegistry or the registry's base URL is needed to encode dead letters");
        };
        if (!(configs.get(DeadLetterDeserializationHandler.COMPONENT_CONFIG) instanceof String name) || name.isBlank()) {
            throw new ConfigException(DeadLetterDeserializationHandler.COMPONENT_CONFIG,
                    configs.get(DeadLetterDeserializationHandler.COMPONENT_CONFIG),
                    "the name of the component setting records aside is needed");
        }
        return new DeadLetterEncoding(Topics.DEAD_LETTERS.valueSerde(resolved).serializer(), name, Clock.systemUTC());
    }

    /**
     * The dead-letter record for {@code original}, encoded. A registry failure throws out of here:
     * Streams then stops the thread and the record is read again later.
     */
    ProducerRecord<byte[], byte[]> deadLetter(OriginalRecord original, DeadLetterReason reason, String detail) {
        DeadLetter envelope = DeadLetters.envelope(original, reason, detail, component, clock.instant());
        byte[] value = serializer.serialize(Topics.DEAD_LETTERS.name(), envelope);
        return DeadLetters.producerRecord(original, reason, component, value);
    }
}
