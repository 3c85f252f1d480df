package io.sluice.stack.bootstrap;

import java.util.List;
import java.util.Map;

/**
 * The topics the stack creates. PROVISIONAL: a fixed list until the typed topic catalogue in
 * {@code io.sluice.schemas.topics} exists; then this maps the catalogue and the list goes.
 */
public final class StackTopics {

    private static final int PARTITIONS = 6;

    private StackTopics() {}

    public static List<TopicSpec> all() {
        Map<String, String> large = Map.of("max.message.bytes", "20971520");
        Map<String, String> compacted = Map.of("cleanup.policy", "compact");
        return List.of(
                new TopicSpec("sluice.upload-requests", PARTITIONS, large),
                new TopicSpec("sluice.blob-events", PARTITIONS, Map.of()),
                new TopicSpec("sluice.upload-decisions", PARTITIONS, Map.of()),
                new TopicSpec("sluice.asset-index", PARTITIONS, compacted),
                new TopicSpec("sluice.upload-finished", PARTITIONS, Map.of()),
                new TopicSpec("sluice.dead-letters", 1, large));
    }
}
