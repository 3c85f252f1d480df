package io.sluice.session.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.events.DeadLetter;
import io.sluice.events.DeadLetterReason;
import io.sluice.schemas.deadletters.DeadLetterDeserializationHandler;
import io.sluice.schemas.registry.InMemorySchemaRegistry;
import io.sluice.schemas.topics.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/**
 * A record whose processing throws goes to the dead-letter topic with its original bytes, and the
 * next record is processed (contract I4), with the handlers both Streams apps install.
 */
class ProcessingFailureTopologyTest {

    @Test
    void shouldSetARecordWhoseProcessingThrowsAsideAndProcessTheNext() {
        InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
        Topology topology = new Topology();
        topology.addSource("in", Serdes.String().deserializer(), Serdes.String().deserializer(), "input");
        topology.addProcessor("fragile", FailsOnPoison::new, "in");
        topology.addSink("out", "output", Serdes.String().serializer(), Serdes.String().serializer(), "fragile");
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "processing-failure-test");
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        properties.putAll(DeadLetterDeserializationHandler.streamsProperties(registry, "session-processor"));

        try (TopologyTestDriver driver = new TopologyTestDriver(topology, properties)) {
            TestInputTopic<String, String> input = driver.createInputTopic("input",
                    Serdes.String().serializer(), Serdes.String().serializer());
            TestOutputTopic<String, String> output = driver.createOutputTopic("output",
                    Serdes.String().deserializer(), Serdes.String().deserializer());
            TestOutputTopic<byte[], DeadLetter> deadLetters = driver.createOutputTopic(Topics.DEAD_LETTERS.name(),
                    new ByteArrayDeserializer(), Topics.DEAD_LETTERS.valueSerde(registry).deserializer());

            input.pipeInput("up_a", "poison");
            input.pipeInput("up_b", "fine");

            assertThat(output.readValuesToList()).containsExactly("fine");
            TestRecord<byte[], DeadLetter> letter = deadLetters.readRecord();
            assertThat(letter.key()).isEqualTo("up_a".getBytes(StandardCharsets.UTF_8));
            assertThat(letter.value().getReason()).isEqualTo(DeadLetterReason.PROCESSING_FAILED);
            assertThat(letter.value().getValue()).isEqualTo(ByteBuffer.wrap("poison".getBytes(StandardCharsets.UTF_8)));
            assertThat(letter.value().getSourceTopic()).isEqualTo("input");
            assertThat(letter.value().getDetail()).contains("IllegalStateException").contains("cannot apply");
            assertThat(deadLetters.isEmpty()).isTrue();
        }
    }

    private static final class FailsOnPoison implements Processor<String, String, String, String> {
        private ProcessorContext<String, String> context;

        @Override
        public void init(ProcessorContext<String, String> context) {
            this.context = context;
        }

        @Override
        public void process(Record<String, String> record) {
            if (record.value().equals("poison")) throw new IllegalStateException("cannot apply " + record.value());
            context.forward(record);
        }
    }
}
