package io.sluice.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.schemas.SampleEvents.Sample;
import io.sluice.schemas.topics.TopicSpec;
import io.sluice.schemas.topics.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/** Guards that nothing is forgotten: every schema file is on some topic, every event type has a sample. */
class SchemaCoverageTest {

    @Test
    void shouldHaveEverySchemaFileDefineATypeThatTravelsOnSomeTopic() throws IOException {
        Set<String> onTopics = new TreeSet<>();
        Topics.all().forEach(t -> t.valueSchema().ifPresent(s -> NamedTypes.collect(s, onTopics)));
        Topics.internalValueFormats().forEach(f -> f.avroSchema().ifPresent(s -> NamedTypes.collect(s, onTopics)));

        Set<String> inFiles;
        try (Stream<Path> files = Files.walk(Path.of("src/main/avro"))) {
            inFiles = files.filter(p -> p.toString().endsWith(".avsc"))
                    .map(p -> "io.sluice.events." + p.getFileName().toString().replace(".avsc", ""))
                    .collect(Collectors.toCollection(TreeSet::new));
        }

        assertThat(onTopics).isEqualTo(inFiles);
    }

    @Test
    void shouldHaveASampleOfEveryEventTypeOnItsOwnTopic() {
        Set<String> eventTypes = new TreeSet<>();
        for (TopicSpec<?, ?> topic : Topics.all()) {
            Schema value = topic.valueSchema().orElseThrow();
            Schema.Field payload = value.getField("payload");
            if (payload != null && payload.schema().getType() == Schema.Type.UNION) {
                payload.schema().getTypes().forEach(t -> eventTypes.add(topic.name() + ":" + t.getName()));
            } else {
                eventTypes.add(topic.name() + ":" + value.getName());
            }
        }

        Set<String> sampled = SampleEvents.all().stream()
                .map(s -> s.topic().name() + ":" + s.eventType())
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(sampled).isEqualTo(eventTypes);
    }

    @Test
    void shouldSetTheOptionalFieldsOfEverySampleSoARoundTripExercisesThem() {
        for (Sample<?> sample : SampleEvents.all()) {
            SpecificRecord event = event(sample.value());
            for (Schema.Field field : event.getSchema().getFields()) {
                assertThat(event.get(field.pos())).as(sample.eventType() + "." + field.name()).isNotNull();
            }
        }
    }

    private static SpecificRecord event(SpecificRecord value) {
        Schema.Field payload = value.getSchema().getField("payload");
        return payload == null ? value : (SpecificRecord) value.get(payload.pos());
    }
}
